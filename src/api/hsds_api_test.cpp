// The HSDS API through the router (no sockets): a real SQLite store with a small social map.
#include "api/hsds_api.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "domain/taxonomy.h"
#include "domain/uuid.h"
#include "http/router.h"
#include "search/search_index.h"
#include "store/store.h"
#include "testing/testing.h"

namespace knooppunt::api {
namespace {

namespace json = boost::json;
namespace beast_http = boost::beast::http;
using domain::NameUuid;
using domain::Record;
using domain::Table;

std::string Id(const std::string& key) { return NameUuid("api-test:" + key); }

namespace fs = std::filesystem;

fs::path SchemaDir() {
  fs::path beside = testing::SourceDir() / ".." / "shared" / "hsds-3.0";
  return (fs::exists(beside) ? beside : fs::path("/work/shared/hsds-3.0")) / "schema";
}

json::value SchemaFile(const std::string& name) {
  std::ifstream in(SchemaDir() / name);
  EXPECT_TRUE(in) << name;
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

// What is wrong with `value` as HSDS's schema `schema_file` (schema/location.json, ...) sees it,
// checked offline: required properties present, no property the schema lacks (like
// openapi-examples-validator -n), JSON types and enumerations right, nested records (`$ref`)
// checked the same way. Empty when it conforms.
std::vector<std::string> SchemaProblems(const json::value& value, const std::string& schema_file,
                                        const std::string& where = "") {
  std::vector<std::string> problems;
  json::value schema = SchemaFile(schema_file);
  if (!value.is_object()) return {where + ": not an object"};
  const json::object& object = value.as_object();
  if (const json::value* required = schema.as_object().if_contains("required")) {
    for (const json::value& name : required->as_array()) {
      if (!object.contains(name.as_string())) {
        problems.push_back(where + "." + std::string(name.as_string()) + ": missing");
      }
    }
  }
  const json::object& properties = schema.at("properties").as_object();
  for (const auto& [key, item] : object) {
    const std::string path = where + "." + std::string(key);
    const json::value* property = properties.if_contains(key);
    if (property == nullptr) {
      problems.push_back(path + ": not in " + schema_file);
      continue;
    }
    const json::object& spec = property->as_object();
    if (const json::value* ref = spec.if_contains("$ref")) {
      auto nested = SchemaProblems(item, std::string(ref->as_string()), path);
      problems.insert(problems.end(), nested.begin(), nested.end());
      continue;
    }
    const std::string type(spec.at("type").as_string());
    bool right = type == "string"   ? item.is_string()
                 : type == "number" ? item.is_number()
                 : type == "array"  ? item.is_array()
                 : type == "object" ? item.is_object()
                                    : false;
    if (!right) problems.push_back(path + ": not of type " + type);
    if (const json::value* values = spec.if_contains("enum")) {
      const auto& list = values->as_array();
      if (std::find(list.begin(), list.end(), item) == list.end()) {
        problems.push_back(path + ": not one of its values");
      }
    }
    if (type == "array" && item.is_array()) {
      const json::value* items = spec.at("items").as_object().if_contains("$ref");
      for (std::size_t i = 0; i < item.as_array().size(); ++i) {
        if (items == nullptr) continue;
        auto nested = SchemaProblems(item.as_array()[i], std::string(items->as_string()),
                                     path + "[" + std::to_string(i) + "]");
        problems.insert(problems.end(), nested.begin(), nested.end());
      }
    }
  }
  return problems;
}

// A location of the church with everything HSDS nests under a location.
std::vector<Record> ChurchLocationDetails() {
  return {Record(Table::kLocation)
              .With("id", Id("loc"))
              .With("location_type", "physical")
              .With("name", "Kerkgebouw")
              .With("organization_id", Id("org-church"))
              .With("latitude", "52.0705")
              .With("longitude", "4.3007"),
          Record(Table::kSchedule)
              .With("id", Id("hours"))
              .With("location_id", Id("loc"))
              .With("freq", "WEEKLY")
              .With("byday", "SU")
              .With("opens_at", "10:00")
              .With("closes_at", "13:00")
              .With("interval", "1"),
          Record(Table::kPhone)
              .With("id", Id("phone"))
              .With("location_id", Id("loc"))
              .With("number", "070 123 45 67")
              .With("extension", "12"),
          Record(Table::kLanguage)
              .With("id", Id("phone-ti"))
              .With("phone_id", Id("phone"))
              .With("code", "ti")
              .With("name", "Tigrinya"),
          Record(Table::kLanguage)
              .With("id", Id("loc-nl"))
              .With("location_id", Id("loc"))
              .With("code", "nl"),
          Record(Table::kAccessibility)
              .With("id", Id("ramp"))
              .With("location_id", Id("loc"))
              .With("description", "Hellingbaan bij de zij-ingang."),
          Record(Table::kMetadata)
              .With("id", Id("loc-meta"))
              .With("resource_id", Id("loc"))
              .With("resource_type", "location")
              .With("last_action_date", "2026-01-31")
              .With("last_action_type", "update")
              .With("field_name", "name")
              .With("previous_value", "Kerk")
              .With("replacement_value", "Kerkgebouw")
              .With("updated_by", "account")};
}

std::vector<Record> SmallMap() {
  std::vector<Record> records = domain::ReferenceRecords();
  records.push_back(Record(Table::kOrganization)
                        .With("id", Id("org-food"))
                        .With("name", "Voedselbank Enschede")
                        .With("description", "Voedselpakketten voor wie het krap heeft."));
  records.push_back(Record(Table::kOrganization)
                        .With("id", Id("org-church"))
                        .With("name", "Eritrese kerk Den Haag")
                        .With("description", "Kerk met diaconale hulp."));
  for (int i = 0; i < 3; ++i) {
    std::string n = std::to_string(i);
    records.push_back(Record(Table::kService)
                          .With("id", Id("food-" + n))
                          .With("organization_id", Id("org-food"))
                          .With("name", "Voedselpakket " + n)
                          .With("description", "Elke week een pakket.")
                          .With("status", "active")
                          .With("last_modified",
                                i == 0 ? "2026-06-01T00:00:00.000Z" : "2025-01-01T00:00:00.000Z"));
    records.push_back(
        domain::TermAttribute("service", Id("food-" + n), domain::TermId("needs", "voedsel")));
  }
  records.push_back(Record(Table::kService)
                        .With("id", Id("church-help"))
                        .With("organization_id", Id("org-church"))
                        .With("name", "Diaconale hulp")
                        .With("status", "active"));
  records.push_back(Record(Table::kLocation)
                        .With("id", Id("loc"))
                        .With("location_type", "physical")
                        .With("name", "Kerkgebouw")
                        .With("latitude", "52.0705")
                        .With("longitude", "4.3007"));
  records.push_back(Record(Table::kAddress)
                        .With("id", Id("addr"))
                        .With("location_id", Id("loc"))
                        .With("address_1", "Laan 1")
                        .With("city", "Den Haag")
                        .With("state_province", "Zuid-Holland")
                        .With("postal_code", "2511 AB")
                        .With("country", "NL")
                        .With("address_type", "physical"));
  records.push_back(Record(Table::kServiceAtLocation)
                        .With("id", Id("sal"))
                        .With("service_id", Id("church-help"))
                        .With("location_id", Id("loc")));
  records.push_back(Record(Table::kTranslation)
                        .With("id", Id("tr"))
                        .With("table_name", "service")
                        .With("record_id", Id("church-help"))
                        .With("field_name", "name")
                        .With("language", "en")
                        .With("text", "Diaconal help"));
  return records;
}

class HsdsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::StoreOptions options{.database = "sqlite:" + (dir_.path() / "api.db").string()};
    ASSERT_TRUE(store::Migrate(options).ok());
    auto store = store::OpenStore(options);
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Write(SmallMap()).ok());
    auto index = search::SearchIndex::Open(*store_, {.path = (dir_.path() / "search").string()});
    ASSERT_TRUE(index.ok()) << index.error().message;
    index_ = std::move(*index);
    AddHsdsRoutes(router_, *store_, *index_, {.public_url = "https://kaart.example"});
  }

