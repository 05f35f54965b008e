#include "web/i18n.h"

#include <gtest/gtest.h>

#include "web/texts.h"

namespace knooppunt::web {
namespace {

TEST(Languages, AreTheUiLanguagesWithDirection) {
  ASSERT_EQ(Languages().size(), 9u);
  EXPECT_EQ(Languages()[0].code(), "nl");
  EXPECT_EQ(FindLanguage("ar")->dir(), "rtl");
  EXPECT_EQ(FindLanguage("fa")->dir(), "rtl");
  EXPECT_EQ(FindLanguage("ti")->dir(), "ltr");
  EXPECT_EQ(Dutch().prefix(), "");
  EXPECT_EQ(FindLanguage("uk")->prefix(), "/uk");
  EXPECT_EQ(FindLanguage("xx"), nullptr);
}

TEST(Languages, TranslateThroughTheCatalogs) {
  EXPECT_EQ(Dutch().Translate("Zoeken"), "Zoeken");
  EXPECT_EQ(FindLanguage("en")->Translate(Msgid("SEARCH_BUTTON")), "Search");
  EXPECT_NE(FindLanguage("ar")->Translate(Msgid("SEARCH_BUTTON")), "Zoeken");
  EXPECT_EQ(FindLanguage("en")->Translate("Een tekst zonder vertaling"),
            "Een tekst zonder vertaling");
}

TEST(Languages, PluralsFollowTheLanguage) {
  EXPECT_EQ(Dutch().TranslatePlural(Msgid("RESULT_COUNT"), "{1} resultaten", 1), "1 resultaat");
  EXPECT_EQ(Dutch().TranslatePlural(Msgid("RESULT_COUNT"), "{1} resultaten", 3), "3 resultaten");
  EXPECT_EQ(FindLanguage("en")->TranslatePlural(Msgid("RESULT_COUNT"), "{1} resultaten", 1),
            "1 result");
}

TEST(Languages, WriteNumbersAndDatesTheirWay) {
  EXPECT_EQ(Dutch().Number(2.5, 1), "2,5");
  EXPECT_EQ(FindLanguage("en")->Number(2.5, 1), "2.5");
  EXPECT_EQ(Dutch().Integer(12345), "12.345");
  EXPECT_EQ(Dutch().Date("2026-11-21"), "21 november 2026");
  EXPECT_EQ(FindLanguage("en")->Date("2026-11-21"), "21 November 2026");
  EXPECT_EQ(Dutch().Date("not a date"), "not a date");
}

TEST(Languages, FillReplacesNumberedPlaceholders) {
  std::vector<std::string> values = {"a", "b"};
  EXPECT_EQ(Language::Fill("{2} en {1}", values), "b en a");
  EXPECT_EQ(Language::Fill("{3}!", values), "!");
}

TEST(Negotiate, PicksTheBestLanguageWeHave) {
  EXPECT_EQ(Negotiate("ar-SY,ar;q=0.9,en;q=0.8")->code(), "ar");
  EXPECT_EQ(Negotiate("de-DE,de;q=0.9,en;q=0.5")->code(), "en");
  EXPECT_EQ(Negotiate("fr, tr;q=0.3, uk;q=0.7")->code(), "uk");
  EXPECT_EQ(Negotiate("de"), nullptr);
  EXPECT_EQ(Negotiate(""), nullptr);
  EXPECT_EQ(Negotiate(";;,,q=,"), nullptr);
}

}  // namespace
}  // namespace knooppunt::web
