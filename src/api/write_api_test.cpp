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

// A location of the organisation with an address in `region` (HSDS address.region), which puts
// the organisation in a help desk's scope.
std::vector<Record> AddressIn(const std::string& organization, const std::string& region) {
  std::string location = domain::NameUuid("location:" + organization);
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
    int64_t organizations = 0;
    int64_t services = 0;
    int64_t metadata = 0;
    size_t audit = 0;
    bool operator==(const Snapshot&) const = default;
  };
  Snapshot Take() {
    Snapshot out;
    for (const char* key : {"a", "b"}) {
      out.records.push_back(Stored(Table::kOrganization, OrganizationId(key)));
    }
    for (const char* key : {"s", "t"}) {
      out.records.push_back(Stored(Table::kService, ServiceId(key)));
    }
    out.organizations = Count(Table::kOrganization);
    out.services = Count(Table::kService);
    out.metadata = Count(Table::kMetadata);
    out.audit = AuditLog().size();
    return out;
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

}  // namespace
}  // namespace knooppunt::api