  http::Response Get(const std::string& target) {
    http::Request request(beast_http::verb::get, target, 11);
    return router_.Handle(request);
  }

  json::value GetJson(const std::string& target, unsigned expected_status = 200) {
    http::Response response = Get(target);
    EXPECT_EQ(response.message.result_int(), expected_status)
        << target << ": " << response.message.body();
    return json::parse(response.message.body());
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<search::SearchIndex> index_;
  http::Router router_;
};

TEST_F(HsdsApiTest, RootGivesVersionProfileAndOpenapiUrl) {
  json::value root = GetJson("/api/");
  EXPECT_EQ(root.at("version"), "3.0");
  EXPECT_EQ(root.at("openapi_url"), "https://kaart.example/api/openapi.json");
  EXPECT_TRUE(root.as_object().contains("profile"));
}

TEST_F(HsdsApiTest, ListsCarryAllEightPagingFields) {
  json::value page = GetJson("/api/services?per_page=2&page=2");
  EXPECT_EQ(page.at("total_items"), 4);
  EXPECT_EQ(page.at("total_pages"), 2);
  EXPECT_EQ(page.at("page_number"), 2);
  EXPECT_EQ(page.at("size"), 2);
  EXPECT_EQ(page.at("first_page"), false);
  EXPECT_EQ(page.at("last_page"), true);
  EXPECT_EQ(page.at("empty"), false);
  EXPECT_EQ(page.at("contents").as_array().size(), 2u);
}

TEST_F(HsdsApiTest, PageBeyondTheEndIsEmpty) {
  json::value page = GetJson("/api/services?page=9");
  EXPECT_EQ(page.at("empty"), true);
  EXPECT_EQ(page.at("size"), 0);
  EXPECT_EQ(page.at("total_items"), 4);
}

TEST_F(HsdsApiTest, FiltersCombineWithAnd) {
  std::string term = domain::TermId("needs", "voedsel");
  json::value page =
      GetJson("/api/services?taxonomy_term_id=" + term + "&modified_after=2026-01-01T00:00:00Z");
  ASSERT_EQ(page.at("total_items"), 1);
  EXPECT_EQ(page.at("contents").at(0).at("name"), "Voedselpakket 0");
  page = GetJson("/api/services?organization_id=" + Id("org-church") + "&taxonomy_term_id=" + term);
  EXPECT_EQ(page.at("total_items"), 0);
  EXPECT_EQ(page.at("empty"), true);
}

TEST_F(HsdsApiTest, ServiceDetailNestsLocationsAndOrganization) {
  json::value service = GetJson("/api/services/" + Id("church-help"));
  EXPECT_EQ(service.at("organization").at("name"), "Eritrese kerk Den Haag");
  const auto& sal = service.at("service_at_locations").at(0);
  EXPECT_EQ(sal.at("location").at("addresses").at(0).at("postal_code"), "2511 AB");
  EXPECT_DOUBLE_EQ(sal.at("location").at("latitude").as_double(), 52.0705);
}

TEST_F(HsdsApiTest, UnknownIdIsAJson404) {
  http::Response response = Get("/api/services/" + Id("nothing"));
  EXPECT_EQ(response.message.result_int(), 404);
  json::value body = json::parse(response.message.body());
  EXPECT_TRUE(body.at("error").as_object().contains("message"));
}

TEST_F(HsdsApiTest, MalformedParametersAreNamedIn400) {
  for (auto [target, parameter] : std::vector<std::pair<std::string, std::string>>{
           {"/api/services?page=abc", "page"},
           {"/api/services?page=0", "page"},
           {"/api/services?per_page=-1", "per_page"},
           {"/api/services?organization_id=abc", "organization_id"},
           {"/api/services?modified_after=tomorrow", "modified_after"},
           {"/api/services?full=maybe", "full"},
           {"/api/services/not-a-uuid", "id"},
           {"/api/organizations?full_service=2", "full_service"},
           {"/api/taxonomy_terms?top_only=x", "top_only"},
           {"/api/taxonomy_terms?parent_id=1", "parent_id"},
           {"/api/services?format=xml", "format"},
           {"/api/services?lang=xx", "lang"},
           {"/api/service_at_locations?proximity=100", "proximity"},
           {"/api/services?near=abc", "near"},
           {"/api/services?near=95,5", "near"},
           {"/api/services?near=52,4&radius_km=-3", "radius_km"},
           {"/api/organizations?open_at=soon", "open_at"},
           {"/api/service_at_locations?sort=random", "sort"},
           {"/api/services?age=old", "age"},
           {"/api/services?kind=castle", "kind"},
           {"/api/services?language=dutch", "language"},
           {"/api/search/facets?near=1,2,3", "near"},
           {"/api/search/suggest", "q"},
           {"/api/search/suggest?q=ab&limit=99", "limit"},
           {"/api/search/explain?sort=distance", "sort"}}) {
    http::Response response = Get(target);
    EXPECT_EQ(response.message.result_int(), 400) << target;
    json::value body = json::parse(response.message.body());
    EXPECT_EQ(body.at("error").at("parameter"), json::value(parameter)) << target;
  }
}

TEST_F(HsdsApiTest, NdjsonStreamsEveryMatchWithoutPaging) {
  http::Response response = Get("/api/services?format=ndjson&per_page=1");
  ASSERT_TRUE(response.stream);
  std::string all, chunk;
  while (response.stream(chunk)) all += chunk;
  EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 4);
  EXPECT_EQ(response.message[beast_http::field::content_type],
            "application/x-ndjson; charset=utf-8");
}

