// The JSON write API through the router (no sockets), with the authenticator the program
// installs (an API key in Authorization: Bearer, or the session cookie): who may write what,
// CSRF for sessions, HSDS metadata rows and the audit log beside each change, the search index
// up to date at once, and bodies that are refused without changing anything.
#include "api/write_api.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "accounts/accounts_testing.h"
#include "accounts/token.h"
#include "api/hsds_api.h"
#include "domain/model.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "http/router.h"
#include "search/search_index.h"
#include "search/search_testing.h"
#include "store/store.h"

namespace knooppunt::api {
namespace {

namespace beast_http = boost::beast::http;
namespace json = boost::json;
using domain::Record;
using domain::Role;
using domain::Table;
using search::testing::OrganizationId;
using search::testing::OrganizationSpec;
using search::testing::ServiceId;
using search::testing::ServiceSpec;

constexpr char kSessionCookie[] = "sessie";
constexpr char kCsrf[] = "00000000-0000-4000-8000-000000000000";

// Who sends a request: an API key, a session (with or without the CSRF header), or nobody.
struct Caller {
  std::string key = "";             // sent as Authorization: Bearer
  std::string session = "";         // the session cookie's value
  std::string csrf_header = kCsrf;  // X-CSRF-Token beside a session; empty: none sent
};

// The location and address AddressIn gives the organisation `key`.
std::string LocationId(const std::string& key) { return domain::NameUuid("location:" + key); }
std::string AddressId(const std::string& key) { return domain::NameUuid("address:" + key); }

// A location of the organisation with an address in `region` (HSDS address.region), which puts
// the organisation in a help desk's scope.
std::vector<Record> AddressIn(const std::string& organization, const std::string& region) {
  std::string location = LocationId(organization);
  return {Record(Table::kLocation)
              .With("id", location)
              .With("location_type", "physical")
              .With("organization_id", OrganizationId(organization)),
          Record(Table::kAddress)
              .With("id", domain::NameUuid("address:" + organization))
              .With("location_id", location)
              .With("address_1", "Hoofdstraat 1")
              .With("city", "Den Haag")
              .With("region", region)
              .With("state_province", "Zuid-Holland")
              .With("postal_code", "2500 AA")
              .With("country", "NL")
              .With("address_type", "physical")};
}

json::value Parsed(const http::Response& response) {
  boost::system::error_code error;
  json::value value = json::parse(response.message.body(), error);
  EXPECT_FALSE(error) << response.message.body();
  return value;
}

// error.parameter of a JSON error answer; empty when it names none.
std::string ParameterOf(const http::Response& response) {
  json::value body = Parsed(response);
  std::error_code error;
  const json::value* parameter = body.find_pointer("/error/parameter", error);
  return parameter != nullptr && parameter->is_string() ? std::string(parameter->as_string()) : "";
}

class WriteApi : public ::testing::Test {
 protected:
  void SetUp() override {
    map_.Add(OrganizationSpec{.key = "a",
                              .name = "Stichting Anker",
                              .description = "Taalles en koffie voor nieuwkomers."});
    map_.Write(AddressIn("a", "Haaglanden"));
    map_.Add(ServiceSpec{.key = "s",
                         .organization = "a",
                         .name = "Taalcafé",
                         .description = "Elke dinsdag samen Nederlands oefenen."});
    map_.Add(OrganizationSpec{.key = "b", .name = "Vereniging Borg"});
    map_.Write(AddressIn("b", "Groningen"));
    map_.Add(ServiceSpec{.key = "t", .organization = "b", .name = "Fietsles"});
    auto index = search::SearchIndex::Open(map_.store(), {.path = map_.index_path()});
    ASSERT_TRUE(index.ok()) << index.error().message;
    index_ = std::move(*index);
    accounts_ = std::make_unique<accounts::Accounts>(
        map_.store(),
        accounts::AccountsOptions{.password = accounts::FastPasswordOptionsForTests()});
    AddHsdsRoutes(router_, map_.store(), *index_, {.public_url = "https://kaart.example"});
    AddWriteRoutes(router_, map_.store(), *index_);
    accounts::Accounts& accounts = *accounts_;
    router_.Authenticate([&accounts](const http::Request& request) -> Result<domain::Actor> {
      std::string_view authorization = request[beast_http::field::authorization];
      if (authorization.starts_with("Bearer ")) {
        return accounts.AuthenticateKey(authorization.substr(7));
      }
      std::string session = http::CookieValue(request, kSessionCookie);
      if (session.empty()) return domain::Actor{};
      return accounts.Authenticate(session);
    });
  }

  // A new API key of the organisation: its id and the key itself.
  std::pair<std::string, std::string> KeyOf(const std::string& organization) {
    std::string id = domain::RandomUuid();
    std::string key = accounts::NewToken();
    Status added =
        map_.store().accounts().AddApiKey({.id = id,
                                           .organization_id = OrganizationId(organization),
                                           .key_hash = accounts::HashToken(key),
                                           .label = "koppeling",
                                           .created_at = domain::FormatUtc(domain::Now())});
    EXPECT_TRUE(added.ok()) << added.error().message;
    return {id, key};
  }
  Caller KeyCaller(const std::string& organization) { return {.key = KeyOf(organization).second}; }

  // An account holding `grant`, made once per e-mail address.
  std::string AccountWith(const std::string& email, const domain::Grant& grant) {
    std::string& id = account_ids_[email];
    if (id.empty()) {
      auto created = accounts_->CreateVerified(email, "een lang genoeg wachtwoord", grant);
      EXPECT_TRUE(created.ok()) << created.error().message;
      if (created.ok()) id = *created;
    }
    return id;
  }

  // A new session of the account, past the second factor.
  Caller SessionOf(const std::string& account_id) {
    return {.session = accounts::testing::StartSession(map_.store(), account_id)};
  }
  std::string AdminIdOf(const std::string& organization) {
    return AccountWith("admin-" + organization + "@example.org",
                       {Role::kOrganizationAdmin, OrganizationId(organization)});
  }
  Caller AdminOf(const std::string& organization) { return SessionOf(AdminIdOf(organization)); }
  Caller HelpDesk(const std::string& region) {
    return SessionOf(AccountWith("loket-" + region + "@example.org", {Role::kHelpDesk, region}));
  }

