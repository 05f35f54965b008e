#include "api/search_params.h"

#include <gtest/gtest.h>

namespace knooppunt::api {
namespace {

const domain::Instant kNow = *domain::ParseDateTime("2026-11-24T09:00:00Z");

Result<search::SearchQuery> Parse(http::QueryParams query,
                                  search::Target target = search::Target::kServices) {
  return ParseSearchQuery(query, target, kNow);
}

// The parameter a bad value is blamed on.
std::string Blamed(http::QueryParams query) {
  auto parsed = Parse(std::move(query));
  EXPECT_FALSE(parsed.ok());
  if (parsed.ok()) return "";
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(parsed.error().message.empty());
  return parsed.error().field;
}

TEST(SearchParams, TheEngineIsUsedForSearchAndExtensionsOnly) {
  EXPECT_FALSE(WantsSearchEngine({{"page", "2"}, {"taxonomy_term_id", "x"}}));
  EXPECT_TRUE(WantsSearchEngine({{"search", "voedsel"}}));
  EXPECT_TRUE(WantsSearchEngine({{"city", "Assen"}}));
  EXPECT_TRUE(WantsSearchEngine({{"open_now", "true"}}));
}

TEST(SearchParams, ReadsEveryParameter) {
  auto query = Parse({{"search", " voedselbank "},
                      {"near", "53.2194,6.5665"},
                      {"radius_km", "7.5"},
                      {"language", "TI"},
                      {"city", "Groningen"},
                      {"kind", "mosque"},
                      {"open_at", "2026-11-24T10:00:00+01:00"},
                      {"age", "16"},
                      {"sort", "distance"},
                      {"lang", "ar"},
                      {"taxonomy_term_id", "C7421B8F-6AF9-8346-8A07-E14830F25D9B"}});
  ASSERT_TRUE(query.ok()) << query.error().message;
  EXPECT_EQ(query->text, "voedselbank");
  EXPECT_DOUBLE_EQ(query->near->latitude, 53.2194);
  EXPECT_DOUBLE_EQ(*query->radius_km, 7.5);
  EXPECT_EQ(*query->language_offered, "ti");
  EXPECT_EQ(*query->city, "Groningen");
  EXPECT_EQ(*query->organization_kind, "mosque");
  EXPECT_EQ(*query->open_at, *domain::ParseDateTime("2026-11-24T09:00:00Z"));
  EXPECT_EQ(*query->age, 16);
  EXPECT_EQ(query->sort, search::Sort::kDistance);
  EXPECT_EQ(query->language, "ar");
  EXPECT_EQ(*query->taxonomy_term_id, "c7421b8f-6af9-8346-8a07-e14830f25d9b");
}

TEST(SearchParams, OpenNowMeansNow) {
  auto query = Parse({{"open_now", "true"}});
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(*query->open_at, kNow);
  EXPECT_FALSE(Parse({{"open_now", "false"}})->open_at.has_value());
}

TEST(SearchParams, RefusesImpossibleValuesNamingTheParameter) {
  EXPECT_EQ(Blamed({{"near", "abc"}}), "near");
  EXPECT_EQ(Blamed({{"near", "95,5"}}), "near");
  EXPECT_EQ(Blamed({{"near", "52.1,190"}}), "near");
  EXPECT_EQ(Blamed({{"near", "52.1"}}), "near");
  EXPECT_EQ(Blamed({{"near", "nan,5"}}), "near");
  EXPECT_EQ(Blamed({{"near", "53,6"}, {"radius_km", "-1"}}), "radius_km");
  EXPECT_EQ(Blamed({{"near", "53,6"}, {"radius_km", "0"}}), "radius_km");
  EXPECT_EQ(Blamed({{"near", "53,6"}, {"radius_km", "ten"}}), "radius_km");
  EXPECT_EQ(Blamed({{"near", "53,6"}, {"radius_km", "1e999"}}), "radius_km");
  EXPECT_EQ(Blamed({{"near", "53,6"}, {"radius_km", "501"}}), "radius_km");
  EXPECT_EQ(Blamed({{"radius_km", "5"}}), "radius_km");  // without near
  EXPECT_EQ(Blamed({{"language", "arabic"}}), "language");
  EXPECT_EQ(Blamed({{"language", "a1"}}), "language");
  EXPECT_EQ(Blamed({{"kind", "castle"}}), "kind");
  EXPECT_EQ(Blamed({{"open_at", "tomorrow"}}), "open_at");
  EXPECT_EQ(Blamed({{"open_at", "2026-11-24T10:00:00"}}), "open_at");  // no offset: ambiguous
  EXPECT_EQ(Blamed({{"open_at", "2026-13-24T10:00:00Z"}}), "open_at");
  EXPECT_EQ(Blamed({{"open_now", "yes"}}), "open_now");
  EXPECT_EQ(Blamed({{"open_now", "true"}, {"open_at", "2026-11-24T10:00:00Z"}}), "open_now");
  EXPECT_EQ(Blamed({{"age", "-1"}}), "age");
  EXPECT_EQ(Blamed({{"age", "131"}}), "age");
  EXPECT_EQ(Blamed({{"age", "12.5"}}), "age");
  EXPECT_EQ(Blamed({{"sort", "random"}}), "sort");
  EXPECT_EQ(Blamed({{"sort", "distance"}}), "sort");  // without near
  EXPECT_EQ(Blamed({{"search", std::string(201, 'a')}}), "search");
  EXPECT_EQ(Blamed({{"city", std::string(101, 'a')}}), "city");
  EXPECT_EQ(Blamed({{"lang", "xx"}}), "lang");
  EXPECT_EQ(Blamed({{"organization_id", "not-a-uuid"}}), "organization_id");
}

TEST(SearchParams, PostcodeOnlyForServiceAtLocations) {
  auto query = Parse({{"postcode", "9700 AA"}}, search::Target::kServiceAtLocations);
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(*query->postcode, "9700 AA");
  EXPECT_FALSE(Parse({{"postcode", "9700 AA"}})->postcode.has_value());
}

}  // namespace
}  // namespace knooppunt::api