TEST_F(HsdsApiTest, LangGivesTranslatedNamesWhereTheyExist) {
  EXPECT_EQ(GetJson("/api/services/" + Id("church-help") + "?lang=en").at("name"), "Diaconal help");
  EXPECT_EQ(GetJson("/api/services/" + Id("church-help")).at("name"), "Diaconale hulp");
  EXPECT_EQ(GetJson("/api/services/" + Id("church-help") + "?lang=ar").at("name"),
            "Diaconale hulp");
  std::string term =
      GetJson("/api/taxonomy_terms/" + domain::TermId("needs", "voedsel") + "?lang=en")
          .at("name")
          .as_string()
          .c_str();
  EXPECT_EQ(term, "Food");
}

TEST_F(HsdsApiTest, MinimalGivesOnlyTheEssentials) {
  json::value page = GetJson("/api/services?minimal=true");
  const auto& first = page.at("contents").at(0).as_object();
  EXPECT_TRUE(first.contains("id"));
  EXPECT_FALSE(first.contains("description"));
  EXPECT_FALSE(first.contains("organization"));
  EXPECT_EQ(GetJson("/api/services?minimal=true&full=true", 400).at("error").at("parameter"),
            "full");
}

TEST_F(HsdsApiTest, ServiceAtLocationsFilterByPostcode) {
  EXPECT_EQ(GetJson("/api/service_at_locations?postcode=2511ab").at("total_items"), 1);
  EXPECT_EQ(GetJson("/api/service_at_locations?postcode=9999ZZ").at("total_items"), 0);
  json::value sal = GetJson("/api/service_at_locations/" + Id("sal"));
  EXPECT_EQ(sal.at("service").at("name"), "Diaconale hulp");
}

