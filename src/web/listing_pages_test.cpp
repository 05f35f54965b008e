// Tests of the listing editor (listing_pages.cpp), through the router (no sockets) with the
// permission check and the session authenticator installed as the program does, on a real SQLite
// store: every form shows the current values; a valid post is stored (with HSDS metadata rows and
// audit entries) and found by the search index at once; errors come back next to their field with
// the typed input; CSRF; another organisation's records by id in the path or the form; hostile
// input; unknown ids.
#include "web/listing_pages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "accounts/accounts_testing.h"
#include "domain/model.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "http/router.h"
#include "search/search_index.h"
#include "search/search_testing.h"
#include "store/store.h"
#include "web/account_pages.h"
#include "web/organization_pages.h"
#include "web/page.h"
#include "web/page_testing.h"
#include "web/web_pages.h"

namespace knooppunt::web {
namespace {

namespace beast_http = boost::beast::http;
using domain::Record;
using domain::Role;
using domain::Table;
using search::testing::OrganizationId;
using search::testing::OrganizationSpec;
using search::testing::ServiceId;
using search::testing::ServiceSpec;
using testing::kCsrf;

std::string LocationId(const std::string& organization) {
  return domain::NameUuid("location:" + organization);
}

// A location of the organisation with an address in Den Haag (region Haaglanden).
std::vector<Record> LocationOf(const std::string& organization, const std::string& city) {
  return {Record(Table::kLocation)
              .With("id", LocationId(organization))
              .With("location_type", "physical")
              .With("organization_id", OrganizationId(organization))
              .With("name", "Buurthuis " + organization)
              .With("latitude", "52.07")
              .With("longitude", "4.30"),
          Record(Table::kAddress)
              .With("id", domain::NameUuid("address:" + organization))
              .With("location_id", LocationId(organization))
              .With("address_1", "Hoofdstraat 1")
              .With("city", city)
              .With("region", "Haaglanden")
              .With("state_province", "Zuid-Holland")
              .With("postal_code", "2500 AA")
              .With("country", "NL")
              .With("address_type", "physical")};
}

bool Contains(const http::Response& response, std::string_view text) {
  return response.message.body().find(text) != std::string::npos;
}

int Status(const http::Response& response) { return response.message.result_int(); }

std::string Location(const http::Response& response) {
  return std::string(response.message[beast_http::field::location]);
}

// Monday 23 November 2026, 10:00 in Amsterdam (CET).
domain::Instant MondayAtTen() { return *domain::ParseDateTime("2026-11-23T09:00:00Z"); }
// Sunday 22 November 2026, 11:00 in Amsterdam.
domain::Instant SundayAtEleven() { return *domain::ParseDateTime("2026-11-22T10:00:00Z"); }

class ListingPages : public ::testing::Test {
 protected:
  void SetUp() override {
    map_.Add(OrganizationSpec{.key = "a", .name = "Stichting Anker"});
    map_.Write(LocationOf("a", "Den Haag"));
    map_.Add(ServiceSpec{.key = "s",
                         .organization = "a",
                         .name = "Taalcafé",
                         .description = "Samen Nederlands praten.",
                         .languages = {"nl"}});
    map_.Write({Record(Table::kServiceAtLocation)
                    .With("id", domain::NameUuid("link:s"))
                    .With("service_id", ServiceId("s"))
                    .With("location_id", LocationId("a"))});
    map_.Add(OrganizationSpec{.key = "b", .name = "Vereniging Borg"});
    map_.Write(LocationOf("b", "Groningen"));
    map_.Add(ServiceSpec{.key = "t", .organization = "b", .name = "Fietsles"});
    auto index = search::SearchIndex::Open(map_.store(), {.path = map_.index_path()});
    ASSERT_TRUE(index.ok()) << index.error().message;
    index_ = std::move(*index);
    accounts_ = std::make_unique<accounts::Accounts>(
        map_.store(),
        accounts::AccountsOptions{.password = accounts::FastPasswordOptionsForTests()});
    AddWebRoutes(router_, map_.store(), *index_, {});
    AddOrganizationRoutes(router_, map_.store(), *index_, "http://localhost:8080");
    AddListingRoutes(router_, map_.store(), *index_, "http://localhost:8080");
    accounts::Accounts& accounts = *accounts_;
    router_.Authenticate([&accounts](const http::Request& request) -> Result<domain::Actor> {
      std::string session = Cookie(request, kSessionCookie);
      if (session.empty()) return domain::Actor{};
      return accounts.Authenticate(session);
    });
  }

  std::string AccountWith(const std::string& email, const domain::Grant& grant) {
    std::string& id = account_ids_[email];
    if (id.empty()) {
      auto created = accounts_->CreateVerified(email, "een lang genoeg wachtwoord", grant);
      EXPECT_TRUE(created.ok()) << created.error().message;
      if (created.ok()) id = *created;
    }
    return id;
  }
  std::string SessionOf(const std::string& account_id) {
    return std::string(kSessionCookie) + "=" +
           accounts::testing::StartSession(map_.store(), account_id);
  }
  std::string AdminOf(const std::string& organization) {
    return SessionOf(AccountWith("admin-" + organization + "@example.org",
                                 {Role::kOrganizationAdmin, OrganizationId(organization)}));
  }
  std::string MemberOf(const std::string& organization) {
    return SessionOf(AccountWith("lid-" + organization + "@example.org",
                                 {Role::kOrganizationMember, OrganizationId(organization)}));
  }

  http::Response Get(const std::string& target, const std::string& session = "") {
    return testing::GetPage(router_, target, session);
  }
  http::Response Post(const std::string& target, const std::string& body,
                      const std::string& session) {
    return testing::PostForm(router_, target, body, session);
  }
  http::Response PostRaw(const std::string& target, const std::string& body,
                         const std::string& session, const std::string& csrf_cookie = kCsrf) {
    return testing::PostRawForm(router_, target, body, session, csrf_cookie);
  }