  http::Response Send(beast_http::verb method, const std::string& target, const std::string& body,
                      const Caller& caller, const std::string& content_type = "application/json") {
    http::Request request(method, target, 11);
    if (!caller.key.empty()) {
      request.set(beast_http::field::authorization, "Bearer " + caller.key);
    }
    std::string cookie = "csrf=" + std::string(kCsrf);
    if (!caller.session.empty())
      cookie += "; " + std::string(kSessionCookie) + "=" + caller.session;
    request.set(beast_http::field::cookie, cookie);
    if (!caller.session.empty() && !caller.csrf_header.empty()) {
      request.set("X-CSRF-Token", caller.csrf_header);
    }
    if (!body.empty()) request.set(beast_http::field::content_type, content_type);
    request.body() = body;
    request.prepare_payload();
    return router_.Handle(request, nullptr, "192.0.2.7");
  }
  http::Response Patch(const std::string& target, const json::object& body, const Caller& caller) {
    return Send(beast_http::verb::patch, target, json::serialize(body), caller);
  }
  http::Response Put(const std::string& target, const json::object& body, const Caller& caller) {
    return Send(beast_http::verb::put, target, json::serialize(body), caller);
  }
  http::Response Post(const std::string& target, const json::object& body, const Caller& caller) {
    return Send(beast_http::verb::post, target, json::serialize(body), caller);
  }
  http::Response Delete(const std::string& target, const Caller& caller) {
    return Send(beast_http::verb::delete_, target, "", caller);
  }

  std::optional<Record> Stored(Table table, const std::string& id) {
    auto record = map_.store().Get(table, id);
    EXPECT_TRUE(record.ok());
    return record.ok() ? *record : std::nullopt;
  }
  std::string StoredField(Table table, const std::string& id, std::string_view field) {
    auto record = Stored(table, id);
    EXPECT_TRUE(record.has_value()) << id;
    return record ? record->Get(field).value_or("") : "";
  }

  std::vector<Record> MetadataOf(const std::string& id) {
    auto rows = map_.store().FindBy(Table::kMetadata, "resource_id", id);
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<Record>();
  }
  // The metadata row about `field` of the record; nullopt when there is none (or several).
  std::optional<Record> MetadataRow(const std::string& id, std::string_view field) {
    std::optional<Record> found;
    for (const Record& row : MetadataOf(id)) {
      if (row.Get("field_name") != std::string(field)) continue;
      EXPECT_FALSE(found.has_value()) << "two rows about " << field;
      found = row;
    }
    return found;
  }

  int64_t Count(Table table) {
    auto count = map_.store().Count(table);
    EXPECT_TRUE(count.ok());
    return count.ok() ? *count : -1;
  }

  std::vector<store::AuditEntry> AuditLog() {
    auto log = map_.store().accounts().AuditLog(0, 10000);
    EXPECT_TRUE(log.ok());
    return log.ok() ? *log : std::vector<store::AuditEntry>();
  }
  bool Audited(const std::string& action, const std::string& actor, const std::string& id) {
    for (const store::AuditEntry& entry : AuditLog()) {
      if (entry.action == action && entry.actor_id == actor && entry.target_id == id) return true;
    }
    return false;
  }

  int64_t HitCount(search::Target target, const std::string& text) {
    auto found = index_->Search({.target = target, .text = text});
    EXPECT_TRUE(found.ok());
    return found.ok() ? found->total : -1;
  }

  bool Finds(search::Target target, const std::string& text, const std::string& id) {
    auto found = index_->Search({.target = target, .text = text});
    EXPECT_TRUE(found.ok());
    if (!found.ok()) return false;
    return std::any_of(found->hits.begin(), found->hits.end(),
                       [&](const search::Hit& hit) { return hit.id == id; });
  }

  // Everything a refused write must leave alone.
  struct Snapshot {
    std::vector<std::optional<Record>> records;
    std::vector<int64_t> counts;  // of every table written through the API
    int64_t metadata = 0;
    size_t audit = 0;
    bool operator==(const Snapshot&) const = default;
  };
  Snapshot Take() {
    Snapshot out;
    for (const char* key : {"a", "b"}) {
      out.records.push_back(Stored(Table::kOrganization, OrganizationId(key)));
      out.records.push_back(Stored(Table::kLocation, LocationId(key)));
      out.records.push_back(Stored(Table::kAddress, AddressId(key)));
    }
    for (const char* key : {"s", "t"}) {
      out.records.push_back(Stored(Table::kService, ServiceId(key)));
    }
    for (Table table :
         {Table::kOrganization, Table::kService, Table::kLocation, Table::kServiceAtLocation,
          Table::kSchedule, Table::kLanguage, Table::kAddress, Table::kPhone}) {
      out.counts.push_back(Count(table));
    }
    out.metadata = Count(Table::kMetadata);
    out.audit = AuditLog().size();
    return out;
  }

  http::Response Get(const std::string& target) {
    http::Request request(beast_http::verb::get, target, 11);
    return router_.Handle(request);
  }

  search::testing::TestMap map_;
  std::unique_ptr<search::SearchIndex> index_;
  std::unique_ptr<accounts::Accounts> accounts_;
  http::Router router_;
  std::map<std::string, std::string> account_ids_;
};

std::string OrganizationUrl(const std::string& key) {
  return "/api/organizations/" + OrganizationId(key);
}
std::string ServiceUrl(const std::string& key) { return "/api/services/" + ServiceId(key); }

// --- What a change leaves behind ------------------------------------------------------------

TEST_F(WriteApi, ApiKeyPatchesItsOrganizationWithMetadataAuditAndSearch) {
  auto [key_id, key] = KeyOf("a");
  ASSERT_FALSE(Finds(search::Target::kOrganizations, "klompenmakerij", OrganizationId("a")));
  http::Response response =
      Patch(OrganizationUrl("a"), {{"description", "Klompenmakerij en taalles."}}, {.key = key});
  ASSERT_EQ(response.message.result_int(), 200) << response.message.body();
  json::value body = Parsed(response);
  EXPECT_EQ(body.at("description"), "Klompenmakerij en taalles.");
  EXPECT_EQ(body.at("name"), "Stichting Anker");
  EXPECT_EQ(StoredField(Table::kOrganization, OrganizationId("a"), "description"),
            "Klompenmakerij en taalles.");

  std::vector<Record> metadata = MetadataOf(OrganizationId("a"));
  ASSERT_EQ(metadata.size(), 1u) << "one row per changed field, none for the others";
  const Record& row = metadata.front();
  EXPECT_EQ(row.Get("field_name"), "description");
  EXPECT_EQ(row.Get("previous_value"), "Taalles en koffie voor nieuwkomers.");
  EXPECT_EQ(row.Get("replacement_value"), "Klompenmakerij en taalles.");
  EXPECT_EQ(row.Get("updated_by"), "api-key");
  EXPECT_EQ(row.Get("last_action_type"), "update");
  EXPECT_EQ(row.Get("resource_type"), "organization");
  EXPECT_EQ(row.Get("last_action_date"), domain::FormatUtc(domain::Now()).substr(0, 10));

  EXPECT_TRUE(Audited("organization.update", "api-key:" + key_id, OrganizationId("a")));
  EXPECT_TRUE(Finds(search::Target::kOrganizations, "klompenmakerij", OrganizationId("a")));
}

TEST_F(WriteApi, ApiKeyCannotTouchAnotherOrganization) {
  Caller key = KeyCaller("a");
  Snapshot before = Take();
  for (const http::Response& response :
       {Patch(OrganizationUrl("b"), {{"description", "Overgenomen."}}, key),
        Put(OrganizationUrl("b"), {{"name", "Overgenomen"}, {"description", "Overgenomen."}}, key),
        Patch(ServiceUrl("t"), {{"name", "Overgenomen"}}, key), Delete(ServiceUrl("t"), key),
        Delete(OrganizationUrl("b"), key)}) {
    EXPECT_EQ(response.message.result_int(), 403) << response.message.body();
  }
  EXPECT_EQ(Take(), before);
  EXPECT_TRUE(MetadataOf(OrganizationId("b")).empty());
}

TEST_F(WriteApi, RevokedKeyIsAnsweredWith401) {
  auto [key_id, key] = KeyOf("a");
  ASSERT_TRUE(map_.store()
                  .accounts()
                  .RevokeApiKey(key_id, OrganizationId("a"), domain::FormatUtc(domain::Now()))
                  .ok());
  Snapshot before = Take();
  http::Response response = Patch(OrganizationUrl("a"), {{"description", "Nee."}}, {.key = key});
  EXPECT_EQ(response.message.result_int(), 401) << response.message.body();
  EXPECT_EQ(Take(), before);
}

TEST_F(WriteApi, PutReplacesTheRecordWhilePatchKeepsWhatIsLeftOut) {
  Caller key = KeyCaller("a");
  ASSERT_EQ(
      Patch(OrganizationUrl("a"), {{"email", "info@anker.example"}}, key).message.result_int(),
      200);
  ASSERT_EQ(Patch(OrganizationUrl("a"), {{"alternate_name", "Anker"}}, key).message.result_int(),
            200);
  EXPECT_EQ(StoredField(Table::kOrganization, OrganizationId("a"), "email"), "info@anker.example");

  http::Response response =
      Put(OrganizationUrl("a"), {{"name", "Stichting Anker"}, {"description", "Nieuw."}}, key);
  ASSERT_EQ(response.message.result_int(), 200) << response.message.body();
  EXPECT_FALSE(Parsed(response).as_object().contains("email"));
  auto stored = Stored(Table::kOrganization, OrganizationId("a"));
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->Get("email"), std::nullopt);
  EXPECT_EQ(stored->Get("alternate_name"), std::nullopt);
  EXPECT_EQ(stored->Get("description"), "Nieuw.");