TEST_F(HsdsApiTest, TaxonomyTermsFilterByParentAndTopLevel) {
  json::value children =
      GetJson("/api/taxonomy_terms?parent_id=" + domain::TermId("needs", "armoede"));
  EXPECT_EQ(children.at("total_items"), 2);
  json::value top = GetJson("/api/taxonomy_terms?top_only=true&per_page=1000&taxonomy_id=" +
                            domain::NeedsTaxonomyId());
  for (const auto& term : top.at("contents").as_array())
    EXPECT_FALSE(term.as_object().contains("parent_id"));
}

TEST_F(HsdsApiTest, OrganizationDetailListsItsServices) {
  json::value org = GetJson("/api/organizations/" + Id("org-food"));
  EXPECT_EQ(org.at("services").as_array().size(), 3u);
  json::value full = GetJson("/api/organizations/" + Id("org-food") + "?full_service=true");
  EXPECT_TRUE(full.at("services").at(0).as_object().contains("attributes"));
}

TEST_F(HsdsApiTest, SearchIsAnsweredByTheEngine) {
  // "pakketten" is no word of the map, but its stem is; the store's word match would miss it.
  json::value page = GetJson("/api/services?search=pakketten");
  EXPECT_EQ(page.at("total_items"), 3);
  EXPECT_EQ(page.at("contents").as_array().size(), 3u);
  page = GetJson("/api/organizations?search=voedselpakket");
  ASSERT_EQ(page.at("total_items"), 1);
  EXPECT_EQ(page.at("contents").at(0).at("id"), json::value(Id("org-food")));
  page = GetJson("/api/service_at_locations?search=diaconale&city=den%20haag");
  ASSERT_EQ(page.at("total_items"), 1);
  EXPECT_EQ(page.at("contents").at(0).at("id"), json::value(Id("sal")));
}

