// GET /api/places through the router (no sockets), and loading the place list from a file.
#include "api/places_api.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "http/router.h"
#include "testing/testing.h"

namespace knooppunt::api {
namespace {

namespace json = boost::json;
namespace beast_http = boost::beast::http;

constexpr std::string_view kPlaces =
    "place\tDen Haag\tZuid-Holland\t52.07667\t4.29861\t2\n"
    "place\tGroesbeek\tGelderland\t51.77667\t5.93611\t0\n"
    "place\tGroningen\tGroningen\t53.21917\t6.56667\t2\n"
    "place\tHengelo\tGelderland\t52.05083\t6.30972\t0\n"
    "place\tHengelo\tOverijssel\t52.26583\t6.79306\t2\n"
    "place\t's-Hertogenbosch\tNoord-Brabant\t51.69917\t5.30417\t2\n"
    "place\tFeanwâlden\tFryslân\t53.23204\t5.98984\t0\n"
    "alias\tDen Bosch\t's-Hertogenbosch\tNoord-Brabant\n"
    "alias\t's-Gravenhage\tDen Haag\tZuid-Holland\n";

domain::Gazetteer Gazetteer(std::string_view tsv = kPlaces) {
  auto gazetteer = domain::Gazetteer::Parse(tsv);
  EXPECT_TRUE(gazetteer.ok()) << gazetteer.error().message;
  return gazetteer.ok() ? std::move(*gazetteer) : domain::Gazetteer();
}

http::Response Get(const domain::Gazetteer& gazetteer, const std::string& target) {
  http::Router router;
  AddPlacesRoutes(router, gazetteer);
  http::Request request(beast_http::verb::get, target, 11);
  return router.Handle(request);
}

// The names in a 200 answer, in order.
std::vector<std::string> Names(const http::Response& response) {
  EXPECT_EQ(response.message.result_int(), 200u) << response.message.body();
  std::vector<std::string> out;
  if (response.message.result_int() != 200) return out;
  json::value body = json::parse(response.message.body());
  for (const json::value& place : body.at("places").as_array()) {
    out.emplace_back(place.at("name").as_string());
  }
  return out;
}

// Checks a 400 naming `parameter`.
void ExpectBadParameter(const domain::Gazetteer& gazetteer, const std::string& target,
                        const std::string& parameter) {
  http::Response response = Get(gazetteer, target);
  ASSERT_EQ(response.message.result_int(), 400u) << target << ": " << response.message.body();
  json::value body = json::parse(response.message.body());
  EXPECT_EQ(body.at("error").at("code"), "invalid_argument") << target;
  EXPECT_EQ(body.at("error").at("parameter"), json::value(parameter)) << target;
}

TEST(PlacesApi, AnswersMatchingPlacesWithProvinceAndCoordinates) {
  domain::Gazetteer gazetteer = Gazetteer();
  http::Response response = Get(gazetteer, "/api/places?q=gro");
  ASSERT_EQ(response.message.result_int(), 200u) << response.message.body();
  EXPECT_TRUE(std::string(response.message[beast_http::field::content_type])
                  .starts_with("application/json"));
  json::value body = json::parse(response.message.body());
  const json::array& places = body.at("places").as_array();
  ASSERT_EQ(places.size(), 2u);
  const json::object& groningen = places[0].as_object();
  EXPECT_EQ(groningen.size(), 4u) << "name, province, latitude and longitude only";
  EXPECT_EQ(groningen.at("name"), "Groningen");
  EXPECT_EQ(groningen.at("province"), "Groningen");
  EXPECT_DOUBLE_EQ(groningen.at("latitude").to_number<double>(), 53.21917);
  EXPECT_DOUBLE_EQ(groningen.at("longitude").to_number<double>(), 6.56667);
  EXPECT_EQ(places[1].at("name"), "Groesbeek");
}

TEST(PlacesApi, IgnoresCaseAccentsAndFindsAliases) {
  domain::Gazetteer gazetteer = Gazetteer();
  EXPECT_EQ(Names(Get(gazetteer, "/api/places?q=FEANWAL")), std::vector<std::string>{"Feanwâlden"});
  EXPECT_EQ(Names(Get(gazetteer, "/api/places?q=den%20bosch")),
            std::vector<std::string>{"'s-Hertogenbosch"});
  EXPECT_EQ(Names(Get(gazetteer, "/api/places?q=%27s-Gravenhage")),
            std::vector<std::string>{"Den Haag"});
  EXPECT_EQ(Names(Get(gazetteer, "/api/places?q=hengelo")),
            (std::vector<std::string>{"Hengelo", "Hengelo"}));
}

TEST(PlacesApi, NoMatchIsAnEmptyList) {
  domain::Gazetteer gazetteer = Gazetteer();
  http::Response response = Get(gazetteer, "/api/places?q=zwolle");
  ASSERT_EQ(response.message.result_int(), 200u);
  EXPECT_EQ(response.message.body(), R"({"places":[]})");
  EXPECT_TRUE(Names(Get(gazetteer, "/api/places?q=%27-")).empty()) << "no letters: nothing";
}

TEST(PlacesApi, LimitDefaultsToTenAndCutsTheList) {
  std::string tsv;
  for (int i = 0; i < 25; ++i) {
    tsv += "place\tPlaats " + std::to_string(100 + i) + "\tUtrecht\t52.09\t5.12\t0\n";
  }
  domain::Gazetteer gazetteer = Gazetteer(tsv);
  EXPECT_EQ(Names(Get(gazetteer, "/api/places?q=plaats")).size(), 10u);
  EXPECT_EQ(Names(Get(gazetteer, "/api/places?q=plaats&limit=1")),
            std::vector<std::string>{"Plaats 100"});
  EXPECT_EQ(Names(Get(gazetteer, "/api/places?q=plaats&limit=20")).size(), 20u);
}

TEST(PlacesApi, QueryIsRequired) {
  domain::Gazetteer gazetteer = Gazetteer();
  ExpectBadParameter(gazetteer, "/api/places", "q");
  ExpectBadParameter(gazetteer, "/api/places?q=", "q");
  ExpectBadParameter(gazetteer, "/api/places?q=%20%20", "q");
  ExpectBadParameter(gazetteer, "/api/places?limit=5", "q");
}

TEST(PlacesApi, QueryIsAtMostOneHundredCharacters) {
  domain::Gazetteer gazetteer = Gazetteer();
  ExpectBadParameter(gazetteer, "/api/places?q=" + std::string(101, 'g'), "q");
  std::string hundred_accented;  // 100 characters, 200 bytes
  for (int i = 0; i < 100; ++i) hundred_accented += "%C3%A9";
  EXPECT_EQ(Get(gazetteer, "/api/places?q=" + hundred_accented).message.result_int(), 200u);
  EXPECT_EQ(Get(gazetteer, "/api/places?q=" + std::string(100, 'g')).message.result_int(), 200u);
}

TEST(PlacesApi, QueryMustBeCleanUtf8) {
  domain::Gazetteer gazetteer = Gazetteer();
  // The router refuses these before any handler runs; either way the answer is a 400.
  EXPECT_EQ(Get(gazetteer, "/api/places?q=gr%FF").message.result_int(), 400u);
  EXPECT_EQ(Get(gazetteer, "/api/places?q=gr%00").message.result_int(), 400u);
}

TEST(PlacesApi, MalformedLimitIsRefused) {
  domain::Gazetteer gazetteer = Gazetteer();
  for (std::string_view limit : {"0", "21", "-1", "1.5", "abc", "", "99999999999999999999999"}) {
    ExpectBadParameter(gazetteer, "/api/places?q=gro&limit=" + std::string(limit), "limit");
  }
}

TEST(PlacesApi, RouteIsPublic) {
  http::Router router;
  domain::Gazetteer gazetteer = Gazetteer();
  AddPlacesRoutes(router, gazetteer);
  std::vector<http::RouteInfo> routes = router.Routes();
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0].pattern, "/api/places");
  EXPECT_EQ(routes[0].method, beast_http::verb::get);
  EXPECT_EQ(routes[0].need, domain::Permission::kPublic);
}