  // The emptied field's row says it has no value now.
  std::vector<Record> rows = MetadataOf(OrganizationId("a"));
  EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const Record& row) {
    return row.Get("field_name") == "email" && row.Get("previous_value") == "info@anker.example" &&
           row.Get("replacement_value") == "null";
  }));
}

TEST_F(WriteApi, EmptyStringClearsAFieldAndItsMetadataSaysNull) {
  // Regression: "" was compared unnormalised, so the row's replacement_value was "", which the
  // store refuses for that required field: the whole PATCH failed with 400 replacement_value.
  Caller key = KeyCaller("a");
  ASSERT_EQ(Patch(OrganizationUrl("a"), {{"alternate_name", "Anker"}}, key).message.result_int(),
            200);
  http::Response response = Patch(OrganizationUrl("a"), {{"alternate_name", ""}}, key);
  ASSERT_EQ(response.message.result_int(), 200) << response.message.body();
  EXPECT_EQ(Stored(Table::kOrganization, OrganizationId("a"))->Get("alternate_name"), std::nullopt);
  std::vector<Record> rows = MetadataOf(OrganizationId("a"));
  EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const Record& row) {
    return row.Get("field_name") == "alternate_name" && row.Get("previous_value") == "Anker" &&
           row.Get("replacement_value") == "null";
  }));
}

TEST_F(WriteApi, SameValueInAnotherSpellingIsNoChange) {
  // Regression: values were compared before normalisation, so an upper-case UUID or 1990.0 made a
  // metadata row although nothing changed.
  Caller key = KeyCaller("a");
  ASSERT_EQ(Patch(OrganizationUrl("a"), {{"year_incorporated", 1990}}, key).message.result_int(),
            200);
  std::string upper = OrganizationId("a");
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  int64_t rows = Count(Table::kMetadata);
  ASSERT_EQ(Patch(OrganizationUrl("a"), {{"year_incorporated", 1990.0}}, key).message.result_int(),
            200);
  ASSERT_EQ(Patch(ServiceUrl("s"), {{"organization_id", upper}}, key).message.result_int(), 200);
  EXPECT_EQ(Count(Table::kMetadata), rows);
  EXPECT_EQ(StoredField(Table::kService, ServiceId("s"), "organization_id"), OrganizationId("a"));
}

TEST_F(WriteApi, IdInTheBodyMustBeTheAddressedOne) {
  Caller key = KeyCaller("a");
  Snapshot before = Take();
  for (const http::Response& response :
       {Patch(OrganizationUrl("a"), {{"id", OrganizationId("b")}}, key),
        Put(OrganizationUrl("a"),
            {{"id", OrganizationId("b")}, {"name", "X"}, {"description", "Y."}}, key),
        Patch(ServiceUrl("s"), {{"id", ServiceId("t")}}, key),
        Patch(ServiceUrl("s"), {{"id", nullptr}}, key)}) {
    EXPECT_EQ(response.message.result_int(), 400) << response.message.body();
    EXPECT_EQ(ParameterOf(response), "id");
  }
  EXPECT_EQ(Take(), before);
  // The same id, in capitals, is the same record.
  std::string upper = OrganizationId("a");
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  EXPECT_EQ(Patch(OrganizationUrl("a"), {{"id", upper}}, key).message.result_int(), 200);
}

TEST_F(WriteApi, ServiceCannotBeMovedToAnOrganizationTheCallerDoesNotKeep) {
  Caller key = KeyCaller("a");
  Snapshot before = Take();
  http::Response response = Patch(ServiceUrl("s"), {{"organization_id", OrganizationId("b")}}, key);
  EXPECT_EQ(response.message.result_int(), 403) << response.message.body();
  EXPECT_EQ(Take(), before);
}

// --- Creating and deleting ------------------------------------------------------------------

TEST_F(WriteApi, PostServiceOfOwnOrganizationIsCreatedAndSearchable) {
  auto [key_id, key] = KeyOf("a");
  http::Response response = Post("/api/services",
                                 {{"organization_id", OrganizationId("a")},
                                  {"name", "Naaiatelier"},
                                  {"description", "Samen kleding herstellen."},
                                  {"status", "active"},
                                  {"minimum_age", 16}},
                                 {.key = key});
  ASSERT_EQ(response.message.result_int(), 201) << response.message.body();
  json::value body = Parsed(response);
  std::string id(body.at("id").as_string());
  EXPECT_EQ(std::string(response.message[beast_http::field::location]), "/api/services/" + id);
  EXPECT_EQ(body.at("minimum_age"), 16);
  EXPECT_EQ(StoredField(Table::kService, id, "name"), "Naaiatelier");

  http::Request get(beast_http::verb::get, "/api/services/" + id, 11);
  EXPECT_EQ(router_.Handle(get).message.result_int(), 200);
  EXPECT_TRUE(Finds(search::Target::kServices, "naaiatelier", id));

  auto created = MetadataRow(id, "name");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->Get("last_action_type"), "create");
  EXPECT_EQ(created->Get("previous_value"), "null");
  EXPECT_EQ(created->Get("replacement_value"), "Naaiatelier");
  EXPECT_EQ(created->Get("resource_type"), "service");
  EXPECT_FALSE(MetadataRow(id, "email")) << "no row for a field that stays empty";
  EXPECT_TRUE(Audited("service.create", "api-key:" + key_id, id));
}

