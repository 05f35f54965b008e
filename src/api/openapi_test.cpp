// The OpenAPI document (src/api/openapi.json, compiled in) against the API it describes: every
// route and every parameter the handlers read is documented, and what the document says about
// each parameter's values is what the handlers do. Requests go through the router (no sockets)
// to a real SQLite store; those the document marks with `security` are sent as help-desk staff.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "api/exchange_api.h"
#include "api/hsds_api.h"
#include "api/places_api.h"
#include "api/write_api.h"
#include "domain/places.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "exchange/exchange.h"
#include "exchange/notifier_testing.h"
#include "exchange/test_support.h"
#include "http/router.h"
#include "search/search_index.h"
#include "store/store.h"
#include "testing/testing.h"

namespace knooppunt::api {
namespace {

namespace json = boost::json;
namespace beast_http = boost::beast::http;
using domain::Record;
using domain::Table;

// Every GET route AddHsdsRoutes, AddPlacesRoutes and AddExchangeRoutes register, relative to the
// server url "/api".
const std::vector<std::string> kRoutes = {
    "/",
    "/services",
    "/services/{id}",
    "/organizations",
    "/organizations/{id}",
    "/service_at_locations",
    "/service_at_locations/{id}",
    "/locations",
    "/locations/{id}",
    "/schedules",
    "/schedules/{id}",
    "/languages",
    "/languages/{id}",
    "/addresses",
    "/addresses/{id}",
    "/phones",
    "/phones/{id}",
    "/taxonomies",
    "/taxonomies/{id}",
    "/taxonomy_terms",
    "/taxonomy_terms/{id}",
    "/openapi.json",
    "/search/suggest",
    "/search/facets",
    "/search/explain",
    "/places",
    "/postings",
    "/postings/mine",
    "/postings/queue",
    "/postings/{id}",
    "/postings/{id}/suggestions",
    "/profiles/me",
    "/profiles/me/suggestions",
    "/matches",
    "/matches/{id}",
    "/matches/{id}/messages",
    "/match-rounds",
    "/match-rounds/{id}",
};

// Paths without GET: each names an action on the record of the path above it (its status, its
// consent, an answer, sending a round, a proposal of a round), whose GET already shows what the
// action changes; a GET of their own would only repeat it.
const std::set<std::string> kActionRoutes = {
    "/postings/{id}/status",
    "/profiles/me/consent",
    "/matches/{id}/answer",
    "/match-rounds/{id}/send",
    "/match-rounds/{id}/discard",
    "/match-rounds/{id}/proposals",
    "/match-rounds/{id}/proposals/{match_id}",
};

// The first segments of supply and demand's routes, which are not HSDS: no Page, no ndjson.
const std::vector<std::string> kExchangePrefixes = {"/postings", "/profiles", "/matches",
                                                    "/match-rounds"};

// The parameters each handler in hsds_api.cpp (and params.cpp) and places_api.cpp reads.
const std::map<std::string, std::set<std::string>> kParametersRead = {
    {"/", {}},
    {"/openapi.json", {}},
    {"/services",
     {"search",
      "page",
      "per_page",
      "format",
      "organization_id",
      "taxonomy_term_id",
      "taxonomy_id",
      "modified_after",
      "minimal",
      "full",
      "lang",
      "near",
      "radius_km",
      "language",
      "city",
      "kind",
      "open_at",
      "open_now",
      "age",
      "sort"}},
    {"/services/{id}", {"id", "lang"}},
    {"/organizations",
     {"search", "page", "per_page", "format", "full", "full_service", "lang", "near", "radius_km",
      "language", "city", "kind", "open_at", "open_now", "age", "sort"}},
    {"/organizations/{id}", {"id", "full_service", "lang"}},
    {"/service_at_locations",
     {"search",
      "page",
      "per_page",
      "format",
      "organization_id",
      "taxonomy_term_id",
      "taxonomy_id",
      "modified_after",
      "postcode",
      "proximity",
      "full",
      "lang",
      "near",
      "radius_km",
      "language",
      "city",
      "kind",
      "open_at",
      "open_now",
      "age",
      "sort"}},
    {"/service_at_locations/{id}", {"id", "lang"}},
    {"/locations", {"page", "per_page", "format", "organization_id", "full", "lang"}},
    {"/locations/{id}", {"id", "lang"}},
    {"/schedules",
     {"page", "per_page", "format", "service_id", "location_id", "service_at_location_id", "full",
      "lang"}},
    {"/schedules/{id}", {"id", "lang"}},
    {"/languages",
     {"page", "per_page", "format", "service_id", "location_id", "phone_id", "full", "lang"}},
    {"/languages/{id}", {"id", "lang"}},
    {"/addresses", {"page", "per_page", "format", "location_id", "full", "lang"}},
    {"/addresses/{id}", {"id", "lang"}},
    {"/phones",
     {"page", "per_page", "format", "organization_id", "service_id", "location_id",
      "service_at_location_id", "full", "lang"}},
    {"/phones/{id}", {"id", "lang"}},
    {"/taxonomies", {"search", "page", "per_page", "format"}},
    {"/taxonomies/{id}", {"id"}},
    {"/taxonomy_terms",
     {"search", "page", "per_page", "format", "taxonomy_id", "parent_id", "top_only", "lang"}},
    {"/taxonomy_terms/{id}", {"id", "lang"}},
    {"/search/suggest", {"q", "limit"}},
    {"/search/facets",
     {"search", "organization_id", "taxonomy_term_id", "taxonomy_id", "modified_after", "lang",
      "near", "radius_km", "language", "city", "kind", "open_at", "open_now", "age", "sort"}},
    {"/search/explain",
     {"search", "organization_id", "taxonomy_term_id", "taxonomy_id", "modified_after", "lang",
      "page", "per_page", "near", "radius_km", "language", "city", "kind", "open_at", "open_now",
      "age", "sort"}},
    {"/places", {"q", "limit"}},
    {"/postings", {"kind", "side", "q", "page", "per_page"}},
    {"/postings/mine", {"page", "per_page"}},
    {"/postings/queue", {"page", "per_page"}},
    {"/postings/{id}", {"id"}},
    {"/postings/{id}/suggestions", {"id", "k"}},
    {"/profiles/me", {}},
    {"/profiles/me/suggestions", {"k"}},
    {"/matches", {}},
    {"/matches/{id}", {"id"}},
    {"/matches/{id}/messages", {"id"}},
    {"/match-rounds", {"limit"}},
    {"/match-rounds/{id}", {"id"}},
};

json::value Document() { return json::parse(OpenApiDocument()); }

// A route about one record, named by the id in its path.
bool IsItemRoute(const std::string& path) { return path.find("{id}") != std::string::npos; }
bool IsExchangeRoute(const std::string& path) {
  for (const std::string& prefix : kExchangePrefixes) {
    if (path == prefix || path.starts_with(prefix + "/")) return true;
  }
  return false;
}
// An HSDS list, answered as a Page.
bool IsListRoute(const std::string& path) {
  return path != "/" && path != "/openapi.json" && path != "/places" &&
         !path.starts_with("/search/") && !IsItemRoute(path) && !IsExchangeRoute(path);
}

// The document says GET `path` needs a signed-in caller.
bool IsSecured(const json::value& doc, const std::string& path) {
  return doc.at("paths").at(path).at("get").as_object().contains("security");
}

// Follows a local "$ref" ("#/components/parameters/page") to what it names.
const json::object& Resolve(const json::value& doc, const json::object& object) {
  const json::value* ref = object.if_contains("$ref");
  if (ref == nullptr) return object;
  std::string pointer(ref->as_string());
  EXPECT_TRUE(pointer.starts_with("#/")) << pointer;
  return doc.at_pointer(pointer.substr(1)).as_object();
}

// The parameters of GET `path`: the path item's and the operation's, references resolved.
std::vector<json::object> Parameters(const json::value& doc, const std::string& path) {
  std::vector<json::object> out;
  const json::object& item = doc.at("paths").at(path).as_object();
  for (const json::object* holder : {&item, &item.at("get").as_object()}) {
    if (const json::value* list = holder->if_contains("parameters")) {
      for (const json::value& parameter : list->as_array()) {
        out.push_back(Resolve(doc, parameter.as_object()));
      }
    }
  }
  return out;
}

// The status codes documented for GET `path`.
std::set<std::string> DocumentedStatuses(const json::value& doc, const std::string& path) {
  std::set<std::string> out;
  for (const auto& entry : doc.at("paths").at(path).at("get").at("responses").as_object()) {
    out.insert(std::string(entry.key()));
  }
  return out;
}

// The API on a router over a fresh SQLite store holding the reference taxonomies, one
// organisation with one service at one location, and supply and demand: a help-desk account
// with a profile and an open posting, a person proposed for it, and a matching round.
class LiveApi {
 public:
  static std::unique_ptr<LiveApi> Start() {
    auto api = std::unique_ptr<LiveApi>(new LiveApi());
    store::StoreOptions options{.database = "sqlite:" + (api->dir_.path() / "t.db").string()};
    if (auto migrated = store::Migrate(options); !migrated) {
      ADD_FAILURE() << "migrate: " << migrated.error().message;
      return nullptr;
    }
    auto opened = store::OpenStore(options);
    if (!opened) {
      ADD_FAILURE() << "open: " << opened.error().message;
      return nullptr;
    }
    api->store_ = std::move(*opened);
    if (auto written = api->store_->Write(api->Records()); !written) {
      ADD_FAILURE() << "write: " << written.error().message;
      return nullptr;
    }
    auto index =
        search::SearchIndex::Open(*api->store_, {.path = (api->dir_.path() / "search").string()});
    if (!index) {
      ADD_FAILURE() << "search index: " << index.error().message;
      return nullptr;
    }
    api->index_ = std::move(*index);
    AddHsdsRoutes(api->router_, *api->store_, *api->index_,
                  {.public_url = "https://kaart.example"});
    AddWriteRoutes(api->router_, *api->store_, *api->index_);
    auto places = domain::Gazetteer::Parse("place\tGroningen\tGroningen\t53.21917\t6.56667\t2\n");
    if (!places) {
      ADD_FAILURE() << "places: " << places.error().message;
      return nullptr;
    }
    api->places_ = std::move(*places);
    AddPlacesRoutes(api->router_, api->places_);
    api->exchange_ = std::make_unique<exchange::Exchange>(
        *api->store_, match::Weights{}, exchange::ExchangeOptions{}, api->notifier_);
    AddExchangeRoutes(api->router_, *api->store_, *api->exchange_);
    if (!api->AddSupplyAndDemand()) return nullptr;
    domain::Actor staff = api->staff_;
    api->router_.Authenticate([staff](const http::Request& request) -> Result<domain::Actor> {
      if (request[beast_http::field::authorization] == kStaffAuthorization) return staff;
      return domain::Actor{};
    });
    return api;
  }