  static std::string Org(const std::string& key) { return "/organisatie/" + OrganizationId(key); }
  static std::string ServicePath(const std::string& organization, const std::string& service) {
    return Org(organization) + "/diensten/" + ServiceId(service);
  }
  static std::string LocationPath(const std::string& organization, const std::string& location) {
    return Org(organization) + "/locaties/" + LocationId(location);
  }

  std::optional<Record> Stored(Table table, const std::string& id) {
    auto record = map_.store().Get(table, id);
    EXPECT_TRUE(record.ok());
    return record.ok() ? *record : std::nullopt;
  }
  std::string Field(Table table, const std::string& id, std::string_view field) {
    auto record = Stored(table, id);
    return record ? record->Get(field).value_or("") : "";
  }
  std::vector<Record> Find(Table table, std::string_view field, const std::string& value) {
    auto records = map_.store().FindBy(table, field, value);
    EXPECT_TRUE(records.ok());
    return records.ok() ? *records : std::vector<Record>();
  }
  std::set<std::string> LanguagesOf(const std::string& service_id) {
    std::set<std::string> codes;
    for (const Record& language : Find(Table::kLanguage, "service_id", service_id)) {
      codes.insert(language.Get("code").value_or(""));
    }
    return codes;
  }
  int64_t Changes() {
    auto last = map_.store().LastChange();
    EXPECT_TRUE(last.ok());
    return last.ok() ? *last : -1;
  }
  bool Audited(const std::string& action, const std::string& target) {
    auto log = map_.store().accounts().AuditLog(0, 1000);
    EXPECT_TRUE(log.ok());
    if (!log.ok()) return false;
    return std::any_of(log->begin(), log->end(), [&](const store::AuditEntry& entry) {
      return entry.action == action && entry.target_id == target;
    });
  }
  // The metadata rows of a record's field: (previous, replacement).
  std::vector<std::pair<std::string, std::string>> Metadata(const std::string& id,
                                                            const std::string& field) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const Record& row : Find(Table::kMetadata, "resource_id", id)) {
      if (row.Get("field_name") == field) {
        rows.emplace_back(row.Get("previous_value").value_or(""),
                          row.Get("replacement_value").value_or(""));
      }
    }
    return rows;
  }
  std::vector<std::string> Found(search::SearchQuery query) {
    auto found = index_->Search(query);
    EXPECT_TRUE(found.ok()) << found.error().message;
    std::vector<std::string> ids;
    if (found.ok()) {
      for (const search::Hit& hit : found->hits) ids.push_back(hit.id);
    }
    return ids;
  }
  bool Finds(search::SearchQuery query, const std::string& id) {
    auto ids = Found(std::move(query));
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
  // The id of organisation a's service named `name`, or "".
  std::string ServiceNamed(const std::string& name) {
    for (const Record& service : Find(Table::kService, "organization_id", OrganizationId("a"))) {
      if (service.Get("name") == name) return service.id();
    }
    return "";
  }

  search::testing::TestMap map_;
  std::unique_ptr<search::SearchIndex> index_;
  std::unique_ptr<accounts::Accounts> accounts_;
  http::Router router_;
  std::map<std::string, std::string> account_ids_;
};

// --- The keeper section and the lists
// -----------------------------------------------------------------------

TEST_F(ListingPages, TheOrganizationPageLinksTheEditorForKeepersOnly) {
  std::string page = Org("a");
  http::Response admin = Get(page, AdminOf("a"));
  EXPECT_TRUE(Contains(admin, "href=\"" + page + "/diensten\""));
  EXPECT_TRUE(Contains(admin, "href=\"" + page + "/locaties\""));
  http::Response anonymous = Get(page);
  EXPECT_FALSE(Contains(anonymous, "/diensten\""));
  EXPECT_FALSE(Contains(Get(page, MemberOf("b")), "/locaties\""));
}

TEST_F(ListingPages, TheListsShowTheOrganizationsRecordsWithTheirActions) {
  std::string member = MemberOf("a");
  http::Response services = Get(Org("a") + "/diensten", member);
  EXPECT_EQ(Status(services), 200);
  EXPECT_TRUE(Contains(services, "Taalcafé"));
  EXPECT_FALSE(Contains(services, "Fietsles"));
  EXPECT_TRUE(Contains(services, "href=\"" + ServicePath("a", "s") + "/bewerken\""));
  EXPECT_TRUE(Contains(services, "href=\"" + ServicePath("a", "s") + "/openingstijden\""));
  EXPECT_TRUE(Contains(services, "href=\"" + ServicePath("a", "s") + "/vertalingen\""));
  EXPECT_TRUE(Contains(services, "href=\"" + ServicePath("a", "s") + "/verwijderen\""));
  EXPECT_TRUE(Contains(services, "href=\"" + Org("a") + "/diensten/nieuw\">Nieuwe dienst<"));

  http::Response locations = Get(Org("a") + "/locaties", member);
  EXPECT_EQ(Status(locations), 200);
  EXPECT_TRUE(Contains(locations, "Buurthuis a"));
  EXPECT_TRUE(Contains(locations, "Hoofdstraat 1, 2500 AA Den Haag"));
  EXPECT_TRUE(Contains(locations, "href=\"" + LocationPath("a", "a") + "/openingstijden\""));
  EXPECT_FALSE(Contains(locations, "Buurthuis b"));

  http::Response arabic = Get("/ar" + Org("a") + "/diensten", member);
  EXPECT_EQ(Status(arabic), 200);
  EXPECT_TRUE(Contains(arabic, "<html lang=\"ar\" dir=\"rtl\""));
  EXPECT_TRUE(Contains(arabic, "href=\"/ar" + ServicePath("a", "s") + "/bewerken\""));
}

// --- Services
// -------------------------------------------------------------------------------------------

TEST_F(ListingPages, TheServiceFormShowsTheCurrentValues) {
  http::Response form = Get(ServicePath("a", "s") + "/bewerken", MemberOf("a"));
  EXPECT_EQ(Status(form), 200);
  EXPECT_TRUE(Contains(form, "value=\"Taalcafé\""));
  EXPECT_TRUE(Contains(form, ">Samen Nederlands praten.</textarea>"));
  EXPECT_TRUE(Contains(form, "name=\"status\" type=\"radio\" value=\"active\" checked"));
  EXPECT_TRUE(Contains(form, "name=\"taal_nl\" type=\"checkbox\" value=\"1\" checked"));
  EXPECT_TRUE(Contains(form, "name=\"taal_ar\" type=\"checkbox\" value=\"1\">"));
  EXPECT_TRUE(Contains(
      form, "name=\"locatie_" + LocationId("a") + "\" type=\"checkbox\" value=\"1\" checked"));
  EXPECT_TRUE(Contains(form, "<legend"));
  // Only the organisation's own locations are offered.
  EXPECT_FALSE(Contains(form, LocationId("b")));
}

TEST_F(ListingPages, ANewServiceIsStoredWithItsLanguagesAndPlacesAndFoundAtOnce) {
  std::string admin = AdminOf("a");
  EXPECT_EQ(Status(Get(Org("a") + "/diensten/nieuw", admin)), 200);
  http::Response saved =
      Post(Org("a") + "/diensten/nieuw",
           "naam=Huiswerkklas+Zuid&beschrijving=Hulp+bij+huiswerk.&kosten=Gratis"
           "&email=klas%40anker.nl&website=anker.nl&status=active&taal_nl=1&taal_ti=1"
           "&locatie_" +
               LocationId("a") + "=1",
           admin);
  EXPECT_EQ(Status(saved), 303);
  EXPECT_EQ(Location(saved), Org("a") + "/diensten?opgeslagen=1");
  std::string id = ServiceNamed("Huiswerkklas Zuid");
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(Field(Table::kService, id, "description"), "Hulp bij huiswerk.");
  EXPECT_EQ(Field(Table::kService, id, "fees_description"), "Gratis");
  EXPECT_EQ(Field(Table::kService, id, "email"), "klas@anker.nl");
  EXPECT_EQ(Field(Table::kService, id, "url"), "https://anker.nl");
  EXPECT_EQ(Field(Table::kService, id, "status"), "active");
  EXPECT_EQ(LanguagesOf(id), (std::set<std::string>{"nl", "ti"}));
  auto links = Find(Table::kServiceAtLocation, "service_id", id);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].Get("location_id"), LocationId("a"));
  // HSDS metadata and the audit log.
  EXPECT_EQ(Metadata(id, "name"),
            (std::vector<std::pair<std::string, std::string>>{{"null", "Huiswerkklas Zuid"}}));
  EXPECT_TRUE(Audited("service.create", id));
  EXPECT_TRUE(Audited("language.create", Find(Table::kLanguage, "service_id", id)[0].id()));
  EXPECT_TRUE(Audited("service_at_location.create", links[0].id()));
  // Found at once: by its words, by a language it is offered in, in the city of its place.
  EXPECT_TRUE(Finds({.text = "huiswerkklas"}, id));
  EXPECT_TRUE(Finds({.language_offered = "ti"}, id));
  EXPECT_TRUE(Finds({.city = "Den Haag"}, id));
  EXPECT_TRUE(Contains(Get(Location(saved), admin), "De dienst is opgeslagen."));
}