TEST_F(WriteApi, PostServiceOfAnotherOrganizationIsRefused) {
  Snapshot before = Take();
  http::Response response =
      Post("/api/services",
           {{"organization_id", OrganizationId("b")}, {"name", "Indringer"}, {"status", "active"}},
           KeyCaller("a"));
  EXPECT_EQ(response.message.result_int(), 403) << response.message.body();
  EXPECT_EQ(Take(), before);
  EXPECT_EQ(HitCount(search::Target::kServices, "indringer"), 0);
}

TEST_F(WriteApi, PostWithTheIdOfAnExistingRecordIsAConflict) {
  Caller key = KeyCaller("a");
  Snapshot before = Take();
  http::Response response = Post("/api/services",
                                 {{"id", ServiceId("s")},
                                  {"organization_id", OrganizationId("a")},
                                  {"name", "Dubbel"},
                                  {"status", "active"}},
                                 key);
  EXPECT_EQ(response.message.result_int(), 409) << response.message.body();
  EXPECT_EQ(Take(), before);
}

TEST_F(WriteApi, PostWithAnUpperCaseIdCannotOverwriteAnotherOrganizationsService) {
  // Regression: the existence check looked the id up as sent, the store writes it in lower case,
  // so B's service was silently taken over by A's key (and moved to A).
  std::string upper = ServiceId("t");
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  Snapshot before = Take();
  http::Response response = Post("/api/services",
                                 {{"id", upper},
                                  {"organization_id", OrganizationId("a")},
                                  {"name", "Overgenomen"},
                                  {"status", "active"}},
                                 KeyCaller("a"));
  EXPECT_EQ(response.message.result_int(), 409) << response.message.body();
  EXPECT_EQ(Take(), before);
  EXPECT_EQ(StoredField(Table::kService, ServiceId("t"), "organization_id"), OrganizationId("b"));
}

TEST_F(WriteApi, OnlyTheHelpDeskCreatesOrganizations) {
  Caller admin = AdminOf("a");
  Caller key = KeyCaller("a");
  Caller help_desk = HelpDesk("Haaglanden");
  Snapshot before = Take();
  json::object organization = {{"name", "Moskee Al Noor"},
                               {"description", "Gebedsruimte en huiswerkbegeleiding."}};
  EXPECT_EQ(Post("/api/organizations", organization, admin).message.result_int(), 403);
  EXPECT_EQ(Post("/api/organizations", organization, key).message.result_int(), 403);
  EXPECT_EQ(Take(), before);

  http::Response response = Post("/api/organizations", organization, help_desk);
  ASSERT_EQ(response.message.result_int(), 201) << response.message.body();
  std::string id(Parsed(response).at("id").as_string());
  EXPECT_EQ(std::string(response.message[beast_http::field::location]), "/api/organizations/" + id);
  EXPECT_EQ(StoredField(Table::kOrganization, id, "name"), "Moskee Al Noor");
  EXPECT_TRUE(Finds(search::Target::kOrganizations, "huiswerkbegeleiding", id));
  auto row = MetadataRow(id, "description");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Get("updated_by"), "account");
  EXPECT_TRUE(Audited("organization.create", account_ids_.at("loket-Haaglanden@example.org"), id));
}

TEST_F(WriteApi, DeleteServiceRemovesItFromStoreAndSearch) {
  auto [key_id, key] = KeyOf("a");
  ASSERT_TRUE(Finds(search::Target::kServices, "taalcafé", ServiceId("s")));
  http::Response response = Delete(ServiceUrl("s"), {.key = key});
  ASSERT_EQ(response.message.result_int(), 204) << response.message.body();
  EXPECT_TRUE(response.message.body().empty());
  EXPECT_FALSE(Stored(Table::kService, ServiceId("s")).has_value());
  EXPECT_FALSE(Finds(search::Target::kServices, "taalcafé", ServiceId("s")));
  EXPECT_TRUE(Audited("service.delete", "api-key:" + key_id, ServiceId("s")));
  EXPECT_EQ(Delete(ServiceUrl("s"), {.key = key}).message.result_int(), 404);
}

TEST_F(WriteApi, OrganizationsAreDeletedByTheHelpDeskOfTheirRegionOnly) {
  Caller admin = AdminOf("a");
  Caller other_region = HelpDesk("Groningen");
  Caller region = HelpDesk("Haaglanden");
  Snapshot before = Take();
  EXPECT_EQ(Delete(OrganizationUrl("a"), admin).message.result_int(), 403);
  EXPECT_EQ(Delete(OrganizationUrl("a"), other_region).message.result_int(), 403);
  EXPECT_EQ(Take(), before);

  http::Response response = Delete(OrganizationUrl("a"), region);
  ASSERT_EQ(response.message.result_int(), 204) << response.message.body();
  EXPECT_FALSE(Stored(Table::kOrganization, OrganizationId("a")).has_value());
  EXPECT_FALSE(Stored(Table::kService, ServiceId("s")).has_value()) << "its services go with it";
  EXPECT_FALSE(Finds(search::Target::kOrganizations, "anker", OrganizationId("a")));
  EXPECT_FALSE(Finds(search::Target::kServices, "taalcafé", ServiceId("s")));
}

TEST_F(WriteApi, HelpDeskEditsOrganizationsOfItsRegionOnly) {
  EXPECT_EQ(Patch(OrganizationUrl("a"), {{"description", "Gecontroleerd."}}, HelpDesk("Groningen"))
                .message.result_int(),
            403);
  EXPECT_EQ(Patch(OrganizationUrl("a"), {{"description", "Gecontroleerd."}}, HelpDesk("Haaglanden"))
                .message.result_int(),
            200);
  EXPECT_EQ(StoredField(Table::kOrganization, OrganizationId("a"), "description"),
            "Gecontroleerd.");
}

// --- Refused bodies -------------------------------------------------------------------------