  std::vector<http::RouteInfo> Routes() const { return router_.Routes(); }

  // A GET, anonymous or (`as_staff`) as the help desk.
  http::Response Get(const std::string& target, bool as_staff = false) const {
    http::Request request(beast_http::verb::get, target, 11);
    if (as_staff) request.set(beast_http::field::authorization, kStaffAuthorization);
    return router_.Handle(request);
  }

  // "/api" + `path` with `{id}` replaced by `id`, or by the id of an existing record when empty.
  std::string Target(const std::string& path, std::string id = {}) const {
    std::string out = "/api" + path;
    if (path == "/search/suggest") return out + "?q=voe";  // `q` is required
    if (path == "/places") return out + "?q=gro";
    auto brace = out.find("{id}");
    if (brace == std::string::npos) return out;
    if (id.empty()) id = existing_.at(path);
    return out.replace(brace, 4, id);
  }

 private:
  static constexpr std::string_view kStaffAuthorization = "Bearer help-desk";

  LiveApi() = default;

  std::string AddAccount(const std::string& key) {
    std::string id = domain::NameUuid("account:" + key);
    Status created =
        store_->accounts().CreateAccount({.id = id,
                                          .email = key + "@example.nl",
                                          .password_hash = "hash-of-" + key,
                                          .created_at = domain::FormatUtc(domain::Now())});
    EXPECT_TRUE(created.ok()) << created.error().message;
    return id;
  }