TEST_F(ListingPages, EditingAServiceChangesItsFieldsLanguagesAndPlaces) {
  std::string member = MemberOf("a");
  http::Response saved = Post(ServicePath("a", "s") + "/bewerken",
                              "naam=Taalcaf%C3%A9+De+Linde&beschrijving=Praten+en+leren."
                              "&status=inactive&taal_en=1&taal_ar=1",
                              member);
  EXPECT_EQ(Status(saved), 303);
  std::string id = ServiceId("s");
  EXPECT_EQ(Field(Table::kService, id, "name"), "Taalcafé De Linde");
  EXPECT_EQ(Field(Table::kService, id, "status"), "inactive");
  EXPECT_EQ(LanguagesOf(id), (std::set<std::string>{"ar", "en"}));
  EXPECT_TRUE(Find(Table::kServiceAtLocation, "service_id", id).empty());
  EXPECT_EQ(Metadata(id, "name"),
            (std::vector<std::pair<std::string, std::string>>{{"Taalcafé", "Taalcafé De Linde"}}));
  EXPECT_TRUE(Audited("service.update", id));
  EXPECT_TRUE(Audited("service_at_location.delete", domain::NameUuid("link:s")));
  EXPECT_TRUE(Finds({.text = "linde"}, id));
  EXPECT_TRUE(Finds({.language_offered = "ar"}, id));
  EXPECT_FALSE(Finds({.language_offered = "nl"}, id));
  EXPECT_FALSE(Finds({.city = "Den Haag"}, id));
}