TEST_F(WriteApi, MalformedBodiesAreRefusedNamingTheCulpritAndChangeNothing) {
  Caller key = KeyCaller("a");
  Snapshot before = Take();
  struct Case {
    std::string target;
    std::string body;
    std::string parameter;
  };
  const std::string organization = OrganizationUrl("a");
  const std::string service = ServiceUrl("s");
  // A new service's body without its closing brace.
  const std::string new_service =
      R"({"organization_id": ")" + OrganizationId("a") + R"(", "name": "X")";
  for (const Case& c : std::vector<Case>{
           {organization, "{not json", "body"},
           {organization, "", "Content-Type"},
           {organization, R"([{"name": "X"}])", "body"},
           {organization, R"("X")", "body"},
           {organization, R"({"name": "X"} trailing)", "body"},
           {organization, R"({"name": true})", "name"},
           {organization, R"({"name": {"nl": "X"}})", "name"},
           {organization, R"({"services": [{"name": "X"}]})", "services"},
           {organization, R"({"nmae": "X"})", "nmae"},
           {organization, R"({"description": "ok", "colour": "red"})", "colour"},
           {organization, R"({"email": "geen adres"})", "email"},
           {organization, R"({"website": "niet een url"})", "website"},
           {organization, R"({"year_incorporated": "vroeger"})", "year_incorporated"},
           {organization, R"({"name": null})", "name"},
           {organization, "{\"name\": \"\xff\xfe\"}", "body"},
           {organization, "{\"name\": \"caf\xc3\"}", "body"},
           {organization, R"({"name": "A\u0000B"})", "name"},
           {service, R"({"status": "open"})", "status"},
           {service, R"({"url": "javascript alert"})", "url"},
           {service, R"({"minimum_age": "twaalf"})", "minimum_age"},
           {service, R"({"organization_id": "not-a-uuid"})", "organization_id"},
           {"/api/services", R"({"name": "X", "status": "active"})", "organization_id"},
           {"/api/services", new_service + R"(, "status": "x"})", "status"},
           {"/api/services", new_service + R"(, "status": "active", "fees": [1]})", "fees"},
       }) {
    beast_http::verb method =
        c.target.ends_with("/api/services") ? beast_http::verb::post : beast_http::verb::patch;
    http::Response response = Send(method, c.target, c.body, key);
    EXPECT_EQ(response.message.result_int(), 400) << c.body << ": " << response.message.body();
    EXPECT_EQ(ParameterOf(response), c.parameter) << c.body;
  }
  // A lone surrogate is no text either: refused as malformed JSON or as a bad value.
  http::Response surrogate =
      Send(beast_http::verb::patch, organization, R"({"name": "\ud800"})", key);
  EXPECT_EQ(surrogate.message.result_int(), 400) << surrogate.message.body();
  // Not JSON at all.
  http::Response form = Send(beast_http::verb::patch, organization, "name=X", key,
                             "application/x-www-form-urlencoded");
  EXPECT_EQ(form.message.result_int(), 400);
  EXPECT_EQ(ParameterOf(form), "Content-Type");
  EXPECT_EQ(Take(), before);
}

TEST_F(WriteApi, HostileTextIsStoredAndGivenBackAsText) {
  const std::string hostile =
      "<script>alert(\"x\")</script>'; DROP TABLE organization;-- \\ %s {{7*7}} \u202e\u200b"
      " \U0001F600 ";
  Caller key = KeyCaller("a");
  http::Response response = Patch(OrganizationUrl("a"), {{"description", hostile}}, key);
  ASSERT_EQ(response.message.result_int(), 200) << response.message.body();
  EXPECT_EQ(Parsed(response).at("description"), json::value(hostile));
  EXPECT_EQ(StoredField(Table::kOrganization, OrganizationId("a"), "description"), hostile);
  http::Request get(beast_http::verb::get, OrganizationUrl("a"), 11);
  http::Response read = router_.Handle(get);
  ASSERT_EQ(read.message.result_int(), 200);
  EXPECT_EQ(Parsed(read).at("description"), json::value(hostile));
  auto row = MetadataRow(OrganizationId("a"), "description");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Get("replacement_value"), hostile);
  EXPECT_EQ(Count(Table::kOrganization), 2);
}

// --- Who is asking --------------------------------------------------------------------------

TEST_F(WriteApi, SessionNeedsTheCsrfHeaderOfItsCookie) {
  Caller admin = AdminOf("a");
  Snapshot before = Take();
  for (const std::string& header : {std::string(), std::string("wrong")}) {
    Caller caller = admin;
    caller.csrf_header = header;
    for (const http::Response& response :
         {Patch(OrganizationUrl("a"), {{"description", "Zonder kopregel."}}, caller),
          Put(OrganizationUrl("a"), {{"name", "X"}, {"description", "Y."}}, caller),
          Post("/api/services",
               {{"organization_id", OrganizationId("a")}, {"name", "X"}, {"status", "active"}},
               caller),
          Delete(ServiceUrl("s"), caller)}) {
      EXPECT_EQ(response.message.result_int(), 403) << response.message.body();
      EXPECT_EQ(ParameterOf(response), "X-CSRF-Token");
    }
  }
  EXPECT_EQ(Take(), before);

  http::Response response = Patch(OrganizationUrl("a"), {{"description", "Met kopregel."}}, admin);
  ASSERT_EQ(response.message.result_int(), 200) << response.message.body();
  auto row = MetadataRow(OrganizationId("a"), "description");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Get("updated_by"), "account") << "the row names no person";
  EXPECT_TRUE(Audited("organization.update", AdminIdOf("a"), OrganizationId("a")));
}

TEST_F(WriteApi, AnonymousIsAskedToSignIn) {
  Snapshot before = Take();
  for (const http::Response& response :
       {Patch(OrganizationUrl("a"), {{"description", "Anoniem."}}, {}),
        Put(ServiceUrl("s"), {{"name", "X"}}, {}),
        Post("/api/organizations", {{"name", "X"}, {"description", "Y."}}, {}),
        Post("/api/services", {{"organization_id", OrganizationId("a")}, {"name", "X"}}, {}),
        Delete(ServiceUrl("s"), {}), Delete(OrganizationUrl("a"), {})}) {
    EXPECT_EQ(response.message.result_int(), 401) << response.message.body();
  }
  EXPECT_EQ(Take(), before);
}

TEST_F(WriteApi, UnknownIdIs404AndMalformedIdIs400) {
  // The help desk may delete organisations, so the route lets it through to the id.
  Caller key = HelpDesk("Haaglanden");
  const std::string unknown = domain::RandomUuid();
  for (const std::string table : {"organizations", "services"}) {
    const std::string target = "/api/" + table + "/" + unknown;
    EXPECT_EQ(Patch(target, {{"name", "X"}}, key).message.result_int(), 404) << target;
    EXPECT_EQ(Put(target, {{"name", "X"}}, key).message.result_int(), 404) << target;
    EXPECT_EQ(Delete(target, key).message.result_int(), 404) << target;
    const std::string malformed = "/api/" + table + "/12345";
    for (const http::Response& response :
         {Patch(malformed, {{"name", "X"}}, key), Delete(malformed, key)}) {
      EXPECT_EQ(response.message.result_int(), 400) << malformed;
      EXPECT_EQ(ParameterOf(response), "id");
    }
  }
}

// --- Locations and the records nested in services and locations -----------------------------

std::string LocationUrl(const std::string& key) { return "/api/locations/" + LocationId(key); }
std::string AddressUrl(const std::string& key) { return "/api/addresses/" + AddressId(key); }