// Search answers are served again from memory, but never after the map changed.
TEST_F(HsdsApiTest, RepeatedSearchesShowAChangeAtOnce) {
  const std::string target = "/api/services?search=diaconale";
  json::value page = GetJson(target);
  ASSERT_EQ(page.at("total_items"), 1);
  EXPECT_EQ(page.at("contents").at(0).at("name"), "Diaconale hulp");
  auto service = store_->Get(Table::kService, Id("church-help"));
  ASSERT_TRUE(service.ok() && *service);
  domain::Record renamed = **service;
  renamed.With("name", "Diaconale noodhulp");
  // Written behind the index's back, the reused answer still shows the old name ...
  ASSERT_TRUE(store_->Write(std::span<const domain::Record>(&renamed, 1)).ok());
  EXPECT_EQ(GetJson(target).at("contents").at(0).at("name"), "Diaconale hulp");
  // ... until the index has taken the change in, as every write through Knooppunt makes it do.
  ASSERT_TRUE(index_->CatchUp().ok());
  EXPECT_EQ(GetJson(target).at("contents").at(0).at("name"), "Diaconale noodhulp");
}

TEST_F(HsdsApiTest, SearchPagesAreHsdsPages) {
  json::value page = GetJson("/api/services?search=voedselpakket&per_page=2&page=2");
  EXPECT_EQ(page.at("total_items"), 3);
  EXPECT_EQ(page.at("total_pages"), 2);
  EXPECT_EQ(page.at("page_number"), 2);
  EXPECT_EQ(page.at("size"), 1);
  EXPECT_EQ(page.at("last_page"), true);
}

TEST_F(HsdsApiTest, NoHitsIsAnEmptyPageWithASuggestion) {
  json::value page = GetJson("/api/services?search=diaconaal%20hulpp");
  EXPECT_EQ(page.at("empty"), false);  // "hulpp" is too short to correct; "diaconaal" matches
  page = GetJson("/api/services?search=xylofoon");
  EXPECT_EQ(page.at("total_items"), 0);
  EXPECT_EQ(page.at("empty"), true);
  EXPECT_FALSE(page.as_object().contains("did_you_mean"));
  page = GetJson("/api/services?search=voedslpakket");
  EXPECT_EQ(page.at("total_items"), 3);
  EXPECT_EQ(page.at("did_you_mean"), "voedselpakket");
}

TEST_F(HsdsApiTest, SuggestCompletesTheLastWord) {
  json::value out = GetJson("/api/search/suggest?q=elke%20pak");
  EXPECT_EQ(out.at("query"), "elke pak");
  ASSERT_FALSE(out.at("suggestions").as_array().empty());
  EXPECT_EQ(out.at("suggestions").at(0), "elke pakket");
}

TEST_F(HsdsApiTest, FacetsCountOverAllMatches) {
  json::value out = GetJson("/api/search/facets?search=voedselpakket&lang=en");
  EXPECT_EQ(out.at("total_items"), 3);
  const auto& terms = out.at("taxonomy_terms").as_array();
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(terms.at(0).at("name"), "Food");
  EXPECT_EQ(terms.at(0).at("count"), 3);
  out = GetJson("/api/search/facets?city=Den%20Haag");
  EXPECT_EQ(out.at("cities").at(0).at("city"), "Den Haag");
  EXPECT_EQ(out.at("cities").at(0).at("count"), 1);
}

TEST_F(HsdsApiTest, ExplainGivesScoreParts) {
  json::value out = GetJson("/api/search/explain?search=diaconale&near=52.07,4.30");
  ASSERT_EQ(out.at("hits").as_array().size(), 1u);
  const auto& hit = out.at("hits").at(0);
  EXPECT_EQ(hit.at("id"), json::value(Id("church-help")));
  EXPECT_GT(hit.at("parts").at("text").as_double(), 0);
  EXPECT_GT(hit.at("parts").at("nearness").as_double(), 0);
  EXPECT_LT(hit.at("distance_m").as_double(), 1000);
}