TEST_F(ListingPages, ServiceErrorsAreShownNextToTheFieldWithTheInputKept) {
  std::string admin = AdminOf("a");
  int64_t before = Changes();
  http::Response page =
      Post(ServicePath("a", "s") + "/bewerken",
           "naam=+&beschrijving=Mijn+nieuwe+tekst&email=geen-adres&status=active&taal_ar=1", admin);
  EXPECT_EQ(Status(page), 400);
  EXPECT_TRUE(Contains(page, "id=\"naam-fout\">Vul de naam in."));
  EXPECT_TRUE(Contains(page, "id=\"email-fout\">Dit e-mailadres klopt niet."));
  EXPECT_TRUE(Contains(page, "href=\"#naam\""));
  EXPECT_TRUE(Contains(page, "aria-describedby=\"naam-hint naam-fout\" aria-invalid=\"true\""));
  EXPECT_TRUE(Contains(page, ">Mijn nieuwe tekst</textarea>"));
  EXPECT_TRUE(Contains(page, "value=\"geen-adres\""));
  EXPECT_TRUE(Contains(page, "name=\"taal_ar\" type=\"checkbox\" value=\"1\" checked"));
  EXPECT_FALSE(Contains(page, "name=\"taal_nl\" type=\"checkbox\" value=\"1\" checked"));

  http::Response no_status =
      Post(ServicePath("a", "s") + "/bewerken", "naam=Taalcaf%C3%A9&status=open", admin);
  EXPECT_EQ(Status(no_status), 400);
  EXPECT_TRUE(Contains(no_status, "id=\"status-fout\">Kies of mensen nu terecht kunnen."));
  EXPECT_TRUE(Contains(no_status, "href=\"#status-active\""));

  EXPECT_EQ(Changes(), before);
  EXPECT_EQ(Field(Table::kService, ServiceId("s"), "name"), "Taalcafé");
  EXPECT_EQ(LanguagesOf(ServiceId("s")), (std::set<std::string>{"nl"}));
}

TEST_F(ListingPages, DeletingAServiceAsksFirstThenRemovesItAndWhatHangsFromIt) {
  std::string admin = AdminOf("a");
  std::string id = ServiceId("s");
  ASSERT_EQ(Status(Post(ServicePath("a", "s") + "/vertalingen", "naam_en=Language+cafe", admin)),
            303);
  http::Response confirm = Get(ServicePath("a", "s") + "/verwijderen", admin);
  EXPECT_EQ(Status(confirm), 200);
  EXPECT_TRUE(Contains(confirm, "action=\"" + ServicePath("a", "s") + "/verwijderen\""));
  EXPECT_TRUE(Stored(Table::kService, id).has_value());  // a GET changes nothing

  http::Response deleted = Post(ServicePath("a", "s") + "/verwijderen", "", admin);
  EXPECT_EQ(Status(deleted), 303);
  EXPECT_EQ(Location(deleted), Org("a") + "/diensten?verwijderd=1");
  EXPECT_FALSE(Stored(Table::kService, id).has_value());
  EXPECT_TRUE(Find(Table::kLanguage, "service_id", id).empty());
  EXPECT_TRUE(Find(Table::kServiceAtLocation, "service_id", id).empty());
  EXPECT_TRUE(Find(Table::kTranslation, "record_id", id).empty());
  EXPECT_TRUE(Find(Table::kAttribute, "link_id", id).empty());
  EXPECT_TRUE(Audited("service.delete", id));
  EXPECT_EQ(Metadata(id, "name"),
            (std::vector<std::pair<std::string, std::string>>{{"Taalcafé", "null"}}));
  EXPECT_FALSE(Finds({.text = "taalcafe"}, id));
  EXPECT_EQ(Status(Get(ServicePath("a", "s") + "/bewerken", admin)), 404);
  // The location stays.
  EXPECT_TRUE(Stored(Table::kLocation, LocationId("a")).has_value());
}

// --- Translations
// ---------------------------------------------------------------------------------------

TEST_F(ListingPages, TranslationsAreStoredShownAndSearchable) {
  std::string admin = AdminOf("a");
  std::string id = ServiceId("s");
  http::Response form = Get(ServicePath("a", "s") + "/vertalingen", admin);
  EXPECT_EQ(Status(form), 200);
  EXPECT_TRUE(Contains(form, "id=\"naam_ar\" name=\"naam_ar\""));
  EXPECT_TRUE(Contains(form, "lang=\"ar\" dir=\"rtl\""));
  EXPECT_FALSE(Contains(form, "naam_nl"));

  // "مقهى اللغة": language café.
  http::Response saved = Post(ServicePath("a", "s") + "/vertalingen",
                              "naam_ar=%D9%85%D9%82%D9%87%D9%89+%D8%A7%D9%84%D9%84%D8%BA%D8%A9"
                              "&beschrijving_en=Practise+Dutch+together.&naam_en=",
                              admin);
  EXPECT_EQ(Status(saved), 303);
  EXPECT_EQ(Location(saved), Org("a") + "/diensten?vertaald=1");
  std::map<std::string, std::string> stored;
  for (const Record& row : Find(Table::kTranslation, "record_id", id)) {
    EXPECT_EQ(row.Get("table_name"), "service");
    stored[row.Get("language").value_or("") + "." + row.Get("field_name").value_or("")] =
        row.Get("text").value_or("");
  }
  EXPECT_EQ(stored,
            (std::map<std::string, std::string>{{"ar.name", "مقهى اللغة"},
                                                {"en.description", "Practise Dutch together."}}));
  EXPECT_TRUE(Contains(Get("/ar/dienst/" + id, admin), "مقهى اللغة"));
  EXPECT_TRUE(Finds({.text = "مقهى", .language = "ar"}, id));
  EXPECT_TRUE(Contains(Get(ServicePath("a", "s") + "/vertalingen", admin),
                       ">Practise Dutch together.</textarea>"));

  // Emptied: the translation goes.
  EXPECT_EQ(Status(Post(ServicePath("a", "s") + "/vertalingen",
                        "beschrijving_en=Practise+Dutch+together.", admin)),
            303);
  EXPECT_EQ(Find(Table::kTranslation, "record_id", id).size(), 1u);
  EXPECT_FALSE(Contains(Get("/ar/dienst/" + id, admin), "مقهى اللغة"));

  http::Response too_long =
      Post(ServicePath("a", "s") + "/vertalingen", "naam_tr=" + std::string(201, 'x'), admin);
  EXPECT_EQ(Status(too_long), 400);
  EXPECT_TRUE(Contains(too_long, "id=\"naam_tr-fout\""));
  EXPECT_EQ(Find(Table::kTranslation, "record_id", id).size(), 1u);
}