TEST_F(WriteApi, ApiKeyCreatesReadsChangesAndDeletesALocation) {
  auto [key_id, key] = KeyOf("a");
  http::Response created = Post("/api/locations",
                                {{"organization_id", OrganizationId("a")},
                                 {"location_type", "physical"},
                                 {"name", "Buurthuis De Brug"},
                                 {"latitude", 52.5168},
                                 {"longitude", 6.083}},
                                {.key = key});
  ASSERT_EQ(created.message.result_int(), 201) << created.message.body();
  std::string id(Parsed(created).at("id").as_string());
  EXPECT_EQ(std::string(created.message[beast_http::field::location]), "/api/locations/" + id);
  EXPECT_EQ(StoredField(Table::kLocation, id, "name"), "Buurthuis De Brug");
  EXPECT_EQ(StoredField(Table::kLocation, id, "latitude"), "52.5168");
  auto row = MetadataRow(id, "name");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Get("last_action_type"), "create");
  EXPECT_EQ(row->Get("resource_type"), "location");
  EXPECT_EQ(row->Get("updated_by"), "api-key");
  EXPECT_TRUE(Audited("location.create", "api-key:" + key_id, id));

  http::Response read = Get("/api/locations/" + id);
  ASSERT_EQ(read.message.result_int(), 200) << read.message.body();
  EXPECT_EQ(Parsed(read).at("name"), "Buurthuis De Brug");
  EXPECT_FALSE(Parsed(read).at("metadata").as_array().empty()) << "the rows show in the location";

  http::Response patched = Patch("/api/locations/" + id, {{"name", "De Brug"}}, {.key = key});
  ASSERT_EQ(patched.message.result_int(), 200) << patched.message.body();
  EXPECT_EQ(Parsed(patched).at("location_type"), "physical");
  EXPECT_EQ(StoredField(Table::kLocation, id, "name"), "De Brug");
  EXPECT_EQ(StoredField(Table::kLocation, id, "latitude"), "52.5168") << "PATCH keeps the rest";
  EXPECT_TRUE(Audited("location.update", "api-key:" + key_id, id));

  http::Response put = Put("/api/locations/" + id,
                           {{"organization_id", OrganizationId("a")},
                            {"location_type", "virtual"},
                            {"url", "https://brug.example/online"}},
                           {.key = key});
  ASSERT_EQ(put.message.result_int(), 200) << put.message.body();
  EXPECT_EQ(Stored(Table::kLocation, id)->Get("latitude"), std::nullopt) << "PUT replaces";
  EXPECT_EQ(StoredField(Table::kLocation, id, "location_type"), "virtual");
  std::vector<Record> rows = MetadataOf(id);
  EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const Record& row) {
    return row.Get("field_name") == "location_type" && row.Get("previous_value") == "physical" &&
           row.Get("replacement_value") == "virtual" && row.Get("last_action_type") == "update";
  }));

  http::Response deleted = Delete("/api/locations/" + id, {.key = key});
  ASSERT_EQ(deleted.message.result_int(), 204) << deleted.message.body();
  EXPECT_FALSE(Stored(Table::kLocation, id).has_value());
  EXPECT_TRUE(Audited("location.delete", "api-key:" + key_id, id));
  EXPECT_EQ(Get("/api/locations/" + id).message.result_int(), 404);
  EXPECT_EQ(Delete("/api/locations/" + id, {.key = key}).message.result_int(), 404);
}

TEST_F(WriteApi, NestedRecordsAreCreatedReadChangedAndDeleted) {
  auto [key_id, key] = KeyOf("a");
  struct Case {
    std::string collection;  // the path under /api/
    std::string table;       // the HSDS table, as the audit log names it
    json::object body;       // a new record of organisation A
    std::string field;       // a field to change
    json::value value;       // its new value
  };
  const std::string location = LocationId("a");
  for (const Case& c : std::vector<Case>{
           {"schedules",
            "schedule",
            {{"location_id", location},
             {"freq", "WEEKLY"},
             {"byday", "TU"},
             {"opens_at", "09:00"},
             {"closes_at", "12:00"}},
            "closes_at",
            "12:30"},
           {"schedules",
            "schedule",
            {{"service_id", ServiceId("s")}, {"byday", "MO"}, {"opens_at", "19:00"}},
            "byday",
            "WE"},
           {"languages",
            "language",
            {{"service_id", ServiceId("s")}, {"code", "ar"}, {"name", "Arabisch"}},
            "note",
            "Op afspraak."},
           {"addresses",
            "address",
            {{"location_id", location},
             {"address_1", "Kerkstraat 2"},
             {"city", "Den Haag"},
             {"state_province", "Zuid-Holland"},
             {"postal_code", "2511 CD"},
             {"country", "NL"},
             {"address_type", "postal"}},
            "address_2",
            "Achteringang"},
           {"phones",
            "phone",
            {{"location_id", location}, {"number", "070 111 22 33"}},
            "extension",
            12},
           {"service_at_locations",
            "service_at_location",
            {{"service_id", ServiceId("s")}, {"location_id", location}},
            "description",
            "Op de eerste verdieping."},
       }) {
    SCOPED_TRACE(c.collection + " " + json::serialize(c.body));
    const std::string collection = "/api/" + c.collection;
    http::Response created = Post(collection, c.body, {.key = key});
    ASSERT_EQ(created.message.result_int(), 201) << created.message.body();
    std::string id(Parsed(created).at("id").as_string());
    EXPECT_EQ(std::string(created.message[beast_http::field::location]), collection + "/" + id);
    EXPECT_TRUE(Audited(c.table + ".create", "api-key:" + key_id, id));
    EXPECT_FALSE(MetadataOf(id).empty());

    http::Response read = Get(collection + "/" + id);
    ASSERT_EQ(read.message.result_int(), 200) << read.message.body();
    for (const auto& [name, value] : c.body) EXPECT_EQ(Parsed(read).at(name), value) << name;

    http::Response patched = Patch(collection + "/" + id, {{c.field, c.value}}, {.key = key});
    ASSERT_EQ(patched.message.result_int(), 200) << patched.message.body();
    EXPECT_EQ(Parsed(patched).at(c.field), c.value);
    EXPECT_EQ(Parsed(Get(collection + "/" + id)).at(c.field), c.value);
    std::vector<Record> rows = MetadataOf(id);
    EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [&](const Record& row) {
      return row.Get("field_name") == c.field && row.Get("last_action_type") == "update" &&
             row.Get("resource_type") == c.table;
    }));
    EXPECT_TRUE(Audited(c.table + ".update", "api-key:" + key_id, id));

    http::Response deleted = Delete(collection + "/" + id, {.key = key});
    ASSERT_EQ(deleted.message.result_int(), 204) << deleted.message.body();
    EXPECT_TRUE(Audited(c.table + ".delete", "api-key:" + key_id, id));
    EXPECT_EQ(Get(collection + "/" + id).message.result_int(), 404);
  }
}