TEST_F(HsdsApiTest, SchemaCheckFindsWhatIsWrong) {
  // The offline check below must be able to fail.
  json::object location = {{"id", Id("loc")}, {"location_type", "physical"}};
  EXPECT_TRUE(SchemaProblems(location, "location.json").empty());
  location["nmae"] = "typo";
  EXPECT_EQ(SchemaProblems(location, "location.json").size(), 1u);
  location.erase("nmae");
  location["latitude"] = "52";
  EXPECT_EQ(SchemaProblems(location, "location.json").size(), 1u);
  location.erase("latitude");
  location["addresses"] = json::array{json::object{{"id", Id("addr")}, {"city", "Den Haag"}}};
  EXPECT_FALSE(SchemaProblems(location, "location.json").empty()) << "address lacks address_1";
}

TEST_F(HsdsApiTest, LocationDetailIsAnHsdsLocationWithEverythingNested) {
  ASSERT_TRUE(store_->Write(ChurchLocationDetails()).ok());
  json::value location = GetJson("/api/locations/" + Id("loc"));
  EXPECT_EQ(location.at("name"), "Kerkgebouw");
  EXPECT_EQ(location.at("organization_id"), json::value(Id("org-church")));
  EXPECT_DOUBLE_EQ(location.at("latitude").as_double(), 52.0705);
  EXPECT_EQ(location.at("addresses").at(0).at("postal_code"), "2511 AB");
  EXPECT_EQ(location.at("schedules").at(0).at("byday"), "SU");
  EXPECT_EQ(location.at("schedules").at(0).at("opens_at"), "10:00");
  EXPECT_EQ(location.at("phones").at(0).at("number"), "070 123 45 67");
  EXPECT_EQ(location.at("phones").at(0).at("languages").at(0).at("code"), "ti");
  EXPECT_EQ(location.at("languages").at(0).at("code"), "nl");
  EXPECT_EQ(location.at("accessibility").at(0).at("description"), "Hellingbaan bij de zij-ingang.");
  EXPECT_EQ(location.at("metadata").at(0).at("replacement_value"), "Kerkgebouw");
  EXPECT_TRUE(location.at("attributes").as_array().empty());
  EXPECT_EQ(SchemaProblems(location, "location.json"), std::vector<std::string>());

  for (const auto& [path, schema] : std::vector<std::pair<std::string, std::string>>{
           {"/api/schedules/" + Id("hours"), "schedule.json"},
           {"/api/phones/" + Id("phone"), "phone.json"},
           {"/api/languages/" + Id("phone-ti"), "language.json"},
           {"/api/addresses/" + Id("addr"), "address.json"}}) {
    json::value item = GetJson(path);
    EXPECT_EQ(SchemaProblems(item, schema), std::vector<std::string>()) << path;
  }
  EXPECT_EQ(GetJson("/api/phones/" + Id("phone")).at("languages").at(0).at("name"), "Tigrinya");
  EXPECT_EQ(GetJson("/api/phones/" + Id("phone")).at("extension"), 12);
}