// --- Locations
// ------------------------------------------------------------------------------------------

TEST_F(ListingPages, TheLocationFormShowsTheCurrentValues) {
  http::Response form = Get(LocationPath("a", "a") + "/bewerken", AdminOf("a"));
  EXPECT_EQ(Status(form), 200);
  EXPECT_TRUE(Contains(form, "value=\"Buurthuis a\""));
  EXPECT_TRUE(Contains(form, "value=\"Hoofdstraat 1\""));
  EXPECT_TRUE(Contains(form, "value=\"2500 AA\""));
  EXPECT_TRUE(Contains(form, "value=\"Den Haag\""));
  EXPECT_TRUE(Contains(form, "<option value=\"Zuid-Holland\" selected>"));
  EXPECT_TRUE(Contains(form, "value=\"Haaglanden\""));
  EXPECT_TRUE(Contains(form, "value=\"52.07\""));
}

TEST_F(ListingPages, ANewLocationIsStoredWithItsAddress) {
  std::string admin = AdminOf("a");
  http::Response saved = Post(Org("a") + "/locaties/nieuw",
                              "naam=Moskee+Centrum&straat=Laan+3&postcode=2511ab&plaats=Den+Haag"
                              "&provincie=Zuid-Holland&regio=Haaglanden"
                              "&breedtegraad=52%2C0705&lengtegraad=4.3007",
                              admin);
  EXPECT_EQ(Status(saved), 303);
  EXPECT_EQ(Location(saved), Org("a") + "/locaties?opgeslagen=1");
  std::optional<Record> location;
  for (const Record& row : Find(Table::kLocation, "organization_id", OrganizationId("a"))) {
    if (row.Get("name") == "Moskee Centrum") location = row;
  }
  ASSERT_TRUE(location.has_value());
  EXPECT_EQ(location->Get("location_type"), "physical");
  EXPECT_EQ(location->Get("latitude"), "52.0705");
  EXPECT_EQ(location->Get("longitude"), "4.3007");
  auto addresses = Find(Table::kAddress, "location_id", location->id());
  ASSERT_EQ(addresses.size(), 1u);
  EXPECT_EQ(addresses[0].Get("address_1"), "Laan 3");
  EXPECT_EQ(addresses[0].Get("postal_code"), "2511 AB");
  EXPECT_EQ(addresses[0].Get("city"), "Den Haag");
  EXPECT_EQ(addresses[0].Get("state_province"), "Zuid-Holland");
  EXPECT_EQ(addresses[0].Get("region"), "Haaglanden");
  EXPECT_EQ(addresses[0].Get("country"), "NL");
  EXPECT_EQ(addresses[0].Get("address_type"), "physical");
  EXPECT_TRUE(Audited("location.create", location->id()));
  EXPECT_TRUE(Audited("address.create", addresses[0].id()));
  EXPECT_FALSE(Metadata(addresses[0].id(), "city").empty());
}

TEST_F(ListingPages, ANewCityIsFoundBySearchAtOnce) {
  std::string id = ServiceId("s");
  EXPECT_FALSE(Finds({.city = "Delft"}, id));
  http::Response saved = Post(LocationPath("a", "a") + "/bewerken",
                              "naam=Buurthuis+a&straat=Markt+1&postcode=2611+GP&plaats=Delft"
                              "&provincie=Zuid-Holland&regio=Haaglanden",
                              MemberOf("a"));
  EXPECT_EQ(Status(saved), 303);
  EXPECT_EQ(Field(Table::kAddress, domain::NameUuid("address:a"), "city"), "Delft");
  EXPECT_EQ(Field(Table::kLocation, LocationId("a"), "latitude"), "");  // emptied
  EXPECT_EQ(Metadata(domain::NameUuid("address:a"), "city"),
            (std::vector<std::pair<std::string, std::string>>{{"Den Haag", "Delft"}}));
  EXPECT_TRUE(Finds({.city = "Delft"}, id));
  EXPECT_FALSE(Finds({.city = "Den Haag"}, id));
}

TEST_F(ListingPages, LocationErrorsAreShownNextToTheFieldWithTheInputKept) {
  int64_t before = Changes();
  http::Response page = Post(LocationPath("a", "a") + "/bewerken",
                             "naam=Buurthuis+a&straat=&postcode=12345&plaats=Delft"
                             "&provincie=&breedtegraad=100&lengtegraad=",
                             AdminOf("a"));
  EXPECT_EQ(Status(page), 400);
  EXPECT_TRUE(Contains(page, "id=\"straat-fout\""));
  EXPECT_TRUE(Contains(page, "id=\"postcode-fout\">Deze postcode klopt niet."));
  EXPECT_TRUE(Contains(page, "id=\"provincie-fout\""));
  EXPECT_TRUE(Contains(page, "id=\"breedtegraad-fout\""));
  EXPECT_TRUE(Contains(page, "id=\"lengtegraad-fout\">Vul ook dit getal in"));
  EXPECT_TRUE(Contains(page, "value=\"12345\""));
  EXPECT_TRUE(Contains(page, "value=\"Delft\""));
  EXPECT_TRUE(Contains(page, "value=\"100\""));
  EXPECT_EQ(Changes(), before);
  EXPECT_EQ(Field(Table::kAddress, domain::NameUuid("address:a"), "city"), "Den Haag");
}