TEST_F(WriteApi, SearchFindsAChangedCityAtOnce) {
  Caller key = KeyCaller("a");
  ASSERT_EQ(Post("/api/service_at_locations",
                 {{"service_id", ServiceId("s")}, {"location_id", LocationId("a")}}, key)
                .message.result_int(),
            201);
  auto in_city = [&](const std::string& city) {
    auto found = index_->Search({.target = search::Target::kServices, .city = city});
    EXPECT_TRUE(found.ok());
    return found.ok() && std::any_of(found->hits.begin(), found->hits.end(),
                                     [](const auto& hit) { return hit.id == ServiceId("s"); });
  };
  ASSERT_TRUE(in_city("Den Haag")) << "linked to A's location, the service is in its city";
  ASSERT_FALSE(in_city("Zwolle"));

  http::Response moved = Patch(AddressUrl("a"), {{"city", "Zwolle"}}, key);
  ASSERT_EQ(moved.message.result_int(), 200) << moved.message.body();
  EXPECT_TRUE(in_city("Zwolle"));
  EXPECT_FALSE(in_city("Den Haag"));
  // And through the HSDS API as a client asks it.
  json::value page = Parsed(Get("/api/services?city=Zwolle"));
  ASSERT_EQ(page.at("total_items"), 1) << page;
  EXPECT_EQ(page.at("contents").at(0).at("id"), json::value(ServiceId("s")));

  auto row = MetadataRow(AddressId("a"), "city");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Get("previous_value"), "Den Haag");
  EXPECT_EQ(row->Get("replacement_value"), "Zwolle");
}

TEST_F(WriteApi, RecordsOfAnotherOrganizationAreRefusedInTheAddressAndInTheBody) {
  // A schedule of B's location, written directly.
  const std::string b_hours = domain::NameUuid("hours:b");
  map_.Write({Record(Table::kSchedule)
                  .With("id", b_hours)
                  .With("location_id", LocationId("b"))
                  .With("byday", "SA")});
  Caller key = KeyCaller("a");
  Caller member =
      SessionOf(AccountWith("lid-a@example.org", {Role::kOrganizationMember, OrganizationId("a")}));
  const std::string b_hours_url = "/api/schedules/" + b_hours;
  Snapshot before = Take();
  for (const Caller& caller : {key, member}) {
    for (const http::Response& response : {
             // B's records in the address.
             Patch(LocationUrl("b"), {{"name", "Overgenomen"}}, caller),
             Put(LocationUrl("b"),
                 {{"organization_id", OrganizationId("a")}, {"location_type", "physical"}}, caller),
             Delete(LocationUrl("b"), caller),
             Patch(AddressUrl("b"), {{"city", "Zwolle"}}, caller),
             Delete(AddressUrl("b"), caller),
             Patch(b_hours_url, {{"byday", "SU"}}, caller),
             // ... even when the change would bring them to A.
             Patch(b_hours_url, {{"location_id", LocationId("a")}}, caller),
             // B's records in the body.
             Post("/api/locations",
                  {{"organization_id", OrganizationId("b")}, {"location_type", "physical"}},
                  caller),
             Post("/api/schedules", {{"service_id", ServiceId("t")}, {"byday", "MO"}}, caller),
             Post("/api/schedules",
                  {{"location_id", LocationId("a")}, {"service_id", ServiceId("t")}}, caller),
             Post("/api/schedules",
                  {{"location_id", LocationId("b")}, {"service_id", ServiceId("s")}}, caller),
             Post("/api/addresses",
                  {{"location_id", LocationId("b")},
                   {"address_1", "Markt 1"},
                   {"city", "Groningen"},
                   {"state_province", "Groningen"},
                   {"postal_code", "9711 AA"},
                   {"country", "NL"},
                   {"address_type", "physical"}},
                  caller),
             Post("/api/phones", {{"organization_id", OrganizationId("b")}, {"number", "050"}},
                  caller),
             Post("/api/languages", {{"service_id", ServiceId("t")}, {"code", "nl"}}, caller),
             Post("/api/service_at_locations",
                  {{"service_id", ServiceId("s")}, {"location_id", LocationId("b")}}, caller),
             Post("/api/service_at_locations",
                  {{"service_id", ServiceId("t")}, {"location_id", LocationId("a")}}, caller),
             // A's records moved to B.
             Patch(LocationUrl("a"), {{"organization_id", OrganizationId("b")}}, caller),
             Put(LocationUrl("a"),
                 {{"organization_id", OrganizationId("b")}, {"location_type", "physical"}}, caller),
             Patch(AddressUrl("a"), {{"location_id", LocationId("b")}}, caller),
         }) {
      EXPECT_EQ(response.message.result_int(), 403) << response.message.body();
    }
  }
  EXPECT_EQ(Take(), before);
  EXPECT_TRUE(MetadataOf(LocationId("b")).empty());
  EXPECT_TRUE(MetadataOf(LocationId("a")).empty());
  // B's own key may.
  EXPECT_EQ(Patch(b_hours_url, {{"byday", "SU"}}, KeyCaller("b")).message.result_int(), 200);
}

TEST_F(WriteApi, RecordsOfNoOrganizationAreForTheHelpDeskOnly) {
  const std::string shared = domain::NameUuid("location:shared");
  map_.Write({Record(Table::kLocation)
                  .With("id", shared)
                  .With("location_type", "physical")
                  .With("name", "Bibliotheek")});
  const std::string url = "/api/locations/" + shared;
  Caller key = KeyCaller("a");
  Caller admin = AdminOf("a");
  Snapshot before = Take();
  for (const Caller& caller : {key, admin}) {
    EXPECT_EQ(Patch(url, {{"name", "Van ons"}}, caller).message.result_int(), 403);
    EXPECT_EQ(Delete(url, caller).message.result_int(), 403);
    EXPECT_EQ(Post("/api/locations", {{"location_type", "physical"}, {"name", "Niemands"}}, caller)
                  .message.result_int(),
              403);
    EXPECT_EQ(Post("/api/service_at_locations",
                   {{"service_id", ServiceId("s")}, {"location_id", shared}}, caller)
                  .message.result_int(),
              403)
        << "linking to a location of nobody is for the help desk too";
  }
  EXPECT_EQ(Take(), before);

  Caller help_desk = HelpDesk("Groningen");
  http::Response changed = Patch(url, {{"name", "Centrale Bibliotheek"}}, help_desk);
  ASSERT_EQ(changed.message.result_int(), 200) << changed.message.body();
  EXPECT_EQ(StoredField(Table::kLocation, shared, "name"), "Centrale Bibliotheek");
  http::Response created =
      Post("/api/locations", {{"location_type", "physical"}, {"name", "Station"}}, help_desk);
  ASSERT_EQ(created.message.result_int(), 201) << created.message.body();
  // Taking a location of nobody into A is a move out of nobody's: the help desk's too.
  EXPECT_EQ(Patch(url, {{"organization_id", OrganizationId("a")}}, key).message.result_int(), 403);
}

