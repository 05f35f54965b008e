#include "api/params.h"

#include <gtest/gtest.h>

namespace knooppunt::api {
namespace {

http::QueryParams Query(std::initializer_list<std::pair<const std::string, std::string>> items) {
  return http::QueryParams(items.begin(), items.end());
}

TEST(Params, PageDefaultsToFirstPageOfFifty) {
  auto page = ParsePage({});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->page, 1);
  EXPECT_EQ(page->per_page, 50);
}

TEST(Params, PerPageIsCappedAtOneThousand) {
  auto page = ParsePage(Query({{"per_page", "5000"}}));
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->per_page, 1000);
}

TEST(Params, MalformedPagingNamesTheParameter) {
  for (auto [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"page", "abc"},
                                                        {"page", "0"},
                                                        {"page", "-3"},
                                                        {"page", ""},
                                                        {"page", "1.5"},
                                                        {"per_page", "-1"},
                                                        {"per_page", "0"},
                                                        {"page", "99999999999999999999999"}}) {
    auto page = ParsePage(Query({{name, value}}));
    ASSERT_FALSE(page.ok()) << name << "=" << value;
    EXPECT_EQ(page.error().field, name);
  }
}

TEST(Params, AbsurdlyLargePageIsRefused) {
  auto page = ParsePage(Query({{"page", "9000000000000000000"}, {"per_page", "1000"}}));
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().field, "page");
}

TEST(Params, UuidsAreCheckedAndLowerCased) {
  auto id = ParseUuid(Query({{"organization_id", "AC148810-D857-441C-9679-408F346DE14B"}}),
                      "organization_id");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(**id, "ac148810-d857-441c-9679-408f346de14b");
  auto bad = ParseUuid(Query({{"organization_id", "' OR 1=1 --"}}), "organization_id");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "organization_id");
}

TEST(Params, DateTimesNeedAZoneAndAreNormalised) {
  auto when = ParseDateTimeParam(Query({{"modified_after", "2026-01-31T10:00:00+01:00"}}),
                                 "modified_after");
  ASSERT_TRUE(when.ok());
  EXPECT_EQ(**when, "2026-01-31T09:00:00.000Z");
  auto date = ParseDateTimeParam(Query({{"modified_after", "2026-01-31"}}), "modified_after");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(**date, "2026-01-31T00:00:00.000Z");
  EXPECT_FALSE(ParseDateTimeParam(Query({{"modified_after", "yesterday"}}), "modified_after").ok());
  EXPECT_FALSE(
      ParseDateTimeParam(Query({{"modified_after", "2026-01-31T10:00:00"}}), "modified_after")
          .ok());
}

TEST(Params, BooleansAcceptTrueFalseOneZero) {
  EXPECT_EQ(*ParseBool(Query({{"full", "true"}}), "full"), true);
  EXPECT_EQ(*ParseBool(Query({{"full", "0"}}), "full"), false);
  EXPECT_FALSE(ParseBool(Query({{"full", "yes"}}), "full").ok());
  EXPECT_FALSE(ParseBool({}, "full")->has_value());
}

TEST(Params, TextIsTrimmedAndLimited) {
  EXPECT_EQ(**ParseText(Query({{"search", "  voedsel "}}), "search"), "voedsel");
  EXPECT_FALSE(ParseText(Query({{"search", "   "}}), "search")->has_value());
  EXPECT_FALSE(ParseText(Query({{"search", std::string(201, 'a')}}), "search").ok());
}

TEST(Params, FormatAndLanguageAreClosedLists) {
  EXPECT_EQ(*ParseFormat(Query({{"format", "ndjson"}})), Format::kNdjson);
  EXPECT_FALSE(ParseFormat(Query({{"format", "xml"}})).ok());
  EXPECT_EQ(*ParseLanguage(Query({{"lang", "ar"}})), "ar");
  EXPECT_FALSE(ParseLanguage(Query({{"lang", "xx"}})).ok());
}

}  // namespace
}  // namespace knooppunt::api