TEST(LoadGazetteer, ReadsThePlaceList) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "places-nl.tsv") << kPlaces;
  auto gazetteer = LoadGazetteer(dir.path() / "places-nl.tsv");
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.error().message;
  EXPECT_EQ(gazetteer->size(), 7u);
  EXPECT_EQ(gazetteer->Resolve("Den Bosch")->name, "'s-Hertogenbosch");
}

TEST(LoadGazetteer, MissingFileSaysHowToBuildIt) {
  testing::TempDir dir;
  auto gazetteer = LoadGazetteer(dir.path() / "places-nl.tsv");
  ASSERT_FALSE(gazetteer.ok());
  EXPECT_EQ(gazetteer.error().code, ErrorCode::kNotFound);
  EXPECT_NE(gazetteer.error().message.find("build-assets.mjs"), std::string::npos);
}

TEST(LoadGazetteer, MalformedFileNamesFileAndLine) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "places-nl.tsv") << "place\tAssen\tDrenthe\t52.99667\t6.5625\t2\n"
                                              << "place\tEmmen\tDrenthe\n";
  auto gazetteer = LoadGazetteer(dir.path() / "places-nl.tsv");
  ASSERT_FALSE(gazetteer.ok());
  EXPECT_EQ(gazetteer.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(gazetteer.error().message.find("places-nl.tsv: line 2: "), std::string::npos)
      << gazetteer.error().message;
}

TEST(LoadGazetteer, EmptyFileIsRefused) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "places-nl.tsv") << "";
  auto gazetteer = LoadGazetteer(dir.path() / "places-nl.tsv");
  ASSERT_FALSE(gazetteer.ok());
  EXPECT_EQ(gazetteer.error().code, ErrorCode::kInvalidArgument);
}

// The list scripts/build-assets.mjs writes, when it has been built (scripts/test.sh builds it
// before the tests): the cases its aliases and ranks exist for.
TEST(LoadGazetteer, BuiltPlaceListFindsWhatPeopleType) {
  std::filesystem::path file = testing::SourceDir() / "static" / "build" / "places-nl.tsv";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " is not built";
  auto gazetteer = LoadGazetteer(file);
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.error().message;
  EXPECT_GT(gazetteer->size(), 1000u);
  std::vector<domain::Place> found = gazetteer->Find("gro", 5);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].name, "Groningen");
  EXPECT_EQ(found[0].province, "Groningen");
  EXPECT_EQ(gazetteer->Resolve("Den Haag")->province, "Zuid-Holland");
  EXPECT_EQ(gazetteer->Resolve("'s-Gravenhage")->name, "Den Haag");
  EXPECT_EQ(gazetteer->Resolve("The Hague")->name, "Den Haag");
  EXPECT_EQ(gazetteer->Resolve("den bosch")->name, "'s-Hertogenbosch");
  EXPECT_EQ(gazetteer->Resolve("Hengelo")->province, "Overijssel");
  EXPECT_EQ(gazetteer->Resolve("Leeuwarden")->province, "Fryslân");
  EXPECT_EQ(gazetteer->Resolve("Almere")->name, "Almere Stad");
  EXPECT_EQ(gazetteer->Resolve("Grouw")->name, "Grou");
}

}  // namespace
}  // namespace knooppunt::api