  // The help desk's posting, with a person proposed for it at once and a round run after;
  // false (and a test failure) when the exchange refuses any of it.
  bool AddSupplyAndDemand() {
    staff_ = exchange::test_support::Staff(AddAccount("loket"));
    domain::Actor person = exchange::test_support::Person(AddAccount("person"));
    for (const domain::Actor& actor : {staff_, person}) {
      auto saved = exchange_->SaveProfile(actor, exchange::test_support::VolunteerProfile());
      Status consent = exchange_->Consent(actor, true);
      if (!saved || !consent) {
        ADD_FAILURE() << "profile of " << actor.user_id;
        return false;
      }
    }
    auto posting = exchange_->Post(staff_, exchange::test_support::VolunteerRequest(), true);
    if (!posting) {
      ADD_FAILURE() << "posting: " << posting.error().message;
      return false;
    }
    auto match = exchange_->Propose(staff_, person.user_id, posting->id);
    if (!match) {
      ADD_FAILURE() << "proposal: " << match.error().message;
      return false;
    }
    auto round = exchange_->RunRound(staff_, false);
    if (!round) {
      ADD_FAILURE() << "round: " << round.error().message;
      return false;
    }
    existing_["/postings/{id}"] = posting->id;
    existing_["/postings/{id}/suggestions"] = posting->id;
    existing_["/matches/{id}"] = match->id;
    existing_["/matches/{id}/messages"] = match->id;
    existing_["/match-rounds/{id}"] = round->round.id;
    return true;
  }

