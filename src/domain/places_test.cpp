#include "domain/places.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace knooppunt::domain {
namespace {

// A few lines in the format scripts/build-assets.mjs writes, with the cases that matter: two
// places called Hengelo, apostrophes, accents, aliases, a Frisian name with a Dutch alias.
constexpr std::string_view kPlaces =
    "# place\tname\tprovince\tlatitude\tlongitude\trank\n"
    "place\tAlmere Duin\tFlevoland\t52.3418\t5.14126\t1\n"
    "place\tAlmere Stad\tFlevoland\t52.37025\t5.21413\t1\n"
    "place\tAmsterdam\tNoord-Holland\t52.37403\t4.88969\t2\n"
    "place\tAmsterdam-Zuid\tNoord-Holland\t52.34691\t4.87683\t1\n"
    "place\tDen Haag\tZuid-Holland\t52.07667\t4.29861\t2\n"
    "place\tDen Helder\tNoord-Holland\t52.95988\t4.75933\t2\n"
    "place\tDen Burg\tNoord-Holland\t53.05417\t4.79722\t0\n"
    "place\tFeanwâlden\tFryslân\t53.23204\t5.98984\t0\n"
    "place\tGroesbeek\tGelderland\t51.77667\t5.93611\t0\n"
    "place\tGroningen\tGroningen\t53.21917\t6.56667\t2\n"
    "place\tGrootebroek\tNoord-Holland\t52.69833\t5.22083\t0\n"
    "place\tHengelo\tGelderland\t52.05083\t6.30972\t0\n"
    "place\tHengelo\tOverijssel\t52.26583\t6.79306\t2\n"
    "place\tHengevelde\tOverijssel\t52.20333\t6.72361\t0\n"
    "place\t's-Gravenzande\tZuid-Holland\t52.00167\t4.16528\t0\n"
    "place\t's-Hertogenbosch\tNoord-Brabant\t51.69917\t5.30417\t2\n"
    "place\tSint Odiliënberg\tLimburg\t51.14333\t6.0\t0\n"
    "place\t't Zand\tNoord-Holland\t52.83667\t4.75556\t0\n"
    "\n"
    "# alias\tother name\tname\tprovince\n"
    "alias\tAlmere\tAlmere Stad\tFlevoland\n"
    "alias\tDen Bosch\t's-Hertogenbosch\tNoord-Brabant\n"
    "alias\t's-Gravenhage\tDen Haag\tZuid-Holland\n"
    "alias\tThe Hague\tDen Haag\tZuid-Holland\n"
    "alias\tVeenwouden\tFeanwâlden\tFryslân\n";

Gazetteer Places() {
  auto gazetteer = Gazetteer::Parse(kPlaces);
  EXPECT_TRUE(gazetteer.ok()) << gazetteer.error().message;
  return gazetteer.ok() ? std::move(*gazetteer) : Gazetteer();
}

// "name (province)" of each place found, in order.
std::vector<std::string> Names(const std::vector<Place>& places) {
  std::vector<std::string> out;
  for (const Place& place : places) out.push_back(place.name + " (" + place.province + ")");
  return out;
}

std::vector<std::string> Find(std::string_view query, std::size_t limit = 10) {
  return Names(Places().Find(query, limit));
}

TEST(Places, ParsesEveryPlaceLineWithItsFields) {
  Gazetteer places = Places();
  EXPECT_EQ(places.size(), 18u);
  auto groningen = places.Resolve("Groningen");
  ASSERT_TRUE(groningen.has_value());
  EXPECT_EQ(groningen->name, "Groningen");
  EXPECT_EQ(groningen->province, "Groningen");
  EXPECT_DOUBLE_EQ(groningen->latitude, 53.21917);
  EXPECT_DOUBLE_EQ(groningen->longitude, 6.56667);
  EXPECT_EQ(groningen->rank, 2);
}

TEST(Places, FindsByPrefixIgnoringCase) {
  EXPECT_EQ(Find("groningen"), std::vector<std::string>{"Groningen (Groningen)"});
  EXPECT_EQ(Find("GRONINGEN"), std::vector<std::string>{"Groningen (Groningen)"});
  EXPECT_EQ(Find("Hengev"), std::vector<std::string>{"Hengevelde (Overijssel)"});
  EXPECT_TRUE(Find("Zwolle").empty());
}

TEST(Places, IgnoresAccentsInNameAndQuery) {
  EXPECT_EQ(Find("feanwalden"), std::vector<std::string>{"Feanwâlden (Fryslân)"});
  EXPECT_EQ(Find("FEANWÂL"), std::vector<std::string>{"Feanwâlden (Fryslân)"});
  EXPECT_EQ(Find("sint odilien"), std::vector<std::string>{"Sint Odiliënberg (Limburg)"});
  // Decomposed: "e" followed by a combining diaeresis.
  EXPECT_EQ(Find("Sint Odilie\xCC\x88n"), std::vector<std::string>{"Sint Odiliënberg (Limburg)"});
}

TEST(Places, IgnoresApostrophesAndDashes) {
  EXPECT_EQ(Find("'s-Hertogenbosch"), std::vector<std::string>{"'s-Hertogenbosch (Noord-Brabant)"});
  EXPECT_EQ(Find("s hertogen"), std::vector<std::string>{"'s-Hertogenbosch (Noord-Brabant)"});
  EXPECT_EQ(Find("\xE2\x80\x99s-Hertogenbosch"),  // typographic apostrophe
            std::vector<std::string>{"'s-Hertogenbosch (Noord-Brabant)"});
  EXPECT_EQ(Find("amsterdam zuid"), std::vector<std::string>{"Amsterdam-Zuid (Noord-Holland)"});
  EXPECT_EQ(Find("  den   haag "), std::vector<std::string>{"Den Haag (Zuid-Holland)"});
}

TEST(Places, ArticleMayBeLeftOff) {
  EXPECT_EQ(Find("Hertogenbosch"), std::vector<std::string>{"'s-Hertogenbosch (Noord-Brabant)"});
  EXPECT_EQ(Find("zand"), std::vector<std::string>{"'t Zand (Noord-Holland)"});
  EXPECT_EQ(Find("gravenhage"), std::vector<std::string>{"Den Haag (Zuid-Holland)"});
}

TEST(Places, FindsThroughAliases) {
  EXPECT_EQ(Find("s-Gravenhage"), std::vector<std::string>{"Den Haag (Zuid-Holland)"});
  EXPECT_EQ(Find("the hag"), std::vector<std::string>{"Den Haag (Zuid-Holland)"});
  EXPECT_EQ(Find("den bosch"), std::vector<std::string>{"'s-Hertogenbosch (Noord-Brabant)"});
  EXPECT_EQ(Find("veenw"), std::vector<std::string>{"Feanwâlden (Fryslân)"});
  // "s-grav" begins both 's-Gravenzande and the alias 's-Gravenhage: each place once.
  EXPECT_EQ(Find("s-grav"),
            (std::vector<std::string>{"Den Haag (Zuid-Holland)", "'s-Gravenzande (Zuid-Holland)"}));
}

TEST(Places, ListsAPlaceFoundThroughSeveralNamesOnce) {
  // "almere" begins the alias Almere and the name Almere Stad, both of one place.
  EXPECT_EQ(Find("almere"),
            (std::vector<std::string>{"Almere Stad (Flevoland)", "Almere Duin (Flevoland)"}));
  // 's-Hertogenbosch is "s hertogenbosch", "hertogenbosch" and (alias) "den bosch".
  EXPECT_EQ(Find("s"), (std::vector<std::string>{
                           "Den Haag (Zuid-Holland)", "'s-Hertogenbosch (Noord-Brabant)",
                           "'s-Gravenzande (Zuid-Holland)", "Sint Odiliënberg (Limburg)"}));
}

TEST(Places, RanksExactNameThenRankThenAlphabetically) {
  // Groningen (rank 2) before the rank-0 places, which are alphabetical.
  EXPECT_EQ(Find("gro"),
            (std::vector<std::string>{"Groningen (Groningen)", "Groesbeek (Gelderland)",
                                      "Grootebroek (Noord-Holland)"}));
  // Both Hengelos match exactly: the higher rank first.
  EXPECT_EQ(Find("hengelo"),
            (std::vector<std::string>{"Hengelo (Overijssel)", "Hengelo (Gelderland)"}));
  EXPECT_EQ(Find("henge"), (std::vector<std::string>{"Hengelo (Overijssel)", "Hengelo (Gelderland)",
                                                     "Hengevelde (Overijssel)"}));
  // Same rank: alphabetical, an alias's place by its own name ('s-Hertogenbosch under "s").
  EXPECT_EQ(Find("den"), (std::vector<std::string>{
                             "Den Haag (Zuid-Holland)", "Den Helder (Noord-Holland)",
                             "'s-Hertogenbosch (Noord-Brabant)", "Den Burg (Noord-Holland)"}));
}

TEST(Places, ExactMatchComesBeforeHigherRank) {
  auto places = Gazetteer::Parse(
      "place\tLeeuwarden\tFryslân\t53.20271\t5.80973\t2\n"
      "place\tLeeuw\tFryslân\t53.2\t5.8\t0\n");
  ASSERT_TRUE(places.ok()) << places.error().message;
  EXPECT_EQ(Names(places->Find("leeuw", 10)),
            (std::vector<std::string>{"Leeuw (Fryslân)", "Leeuwarden (Fryslân)"}));
}

TEST(Places, LimitCutsTheList) {
  EXPECT_EQ(Find("gro", 1), std::vector<std::string>{"Groningen (Groningen)"});
  EXPECT_TRUE(Find("gro", 0).empty());
}

TEST(Places, EmptyQueryFindsNothing) {
  EXPECT_TRUE(Find("").empty());
  EXPECT_TRUE(Find("   ").empty());
  EXPECT_TRUE(Find("'-.").empty());
  EXPECT_FALSE(Places().Resolve("").has_value());
  EXPECT_TRUE(Gazetteer().Find("gro", 10).empty());
  EXPECT_FALSE(Gazetteer().Resolve("Groningen").has_value());
}

TEST(Places, ResolvesExactFoldedNamesAndAliases) {
  Gazetteer places = Places();
  EXPECT_EQ(places.Resolve("den haag")->name, "Den Haag");
  EXPECT_EQ(places.Resolve("'s-Gravenhage")->name, "Den Haag");
  EXPECT_EQ(places.Resolve("The Hague")->name, "Den Haag");
  EXPECT_EQ(places.Resolve("Den Bosch")->name, "'s-Hertogenbosch");
  EXPECT_EQ(places.Resolve("feanwalden")->name, "Feanwâlden");
  EXPECT_EQ(places.Resolve("Hertogenbosch")->name, "'s-Hertogenbosch");
  EXPECT_FALSE(places.Resolve("Den").has_value()) << "a prefix is not a name";
  EXPECT_FALSE(places.Resolve("Zwolle").has_value());
}

TEST(Places, SharedNameResolvesToTheHigherRankUnlessTheProvinceIsGiven) {
  Gazetteer places = Places();
  EXPECT_EQ(places.Resolve("Hengelo")->province, "Overijssel");
  EXPECT_EQ(places.Resolve("Hengelo", "Gelderland")->province, "Gelderland");
  EXPECT_EQ(places.Resolve("hengelo", "gelderland")->province, "Gelderland");
  EXPECT_FALSE(places.Resolve("Hengelo", "Zeeland").has_value());
}

TEST(Places, EqualRanksResolveToTheFirstInTheFile) {
  auto places = Gazetteer::Parse(
      "place\tBeek\tNoord-Brabant\t51.5289\t5.63382\t0\n"
      "place\tBeek\tLimburg\t50.94083\t5.79722\t0\n");
  ASSERT_TRUE(places.ok()) << places.error().message;
  EXPECT_EQ(places->Resolve("Beek")->province, "Noord-Brabant");
}

TEST(Places, WindowsLineEndsAreAccepted) {
  auto places = Gazetteer::Parse("place\tAssen\tDrenthe\t52.99667\t6.5625\t2\r\n");
  ASSERT_TRUE(places.ok()) << places.error().message;
  EXPECT_EQ(places->Resolve("Assen")->rank, 2);
}

TEST(Places, MalformedLinesAreRefusedWithTheirLineNumber) {
  const std::string good = "# places\nplace\tAssen\tDrenthe\t52.99667\t6.5625\t2\n";
  const std::vector<std::string> bad_lines = {
      "place\tAssen\tDrenthe\t52.99667\t6.5625",            // a field short
      "place\tAssen\tDrenthe\t52.99667\t6.5625\t2\textra",  // a field too many
      "place\t\tDrenthe\t52.99667\t6.5625\t2",              // no name
      "place\t'-\tDrenthe\t52.99667\t6.5625\t2",            // a name without letters
      "place\tAssen\t\t52.99667\t6.5625\t2",                // no province
      "place\tAssen\tDrenthe\tnorth\t6.5625\t2",            // not a number
      "place\tAssen\tDrenthe\t95\t6.5625\t2",               // out of range
      "place\tAssen\tDrenthe\t52.9 \t6.5625\t2",            // trailing space
      "place\tAssen\tDrenthe\t52.99667\t6.5625\t-1",        // negative rank
      "place\tAssen\tDrenthe\t52.99667\t6.5625\ttwo",       // rank not a number
      "plaats\tAssen\tDrenthe\t52.99667\t6.5625\t2",        // unknown record
      "alias\tAsse\tAssen",                                 // alias a field short
      "alias\tAsse\tAssen\tGroningen",                      // alias of no place
      "place\tAss\xFF\tDrenthe\t52.99667\t6.5625\t2",       // invalid UTF-8
  };
  for (const std::string& bad : bad_lines) {
    auto places = Gazetteer::Parse(good + bad + "\n" + "place\tEmmen\tDrenthe\t52.78\t6.9\t2\n");
    ASSERT_FALSE(places.ok()) << bad;
    EXPECT_EQ(places.error().code, ErrorCode::kInvalidArgument) << bad;
    EXPECT_EQ(places.error().field, "line 3") << bad;
    EXPECT_TRUE(places.error().message.starts_with("line 3: ")) << places.error().message;
  }
}

TEST(Places, TextWithoutPlacesIsRefused) {
  EXPECT_FALSE(Gazetteer::Parse("").ok());
  EXPECT_FALSE(Gazetteer::Parse("# nothing here\n\n").ok());
}

}  // namespace
}  // namespace knooppunt::domain