TEST_F(WriteApi, UnknownNestedIdIs404AndMalformedIdIs400) {
  Caller key = KeyCaller("a");
  const std::string unknown = domain::RandomUuid();
  for (const std::string collection :
       {"locations", "schedules", "languages", "addresses", "phones", "service_at_locations"}) {
    const std::string target = "/api/" + collection + "/" + unknown;
    EXPECT_EQ(Patch(target, {{"description", "X"}}, key).message.result_int(), 404) << target;
    EXPECT_EQ(Put(target, {{"description", "X"}}, key).message.result_int(), 404) << target;
    EXPECT_EQ(Delete(target, key).message.result_int(), 404) << target;
    const std::string malformed = "/api/" + collection + "/12345";
    for (const http::Response& response :
         {Patch(malformed, {{"description", "X"}}, key), Put(malformed, {{"x", "X"}}, key),
          Delete(malformed, key)}) {
      EXPECT_EQ(response.message.result_int(), 400) << malformed;
      EXPECT_EQ(ParameterOf(response), "id");
    }
  }
}

TEST_F(WriteApi, MalformedNestedBodiesAreRefusedNamingTheCulpritAndChangeNothing) {
  Caller key = KeyCaller("a");
  Snapshot before = Take();
  struct Case {
    beast_http::verb method;
    std::string target;
    std::string body;
    std::string parameter;
  };
  const auto patch = beast_http::verb::patch;
  const auto post = beast_http::verb::post;
  const std::string location = LocationUrl("a");
  const std::string at_a = R"("location_id": ")" + LocationId("a") + R"(")";
  const std::string long_name = std::string(10001, 'x');
  for (const Case& c : std::vector<Case>{
           {patch, location, "{not json", "body"},
           {patch, location, R"([])", "body"},
           {patch, location, R"({"name": "A\u0000B"})", "name"},
           {patch, location, R"({"colour": "red"})", "colour"},
           {patch, location, R"({"addresses": []})", "addresses"},
           {patch, location, R"({"location_type": "castle"})", "location_type"},
           {patch, location, R"({"location_type": null})", "location_type"},
           {patch, location, R"({"latitude": "north"})", "latitude"},
           {patch, location, R"({"latitude": true})", "latitude"},
           {patch, location, R"({"url": "geen adres"})", "url"},
           {patch, location, R"({"name": ")" + long_name + R"("})", "name"},
           {patch, location, R"({"organization_id": "not-a-uuid"})", "organization_id"},
           {patch, location, R"({"organization_id": ")" + domain::RandomUuid() + R"("})",
            "organization_id"},
           {patch, AddressUrl("a"), R"({"city": ""})", "city"},
           {patch, AddressUrl("a"), R"({"location_id": ")" + domain::RandomUuid() + R"("})",
            "location_id"},
           {post, "/api/schedules", "{" + at_a + R"(, "opens_at": "negen uur"})", "opens_at"},
           {post, "/api/schedules", "{" + at_a + R"(, "freq": "DAILY"})", "freq"},
           {post, "/api/schedules", "{" + at_a + R"(, "interval": "vaak"})", "interval"},
           {post, "/api/schedules", "{" + at_a + R"(, "valid_from": "31-01-2026"})", "valid_from"},
           {post, "/api/schedules", "{" + at_a + R"(, "byday": {"MO": true}})", "byday"},
           {post, "/api/schedules", "{" + at_a + R"(, "id": "123"})", "id"},
           {post, "/api/schedules", R"({"location_id": ")" + domain::RandomUuid() + R"("})",
            "location_id"},
           {post, "/api/schedules", R"({"service_id": "x"})", "service_id"},
           {post, "/api/addresses", "{" + at_a + R"(, "address_1": "Laan 1"})", "city"},
           {post, "/api/phones", "{" + at_a + "}", "number"},
           {post, "/api/phones", "{" + at_a + R"(, "number": "1", "extension": "twaalf"})",
            "extension"},
           {post, "/api/languages", "{" + at_a + R"(, "code": ["nl"]})", "code"},
           {post, "/api/service_at_locations",
            "{" + at_a + R"(, "service_id": ")" + domain::RandomUuid() + R"("})", "service_id"},
       }) {
    http::Response response = Send(c.method, c.target, c.body, key);
    EXPECT_EQ(response.message.result_int(), 400)
        << c.target << " " << c.body.substr(0, 200) << ": " << response.message.body();
    EXPECT_EQ(ParameterOf(response), c.parameter) << c.body.substr(0, 200);
  }
  for (const std::string& target : {location, std::string("/api/schedules")}) {
    beast_http::verb method = target == location ? patch : post;
    http::Response form = Send(method, target, "name=X", key, "application/x-www-form-urlencoded");
    EXPECT_EQ(form.message.result_int(), 400);
    EXPECT_EQ(ParameterOf(form), "Content-Type");
    http::Response none = Send(method, target, "", key);
    EXPECT_EQ(none.message.result_int(), 400);
    EXPECT_EQ(ParameterOf(none), "Content-Type");
  }
  EXPECT_EQ(Take(), before);
}

TEST_F(WriteApi, SessionNeedsTheCsrfHeaderForNestedRecordsToo) {
  Caller admin = AdminOf("a");
  Caller without = admin;
  without.csrf_header.clear();
  Snapshot before = Take();
  for (const http::Response& response :
       {Post("/api/locations",
             {{"organization_id", OrganizationId("a")}, {"location_type", "physical"}}, without),
        Patch(AddressUrl("a"), {{"city", "Zwolle"}}, without),
        Put(LocationUrl("a"),
            {{"organization_id", OrganizationId("a")}, {"location_type", "postal"}}, without),
        Post("/api/schedules", {{"location_id", LocationId("a")}, {"byday", "MO"}}, without),
        Delete(LocationUrl("a"), without)}) {
    EXPECT_EQ(response.message.result_int(), 403) << response.message.body();
    EXPECT_EQ(ParameterOf(response), "X-CSRF-Token");
  }
  EXPECT_EQ(Take(), before);
  http::Response response = Patch(AddressUrl("a"), {{"city", "Zwolle"}}, admin);
  ASSERT_EQ(response.message.result_int(), 200) << response.message.body();
  EXPECT_TRUE(Audited("address.update", AdminIdOf("a"), AddressId("a")));
}

TEST_F(WriteApi, AnonymousCannotWriteNestedRecords) {
  Snapshot before = Take();
  for (const http::Response& response :
       {Post("/api/locations", {{"location_type", "physical"}}, {}),
        Patch(LocationUrl("a"), {{"name", "X"}}, {}), Delete(AddressUrl("a"), {}),
        Post("/api/service_at_locations",
             {{"service_id", ServiceId("s")}, {"location_id", LocationId("a")}}, {})}) {
    EXPECT_EQ(response.message.result_int(), 401) << response.message.body();
  }
  EXPECT_EQ(Take(), before);
}

}  // namespace
}  // namespace knooppunt::api