TEST_F(HsdsApiTest, LocationsArePagedAndFilteredByOrganization) {
  std::vector<Record> more;
  for (int i = 0; i < 3; ++i) {
    Record location = Record(Table::kLocation)
                          .With("id", Id("more-" + std::to_string(i)))
                          .With("location_type", "physical")
                          .With("name", "Uitgiftepunt " + std::to_string(i));
    if (i < 2) location.With("organization_id", Id("org-food"));
    more.push_back(location);
  }
  ASSERT_TRUE(store_->Write(more).ok());

  json::value page = GetJson("/api/locations?per_page=3");
  EXPECT_EQ(page.at("total_items"), 4);
  EXPECT_EQ(page.at("total_pages"), 2);
  EXPECT_EQ(page.at("page_number"), 1);
  EXPECT_EQ(page.at("size"), 3);
  EXPECT_EQ(page.at("first_page"), true);
  EXPECT_EQ(page.at("last_page"), false);
  EXPECT_EQ(page.at("empty"), false);
  std::vector<std::string> ids;
  for (const auto& item : page.at("contents").as_array()) {
    ids.emplace_back(item.at("id").as_string());
    EXPECT_FALSE(item.as_object().contains("addresses")) << "own fields unless full=true";
    EXPECT_EQ(SchemaProblems(item, "location.json"), std::vector<std::string>());
  }
  page = GetJson("/api/locations?per_page=3&page=2");
  EXPECT_EQ(page.at("size"), 1);
  EXPECT_EQ(page.at("last_page"), true);
  ids.emplace_back(page.at("contents").at(0).at("id").as_string());
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end())) << "in id order, each once";
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 4u);
  EXPECT_EQ(GetJson("/api/locations?page=3&per_page=3").at("empty"), true);

  page = GetJson("/api/locations?organization_id=" + Id("org-food"));
  EXPECT_EQ(page.at("total_items"), 2);
  for (const auto& item : page.at("contents").as_array()) {
    EXPECT_EQ(item.at("organization_id"), json::value(Id("org-food")));
  }
  page = GetJson("/api/locations?organization_id=" + Id("org-food") + "&per_page=1&page=2");
  EXPECT_EQ(page.at("total_items"), 2);
  EXPECT_EQ(page.at("size"), 1);

  page = GetJson("/api/locations?full=true&organization_id=" + Id("org-church"));
  EXPECT_EQ(page.at("total_items"), 0) << "the church's location has no organization_id here";
  page = GetJson("/api/locations?full=true&per_page=10");
  bool nested = false;
  for (const auto& item : page.at("contents").as_array()) {
    EXPECT_EQ(SchemaProblems(item, "location.json"), std::vector<std::string>());
    if (item.at("id") == json::value(Id("loc"))) {
      nested = item.at("addresses").at(0).at("city") == "Den Haag";
    }
  }
  EXPECT_TRUE(nested);

  http::Response stream = Get("/api/locations?format=ndjson");
  ASSERT_TRUE(stream.stream);
  std::string all, chunk;
  while (stream.stream(chunk)) all += chunk;
  EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 4);

  for (auto [target, parameter] : std::vector<std::pair<std::string, std::string>>{
           {"/api/locations?organization_id=abc", "organization_id"},
           {"/api/locations?page=0", "page"},
           {"/api/locations?per_page=x", "per_page"},
           {"/api/locations?full=maybe", "full"},
           {"/api/locations?format=xml", "format"},
           {"/api/locations/12345", "id"},
           {"/api/schedules?service_id=1", "service_id"},
           {"/api/addresses?location_id=x", "location_id"},
           {"/api/languages?phone_id=x", "phone_id"},
           {"/api/phones?service_at_location_id=x", "service_at_location_id"}}) {
    json::value body = GetJson(target, 400);
    EXPECT_EQ(body.at("error").at("parameter"), json::value(parameter)) << target;
  }
  GetJson("/api/locations/" + Id("nothing"), 404);
  GetJson("/api/schedules/" + Id("nothing"), 404);
}

TEST_F(HsdsApiTest, NestedRecordsAreListedByWhatTheyHangFrom) {
  ASSERT_TRUE(store_->Write(ChurchLocationDetails()).ok());
  json::value page = GetJson("/api/languages?phone_id=" + Id("phone"));
  ASSERT_EQ(page.at("total_items"), 1);
  EXPECT_EQ(page.at("contents").at(0).at("code"), "ti");
  EXPECT_EQ(GetJson("/api/languages?location_id=" + Id("loc")).at("total_items"), 1);
  EXPECT_EQ(GetJson("/api/languages").at("total_items"), 2);
  EXPECT_EQ(GetJson("/api/languages?location_id=" + Id("loc") + "&phone_id=" + Id("phone"))
                .at("total_items"),
            0)
      << "filters combine with AND";
  EXPECT_EQ(GetJson("/api/schedules?location_id=" + Id("loc")).at("contents").at(0).at("id"),
            json::value(Id("hours")));
  EXPECT_EQ(GetJson("/api/schedules?service_id=" + Id("church-help")).at("total_items"), 0);
  EXPECT_EQ(GetJson("/api/addresses?location_id=" + Id("loc")).at("contents").at(0).at("city"),
            "Den Haag");
  json::value phones = GetJson("/api/phones?full=true&location_id=" + Id("loc"));
  EXPECT_EQ(phones.at("contents").at(0).at("languages").at(0).at("code"), "ti");
}

TEST_F(HsdsApiTest, HostileSearchIsHarmless) {
  for (std::string hostile : {"%27%3B%20DROP%20TABLE%20service%3B--", "%3Cscript%3E", "%2A%3F%5B",
                              "AND%20OR%20NOT%20%28", "%E2%80%AE%E2%80%8B"}) {
    json::value page = GetJson("/api/services?search=" + hostile);
    EXPECT_EQ(page.at("total_items"), 0) << hostile;
  }
  EXPECT_EQ(GetJson("/api/services").at("total_items"), 4);
}

}  // namespace
}  // namespace knooppunt::api