TEST_F(ListingPages, DeletingALocationRemovesItsAddressAndPlaces) {
  std::string admin = AdminOf("a");
  EXPECT_EQ(Status(Get(LocationPath("a", "a") + "/verwijderen", admin)), 200);
  http::Response deleted = Post(LocationPath("a", "a") + "/verwijderen", "", admin);
  EXPECT_EQ(Status(deleted), 303);
  EXPECT_FALSE(Stored(Table::kLocation, LocationId("a")).has_value());
  EXPECT_FALSE(Stored(Table::kAddress, domain::NameUuid("address:a")).has_value());
  EXPECT_TRUE(Find(Table::kServiceAtLocation, "location_id", LocationId("a")).empty());
  EXPECT_TRUE(Audited("location.delete", LocationId("a")));
  EXPECT_TRUE(Stored(Table::kService, ServiceId("s")).has_value());
  EXPECT_FALSE(Finds({.city = "Den Haag"}, ServiceId("s")));
}

// --- Opening hours
// --------------------------------------------------------------------------------------

TEST_F(ListingPages, LocationHoursAreStoredAsWeeklySchedulesAndOpenNowFollows) {
  std::string admin = AdminOf("a");
  std::string id = ServiceId("s");
  EXPECT_FALSE(Finds({.open_at = MondayAtTen()}, id));
  std::string hours = LocationPath("a", "a") + "/openingstijden";
  http::Response saved =
      Post(hours,
           "ma_open=09%3A00&ma_dicht=17%3A00&di_open=9&di_dicht=17.00&za_open=10%3A00"
           "&za_dicht=12%3A30",
           admin);
  EXPECT_EQ(Status(saved), 303);
  EXPECT_EQ(Location(saved), Org("a") + "/locaties?tijden=1");
  auto schedules = Find(Table::kSchedule, "location_id", LocationId("a"));
  std::map<std::string, std::string> rows;
  for (const Record& row : schedules) {
    EXPECT_EQ(row.Get("freq"), "WEEKLY");
    rows[row.Get("byday").value_or("")] =
        row.Get("opens_at").value_or("") + "-" + row.Get("closes_at").value_or("");
    EXPECT_TRUE(Audited("schedule.create", row.id()));
  }
  EXPECT_EQ(rows,
            (std::map<std::string, std::string>{{"MO,TU", "09:00-17:00"}, {"SA", "10:00-12:30"}}));
  EXPECT_TRUE(Finds({.open_at = MondayAtTen()}, id));
  EXPECT_FALSE(Finds({.open_at = SundayAtEleven()}, id));

  http::Response form = Get(hours, admin);
  EXPECT_TRUE(Contains(form, "id=\"ma_open\" name=\"ma_open\""));
  EXPECT_TRUE(Contains(form, "value=\"12:30\""));

  // Saved again unchanged: the rows stay as they are.
  int64_t before = Changes();
  EXPECT_EQ(Status(Post(hours,
                        "ma_open=09%3A00&ma_dicht=17%3A00&di_open=09%3A00&di_dicht=17%3A00"
                        "&za_open=10%3A00&za_dicht=12%3A30",
                        admin)),
            303);
  EXPECT_EQ(Changes(), before);

  // Monday closed now: Tuesday keeps its hours.
  EXPECT_EQ(Status(Post(hours, "di_open=09%3A00&di_dicht=17%3A00&za_open=10%3A00&za_dicht=12%3A30",
                        admin)),
            303);
  EXPECT_FALSE(Finds({.open_at = MondayAtTen()}, id));
}

TEST_F(ListingPages, ServiceHoursComeBeforeTheLocations) {
  std::string admin = AdminOf("a");
  std::string id = ServiceId("s");
  ASSERT_EQ(Status(Post(LocationPath("a", "a") + "/openingstijden",
                        "ma_open=09%3A00&ma_dicht=17%3A00", admin)),
            303);
  EXPECT_TRUE(Finds({.open_at = MondayAtTen()}, id));
  http::Response saved =
      Post(ServicePath("a", "s") + "/openingstijden", "zo_open=10%3A00&zo_dicht=24%3A00", admin);
  EXPECT_EQ(Status(saved), 303);
  EXPECT_EQ(Location(saved), Org("a") + "/diensten?tijden=1");
  auto schedules = Find(Table::kSchedule, "service_id", id);
  ASSERT_EQ(schedules.size(), 1u);
  EXPECT_EQ(schedules[0].Get("closes_at"), "00:00");  // midnight at the end of the day
  EXPECT_TRUE(Finds({.open_at = SundayAtEleven()}, id));
  EXPECT_FALSE(Finds({.open_at = MondayAtTen()}, id));
  EXPECT_TRUE(Contains(Get(ServicePath("a", "s") + "/openingstijden", admin), "value=\"24:00\""));
}