  std::vector<Record> Records() {
    const std::string organization = domain::RandomUuid();
    const std::string service = domain::RandomUuid();
    const std::string location = domain::RandomUuid();
    const std::string service_at_location = domain::RandomUuid();
    const std::string schedule = domain::RandomUuid();
    const std::string language = domain::RandomUuid();
    const std::string address = domain::RandomUuid();
    const std::string phone = domain::RandomUuid();
    existing_ = {{"/services/{id}", service},
                 {"/organizations/{id}", organization},
                 {"/service_at_locations/{id}", service_at_location},
                 {"/locations/{id}", location},
                 {"/schedules/{id}", schedule},
                 {"/languages/{id}", language},
                 {"/addresses/{id}", address},
                 {"/phones/{id}", phone},
                 {"/taxonomies/{id}", domain::NeedsTaxonomyId()},
                 {"/taxonomy_terms/{id}", domain::TermId("needs", "voedsel")}};
    std::vector<Record> records = domain::ReferenceRecords();
    records.push_back(Record(Table::kOrganization)
                          .With("id", organization)
                          .With("name", "Voedselbank Enschede")
                          .With("description", "Voedselpakketten voor wie het krap heeft."));
    records.push_back(Record(Table::kService)
                          .With("id", service)
                          .With("organization_id", organization)
                          .With("name", "Voedselpakket")
                          .With("status", "active"));
    records.push_back(
        domain::TermAttribute("service", service, domain::TermId("needs", "voedsel")));
    records.push_back(Record(Table::kLocation)
                          .With("id", location)
                          .With("location_type", "physical")
                          .With("name", "Uitgiftepunt"));
    records.push_back(Record(Table::kServiceAtLocation)
                          .With("id", service_at_location)
                          .With("service_id", service)
                          .With("location_id", location));
    records.push_back(Record(Table::kSchedule)
                          .With("id", schedule)
                          .With("location_id", location)
                          .With("byday", "TU")
                          .With("opens_at", "10:00")
                          .With("closes_at", "12:00"));
    records.push_back(Record(Table::kPhone)
                          .With("id", phone)
                          .With("location_id", location)
                          .With("number", "053 123 45 67"));
    records.push_back(
        Record(Table::kLanguage).With("id", language).With("phone_id", phone).With("code", "ti"));
    records.push_back(Record(Table::kAddress)
                          .With("id", address)
                          .With("location_id", location)
                          .With("address_1", "Oldenzaalsestraat 1")
                          .With("city", "Enschede")
                          .With("state_province", "Overijssel")
                          .With("postal_code", "7511 DZ")
                          .With("country", "NL")
                          .With("address_type", "physical"));
    return records;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<search::SearchIndex> index_;
  domain::Gazetteer places_;
  exchange::testing::RecordingNotifier notifier_;
  std::unique_ptr<exchange::Exchange> exchange_;
  domain::Actor staff_;
  http::Router router_;
  std::map<std::string, std::string> existing_;
};

// `value` percent-encoded for a query (a bare `+` would mean a space).
std::string QueryEncode(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ':') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// A value the documented schema of `parameter` rules out, or empty when the schema allows any.
std::string InvalidValue(const json::object& parameter) {
  const json::object& schema = parameter.at("schema").as_object();
  if (schema.contains("enum")) return "not-a-documented-value";
  const json::value* type = schema.if_contains("type");
  const std::string type_name = type == nullptr ? "" : std::string(type->as_string());
  if (type_name == "boolean") return "maybe";
  if (type_name == "integer") {
    if (const json::value* minimum = schema.if_contains("minimum")) {
      return std::to_string(minimum->to_number<int64_t>() - 1);
    }
    return "abc";
  }
  if (const json::value* format = schema.if_contains("format"); format && *format == "uuid") {
    return "not-a-uuid";
  }
  if (schema.contains("anyOf")) return "tomorrow";  // date-time or date
  if (const json::value* format = schema.if_contains("format"); format && *format == "date-time") {
    return "tomorrow";
  }
  if (type_name == "number") return "-1";  // every number parameter is positive
  if (schema.contains("pattern")) return "abc!";
  if (const json::value* max_length = schema.if_contains("maxLength")) {
    return std::string(max_length->to_number<std::size_t>() + 1, 'x');
  }
  return {};
}

// Values the documented schema of `parameter` allows.
std::vector<std::string> ValidValues(const json::object& parameter) {
  const json::object& schema = parameter.at("schema").as_object();
  std::vector<std::string> out;
  if (const json::value* values = schema.if_contains("enum")) {
    for (const json::value& value : values->as_array()) out.emplace_back(value.as_string());
    return out;
  }
  const json::value* type = schema.if_contains("type");
  const std::string type_name = type == nullptr ? "" : std::string(type->as_string());
  if (type_name == "boolean") return {"true", "false", "1", "0"};
  if (const json::value* example = parameter.if_contains("example")) {
    return {example->is_string() ? std::string(example->as_string()) : json::serialize(*example)};
  }
  if (type_name == "integer") {
    std::vector<std::string> values;
    const json::value* maximum = schema.if_contains("maximum");
    for (int64_t value : {1, 2, 1000, 5000}) {
      if (!maximum || value <= maximum->to_number<int64_t>())
        values.push_back(std::to_string(value));
    }
    return values;
  }
  if (const json::value* format = schema.if_contains("format"); format && *format == "uuid") {
    return {domain::RandomUuid()};
  }
  if (schema.contains("anyOf"))
    return {"2026-01-31", "2026-01-31T09:00:00Z", "2026-01-31T09:00:00.123+01:00"};
  if (const json::value* max_length = schema.if_contains("maxLength")) {
    return {"", std::string(max_length->to_number<std::size_t>(), 'x')};
  }
  return out;
}

TEST(OpenApi, DocumentIsValidJsonWithVersion31) {
  json::value doc;
  ASSERT_NO_THROW(doc = Document());
  ASSERT_TRUE(doc.is_object());
  EXPECT_TRUE(std::string(doc.at("openapi").as_string()).starts_with("3.1"));
  EXPECT_EQ(doc.at("info").at("title"), "Knooppunt API");
  EXPECT_EQ(doc.at("info").at("version"), "0.1.0");
  EXPECT_EQ(doc.at("servers").at(0).at("url"), "/api");

  // GET /api/ points `profile` at #knooppunt-profile; the section names the fixed taxonomies.
  std::string description(doc.at("info").at("description").as_string());
  EXPECT_NE(description.find("knooppunt-profile"), std::string::npos);
  for (const std::string& id : {domain::OrganizationKindTaxonomyId(), domain::CommunityTaxonomyId(),
                                domain::KnooppuntFieldsTaxonomyId(), domain::LastVerifiedTermId(),
                                domain::NeedsTaxonomyId()}) {
    EXPECT_NE(description.find(id), std::string::npos) << id;
  }

  // Every local reference resolves.
  std::vector<const json::value*> pending = {&doc};
  while (!pending.empty()) {
    const json::value* value = pending.back();
    pending.pop_back();
    if (value->is_array()) {
      for (const json::value& item : value->as_array()) pending.push_back(&item);
    } else if (value->is_object()) {
      for (const auto& entry : value->as_object()) {
        if (entry.key() == "$ref" && entry.value().as_string().starts_with("#/")) {
          std::string pointer(entry.value().as_string());
          std::error_code error;
          EXPECT_NE(doc.find_pointer(pointer.substr(1), error), nullptr) << pointer;
        }
        pending.push_back(&entry.value());
      }
    }
  }
}

TEST(OpenApi, DocumentsEveryApiRoute) {
  json::value doc = Document();
  const json::object& paths = doc.at("paths").as_object();
  for (const std::string& route : kRoutes) EXPECT_TRUE(paths.contains(route)) << route;
  for (const std::string& route : kActionRoutes) EXPECT_TRUE(paths.contains(route)) << route;
  EXPECT_EQ(paths.size(), kRoutes.size() + kActionRoutes.size())
      << "the document lists a route the API lacks";

  auto api = LiveApi::Start();
  ASSERT_NE(api, nullptr);
  const json::array& page_fields =
      doc.at("components").at("schemas").at("Page").at("required").as_array();
  for (const auto& entry : paths) {
    const std::string path(entry.key());
    if (kActionRoutes.contains(path)) {
      EXPECT_FALSE(entry.value().as_object().contains("get")) << path;
      continue;
    }
    ASSERT_TRUE(entry.value().as_object().contains("get")) << path;
    std::set<std::string> statuses = DocumentedStatuses(doc, path);
    const bool secured = IsSecured(doc, path);
    if (secured) {  // what the document says is for a signed-in caller is
      http::Response anonymous = api->Get(api->Target(path));
      EXPECT_EQ(anonymous.message.result_int(), 401u) << path;
      EXPECT_TRUE(statuses.contains("401")) << path;
    }

    // A random id: the route exists (not 405, not the router's 404) and answers a JSON not_found.
    const std::string random_id = domain::RandomUuid();
    std::string target = api->Target(path, random_id);
    http::Response response = api->Get(target, secured);
    unsigned status = response.message.result_int();
    EXPECT_NE(status, 405u) << target;
    EXPECT_TRUE(statuses.contains(std::to_string(status))) << target << " answered " << status;
    if (IsItemRoute(path)) {
      ASSERT_EQ(status, 404u) << target;
      json::value body = json::parse(response.message.body());
      EXPECT_EQ(body.at("error").at("code"), "not_found") << target;
      EXPECT_NE(std::string(body.at("error").at("message").as_string()).find(random_id),
                std::string::npos)
          << target;
    } else {
      EXPECT_EQ(status, 200u) << target << ": " << response.message.body();
    }

    // An existing id (item routes) or the route itself (the others): 200.
    target = api->Target(path);
    response = api->Get(target, secured);
    ASSERT_EQ(response.message.result_int(), 200u) << target << ": " << response.message.body();
    const json::object& content =
        entry.value().at("get").at("responses").at("200").at("content").as_object();
    EXPECT_TRUE(content.contains("application/json")) << path;
    if (path == "/openapi.json") {
      EXPECT_EQ(response.message.body(), OpenApiDocument());
    }
    if (path == "/") {
      EXPECT_EQ(json::parse(response.message.body()).at("profile"),
                "https://kaart.example/api/openapi.json#knooppunt-profile");
    }
    if (!IsListRoute(path)) continue;

    json::value page = json::parse(response.message.body());
    for (const json::value& field : page_fields) {
      EXPECT_TRUE(page.as_object().contains(field.as_string())) << path << " lacks " << field;
    }
    EXPECT_GE(page.at("total_items").to_number<int64_t>(), 1) << path;

    // ndjson: the documented media type.
    EXPECT_TRUE(content.contains("application/x-ndjson")) << path;
    response = api->Get(target + "?format=ndjson");
    EXPECT_EQ(response.message.result_int(), 200u) << path;
    EXPECT_TRUE(std::string(response.message[beast_http::field::content_type])
                    .starts_with("application/x-ndjson"))
        << path;
    EXPECT_TRUE(response.stream) << path;
  }
}

TEST(OpenApi, DocumentsEveryWriteRouteWithItsSecurity) {
  json::value doc = Document();
  const json::object& paths = doc.at("paths").as_object();
  auto api = LiveApi::Start();
  ASSERT_NE(api, nullptr);
  std::set<std::pair<std::string, std::string>> registered;
  for (const http::RouteInfo& route : api->Routes()) {
    if (route.method == beast_http::verb::get) continue;
    std::string method(beast_http::to_string(route.method));
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    ASSERT_TRUE(route.pattern.starts_with("/api/")) << route.pattern;
    registered.emplace(route.pattern.substr(4), method);
  }
  EXPECT_GE(registered.size(), 32u) << "eight collections, four methods each";
  for (const auto& [path, method] : registered) {
    ASSERT_TRUE(paths.contains(path)) << path;
    const json::value* operation = paths.at(path).as_object().if_contains(method);
    ASSERT_NE(operation, nullptr) << method << " " << path << " is not documented";
    EXPECT_TRUE(operation->as_object().contains("security")) << method << " " << path;
    EXPECT_EQ(operation->at("x-knooppunt-extension"), true) << method << " " << path;
    EXPECT_TRUE(operation->at("responses").as_object().contains("403")) << method << " " << path;
  }
  for (const auto& [path, item] : paths) {
    for (const auto& [method, operation] : item.as_object()) {
      if (method == "get" || method == "parameters") continue;
      EXPECT_TRUE(registered.contains({std::string(path), std::string(method)}))
          << method << " " << path << " is documented but not routed";
    }
  }
}

TEST(OpenApi, DocumentsEveryParameterTheHandlersRead) {
  json::value doc = Document();
  const json::object& paths = doc.at("paths").as_object();
  for (const auto& [path, read] : kParametersRead) {
    ASSERT_TRUE(paths.contains(path)) << path;
    std::set<std::string> documented;
    for (const json::object& parameter : Parameters(doc, path)) {
      std::string name(parameter.at("name").as_string());
      EXPECT_TRUE(documented.insert(name).second) << path << " documents " << name << " twice";
      EXPECT_EQ(parameter.at("in"), name == "id" ? "path" : "query") << path << " " << name;
      EXPECT_TRUE(parameter.contains("schema")) << path << " " << name;
      EXPECT_TRUE(parameter.contains("description")) << path << " " << name;
    }
    for (const std::string& name : read) {
      EXPECT_TRUE(documented.contains(name))
          << path << " reads " << name << " but does not document it";
    }
    for (const std::string& name : documented) {
      EXPECT_TRUE(read.contains(name)) << path << " documents " << name << " but does not read it";
    }
  }

  // `lang` is Knooppunt's extension, with exactly the UI languages.
  const json::object& lang = doc.at("components").at("parameters").at("lang").as_object();
  EXPECT_EQ(lang.at("x-knooppunt-extension"), true);
  std::vector<std::string> languages;
  for (const json::value& value : lang.at("schema").at("enum").as_array()) {
    languages.emplace_back(value.as_string());
  }
  std::vector<std::string> expected(domain::UiLanguages().begin(), domain::UiLanguages().end());
  EXPECT_EQ(languages, expected);
}

TEST(OpenApi, UnknownParametersValuesAreRejectedAsDocumented) {
  json::value doc = Document();
  auto api = LiveApi::Start();
  ASSERT_NE(api, nullptr);
  int rejected = 0;
  for (const auto& entry : doc.at("paths").as_object()) {
    const std::string path(entry.key());
    if (kActionRoutes.contains(path)) continue;  // no GET, no query parameters
    const std::set<std::string> statuses = DocumentedStatuses(doc, path);
    const bool secured = IsSecured(doc, path);
    for (const json::object& parameter : Parameters(doc, path)) {
      const std::string name(parameter.at("name").as_string());
      const bool in_path = parameter.at("in") == "path";
      auto target_with = [&](const std::string& value) {
        if (in_path) return api->Target(path, value);
        std::string target = name == "q" ? "/api" + path : api->Target(path);
        target += target.find('?') == std::string::npos ? "?" : "&";
        // Parameters that only mean something beside `near`.
        if (name == "radius_km" || name == "sort") target += "near=53.2,6.5&";
        return target + name + "=" + QueryEncode(value);
      };

      if (name == "proximity") {  // documented as not supported: any value is a 400
        std::string target = target_with("100");
        http::Response response = api->Get(target, secured);
        EXPECT_EQ(response.message.result_int(), 400u) << target;
        EXPECT_EQ(json::parse(response.message.body()).at("error").at("parameter"), "proximity")
            << target;
        ++rejected;
        continue;
      }

      std::string invalid = InvalidValue(parameter);
      ASSERT_FALSE(invalid.empty())
          << path << " " << name << ": the document gives no constraint this test can check";
      std::string target = target_with(invalid);
      http::Response response = api->Get(target, secured);
      ASSERT_EQ(response.message.result_int(), 400u) << target << ": " << response.message.body();
      EXPECT_TRUE(statuses.contains("400")) << path;
      json::value body = json::parse(response.message.body());
      EXPECT_EQ(body.at("error").at("code"), "invalid_argument") << target;
      EXPECT_EQ(body.at("error").at("parameter"), json::value(name)) << target;
      ++rejected;

      for (const std::string& valid : ValidValues(parameter)) {
        target = target_with(valid);
        unsigned status = api->Get(target, secured).message.result_int();
        EXPECT_NE(status, 400u) << target << " is documented as allowed";
        EXPECT_TRUE(statuses.contains(std::to_string(status))) << target << " answered " << status;
      }
    }
  }
  EXPECT_GT(rejected, 40);
}

}  // namespace
}  // namespace knooppunt::api