TEST_F(ListingPages, HoursErrorsAreShownNextToTheDayWithTheInputKept) {
  std::string admin = AdminOf("a");
  int64_t before = Changes();
  http::Response page = Post(LocationPath("a", "a") + "/openingstijden",
                             "ma_open=25%3A00&ma_dicht=17%3A00&di_open=10%3A00&di_dicht=09%3A00"
                             "&wo_open=09%3A00&do_dicht=12%3A00&vr_open=09%3A00&vr_dicht=12%3A00",
                             admin);
  EXPECT_EQ(Status(page), 400);
  EXPECT_TRUE(Contains(page, "id=\"ma_open-fout\">Deze tijd klopt niet."));
  EXPECT_TRUE(Contains(page, "id=\"di_dicht-fout\">De tijd van dichtgaan moet later zijn"));
  EXPECT_TRUE(Contains(page, "id=\"wo_dicht-fout\">Vul ook in hoe laat jullie dichtgaan."));
  EXPECT_TRUE(Contains(page, "id=\"do_open-fout\">Vul ook in hoe laat jullie opengaan."));
  EXPECT_FALSE(Contains(page, "id=\"vr_open-fout\""));
  EXPECT_TRUE(Contains(page, "value=\"25:00\""));
  EXPECT_TRUE(Contains(page, "<legend"));
  EXPECT_EQ(Changes(), before);
  EXPECT_TRUE(Find(Table::kSchedule, "location_id", LocationId("a")).empty());
}

TEST_F(ListingPages, HoursTheTableCannotShowAreKept) {
  std::string admin = AdminOf("a");
  std::string monthly = domain::NameUuid("schedule:monthly");
  std::string split = domain::NameUuid("schedule:afternoon");
  map_.Write({Record(Table::kSchedule)
                  .With("id", monthly)
                  .With("location_id", LocationId("a"))
                  .With("freq", "MONTHLY")
                  .With("byday", "1TH")
                  .With("opens_at", "19:00")
                  .With("closes_at", "21:00")
                  .With("description", "Elke eerste donderdag van de maand"),
              Record(Table::kSchedule)
                  .With("id", domain::NameUuid("schedule:morning"))
                  .With("location_id", LocationId("a"))
                  .With("freq", "WEEKLY")
                  .With("byday", "WE")
                  .With("opens_at", "09:00")
                  .With("closes_at", "12:00"),
              Record(Table::kSchedule)
                  .With("id", split)
                  .With("location_id", LocationId("a"))
                  .With("freq", "WEEKLY")
                  .With("byday", "WE")
                  .With("opens_at", "13:00")
                  .With("closes_at", "17:00")});
  std::string hours = LocationPath("a", "a") + "/openingstijden";
  http::Response form = Get(hours, admin);
  EXPECT_TRUE(Contains(form, "Elke eerste donderdag van de maand"));
  EXPECT_TRUE(Contains(form, "woensdag: 13:00 tot 17:00"));
  EXPECT_FALSE(Contains(form, "value=\"13:00\""));
  EXPECT_EQ(Status(Post(hours, "vr_open=09%3A00&vr_dicht=12%3A00", admin)), 303);
  EXPECT_TRUE(Stored(Table::kSchedule, monthly).has_value());
  EXPECT_TRUE(Stored(Table::kSchedule, split).has_value());
  EXPECT_EQ(Find(Table::kSchedule, "location_id", LocationId("a")).size(), 4u);
}

TEST_F(ListingPages, ChangedHoursKeepTheNotesAllRowsShared) {
  std::string id = ServiceId("s");
  map_.Write({Record(Table::kSchedule)
                  .With("id", domain::NameUuid("schedule:youth"))
                  .With("service_id", id)
                  .With("freq", "WEEKLY")
                  .With("byday", "WE")
                  .With("opens_at", "14:00")
                  .With("closes_at", "16:00")
                  .With("description", "Woensdag van 14.00 tot 16.00 uur")
                  .With("notes", "Niet in de schoolvakanties.")});
  ASSERT_EQ(Status(Post(ServicePath("a", "s") + "/openingstijden",
                        "wo_open=14%3A00&wo_dicht=17%3A00", AdminOf("a"))),
            303);
  auto schedules = Find(Table::kSchedule, "service_id", id);
  ASSERT_EQ(schedules.size(), 1u);
  EXPECT_EQ(schedules[0].Get("closes_at"), "17:00");
  EXPECT_EQ(schedules[0].Get("notes"), "Niet in de schoolvakanties.");
  EXPECT_FALSE(schedules[0].Get("description").has_value());  // it said the old times
  EXPECT_TRUE(Audited("schedule.delete", domain::NameUuid("schedule:youth")));
}

// --- Who may: CSRF, another organisation's records, unknown ids
// ---------------------------------------------------------

// Every form of the editor: (path of organisation a, a valid body).
std::vector<std::pair<std::string, std::string>> Forms(const std::string& location) {
  std::string service = "/diensten/" + ServiceId("s");
  std::string place = "/locaties/" + location;
  return {{"/diensten/nieuw", "naam=X&status=active"},
          {service + "/bewerken", "naam=X&status=active"},
          {service + "/verwijderen", ""},
          {service + "/openingstijden", "ma_open=09%3A00&ma_dicht=10%3A00"},
          {service + "/vertalingen", "naam_en=X"},
          {"/locaties/nieuw", "naam=X&straat=A+1&postcode=1234AB&plaats=X&provincie=Utrecht"},
          {place + "/bewerken", "naam=X&straat=A+1&postcode=1234AB&plaats=X&provincie=Utrecht"},
          {place + "/openingstijden", "ma_open=09%3A00&ma_dicht=10%3A00"},
          {place + "/verwijderen", ""}};
}

TEST_F(ListingPages, AMissingOrWrongCsrfTokenChangesNothing) {
  std::string admin = AdminOf("a");
  int64_t before = Changes();
  for (const auto& [path, body] : Forms(LocationId("a"))) {
    std::string target = Org("a") + path;
    EXPECT_EQ(Status(PostRaw(target, body, admin)), 403) << target;  // no field
    EXPECT_EQ(Status(PostRaw(target, body + "&csrf=" + domain::RandomUuid(), admin)), 403)
        << target;
    EXPECT_EQ(Status(PostRaw(target, body + "&csrf=" + kCsrf, admin, "")), 403) << target;
  }
  EXPECT_EQ(Changes(), before);
}

TEST_F(ListingPages, AnotherOrganizationsKeeperChangesNothing) {
  std::string other = MemberOf("b");
  int64_t before = Changes();
  for (const auto& [path, body] : Forms(LocationId("a"))) {
    // Organisation a's address: the permission check refuses.
    EXPECT_EQ(Status(Post(Org("a") + path, body, other)), 403) << path;
    // Organisation b's address with a's records: they are not b's.
    if (path.find(ServiceId("s")) != std::string::npos ||
        path.find(LocationId("a")) != std::string::npos) {
      EXPECT_EQ(Status(Post(Org("b") + path, body, other)), 404) << path;
      EXPECT_EQ(Status(Get(Org("b") + path, other)), 404) << path;
    }
  }
  for (const std::string& path : {std::string("/diensten"), std::string("/locaties"),
                                  "/diensten/" + ServiceId("s") + "/bewerken"}) {
    EXPECT_EQ(Status(Get(Org("a") + path, other)), 403) << path;
  }
  // a's location named in b's own service form.
  EXPECT_EQ(Status(Post(Org("b") + "/diensten/" + ServiceId("t") + "/bewerken",
                        "naam=Fietsles&status=active&locatie_" + LocationId("a") + "=1", other)),
            404);
  EXPECT_EQ(Status(Post(Org("b") + "/diensten/nieuw",
                        "naam=Nieuw&status=active&locatie_" + LocationId("a") + "=1", other)),
            404);
  // Anonymous visitors: refused by the router before any handler.
  EXPECT_NE(Status(Post(Org("a") + "/diensten/nieuw", "naam=X&status=active", "")), 303);
  EXPECT_EQ(Changes(), before);
  EXPECT_EQ(Field(Table::kService, ServiceId("s"), "name"), "Taalcafé");
  EXPECT_EQ(Field(Table::kService, ServiceId("t"), "name"), "Fietsles");
}

TEST_F(ListingPages, UnknownOrMalformedIdsAreNotFoundInTheVisitorsLanguage) {
  std::string admin = AdminOf("a");
  for (const std::string& id : {domain::NameUuid("nothing"), std::string("not-a-uuid")}) {
    for (const std::string& path :
         {"/diensten/" + id + "/bewerken", "/diensten/" + id + "/openingstijden",
          "/diensten/" + id + "/vertalingen", "/diensten/" + id + "/verwijderen",
          "/locaties/" + id + "/bewerken", "/locaties/" + id + "/openingstijden",
          "/locaties/" + id + "/verwijderen"}) {
      EXPECT_EQ(Status(Get(Org("a") + path, admin)), 404) << path;
      EXPECT_EQ(Status(Post(Org("a") + path, "naam=X", admin)), 404) << path;
    }
    EXPECT_EQ(Status(Get("/organisatie/" + id + "/diensten", admin)), 404) << id;
  }
  http::Response english =
      Get("/en" + Org("a") + "/diensten/" + domain::NameUuid("x") + "/bewerken", admin);
  EXPECT_EQ(Status(english), 404);
  EXPECT_TRUE(Contains(english, "<html lang=\"en\""));
}

// --- Hostile input
// --------------------------------------------------------------------------------------

TEST_F(ListingPages, HostileInputIsRefusedOrStoredAsTextAndEscaped) {
  std::string admin = AdminOf("a");
  std::string target = ServicePath("a", "s") + "/bewerken";
  int64_t before = Changes();
  // NUL bytes and invalid UTF-8: the form cannot be read.
  for (const std::string& body : {std::string("naam=Taal%00caf%C3%A9&status=active"),
                                  std::string("naam=Taal%FFcafe&status=active"),
                                  std::string("naam=ok&status=active&taal_%FF=1")}) {
    http::Response page = Post(target, body, admin);
    EXPECT_EQ(Status(page), 400) << body;
    EXPECT_TRUE(Contains(page, "Dit begrijpen we niet")) << body;
  }
  // 10 000 characters: too long, said next to the field.
  for (const std::string field : {"naam", "beschrijving", "kosten"}) {
    http::Response page = Post(target,
                               std::string(field == "naam" ? "" : "naam=X&") + "status=active&" +
                                   field + "=" + std::string(10000, 'a'),
                               admin);
    EXPECT_EQ(Status(page), 400) << field;
    EXPECT_TRUE(Contains(page, "id=\"" + field + "-fout\">Deze tekst is te lang.")) << field;
  }
  http::Response hours = Post(LocationPath("a", "a") + "/openingstijden",
                              "ma_open=" + std::string(10000, '9') + "&ma_dicht=17%3A00", admin);
  EXPECT_EQ(Status(hours), 400);
  EXPECT_EQ(Changes(), before);
  EXPECT_EQ(Field(Table::kService, ServiceId("s"), "name"), "Taalcafé");

  // Script tags are text.
  EXPECT_EQ(Status(Post(target, "naam=%3Cscript%3Ealert(1)%3C%2Fscript%3E&status=active", admin)),
            303);
  EXPECT_EQ(Field(Table::kService, ServiceId("s"), "name"), "<script>alert(1)</script>");
  for (const std::string& page :
       {target, Org("a") + "/diensten", ServicePath("a", "s") + "/openingstijden"}) {
    http::Response shown = Get(page, admin);
    EXPECT_EQ(Status(shown), 200) << page;
    EXPECT_FALSE(Contains(shown, "<script>alert(1)</script>")) << page;
    EXPECT_TRUE(Contains(shown, "&lt;script&gt;alert(1)&lt;/script&gt;")) << page;
  }
}

}  // namespace
}  // namespace knooppunt::web
