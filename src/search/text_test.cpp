#include "search/text.h"

#include <gtest/gtest.h>

namespace knooppunt::search {
namespace {

using Strings = std::vector<std::string>;

TEST(Fold, RemovesCaseAndAccents) {
  EXPECT_EQ(Fold("Coördinatie"), "coordinatie");
  EXPECT_EQ(Fold("CAFÉ Ĳsselmeer Straße"), "cafe ijsselmeer strasse");
  EXPECT_EQ(Fold("Łódź Ağrı"), "lodz agri");
}

TEST(Fold, RemovesArabicDiacriticsAndUnifiesLetterForms) {
  EXPECT_EQ(Fold("أَهْلاً"), Fold("اهلا"));
  EXPECT_EQ(Fold("مدرسة"), Fold("مدرسه"));
}

TEST(Fold, DropsInvalidUtf8) {
  EXPECT_EQ(Fold("ab\xff\xfe"
                 "c"),
            "abc");
}

TEST(Words, SplitsOnEverythingButLettersAndDigits) {
  EXPECT_EQ(Words("Taal-café (elke dinsdag), 10:00!"),
            (Strings{"taal", "cafe", "elke", "dinsdag", "10", "00"}));
  EXPECT_EQ(Words("ክዳውንትን ኣቑሑን"), (Strings{"ክዳውንትን", "ኣቑሑን"}));
  EXPECT_TRUE(Words(" ,.;").empty());
}

TEST(DutchStem, SharesAFormForPluralsAndDiminutives) {
  EXPECT_EQ(DutchStem("lessen"), DutchStem("les"));
  EXPECT_EQ(DutchStem("taallessen"), DutchStem("taalles"));
  EXPECT_EQ(DutchStem("maatjes"), DutchStem("maatje"));
  EXPECT_EQ(DutchStem("maatje"), DutchStem("maat"));
  EXPECT_EQ(DutchStem("schulden"), DutchStem("schuld"));
  EXPECT_NE(DutchStem("schuld"), DutchStem("school"));
}

TEST(Stem, UsesTheLanguagesStemmer) {
  EXPECT_EQ(Stem("en", "languages"), Stem("en", "language"));
  EXPECT_EQ(Stem("nl", "gezinnen"), "gezin");
  EXPECT_EQ(Stem("ti", "መግቢ"), "");  // no stemmer for Tigrinya
}

TEST(Lexicon, SplitsCompoundsIntoKnownParts) {
  const Lexicon& lexicon = Lexicon::Default();
  EXPECT_EQ(lexicon.SplitCompound("kledingbank"), (Strings{"kleding", "bank"}));
  // The fewest known parts; the index splits "hulpverlening" again.
  EXPECT_EQ(lexicon.SplitCompound("schuldhulpverlening"), (Strings{"schuld", "hulpverlening"}));
  EXPECT_EQ(lexicon.SplitCompound("hulpverlening"), (Strings{"hulp", "verlening"}));
  EXPECT_EQ(lexicon.SplitCompound("taallessen"), (Strings{"taal", "lessen"}));
  auto volunteer_work = lexicon.SplitCompound("vrijwilligerswerk");  // with or without linking "s"
  ASSERT_EQ(volunteer_work.size(), 2u);
  EXPECT_EQ(DutchStem(volunteer_work[0]), DutchStem("vrijwilliger"));
  EXPECT_EQ(volunteer_work[1], "werk");
  EXPECT_TRUE(lexicon.SplitCompound("kleding").empty());
  EXPECT_TRUE(lexicon.SplitCompound("xyzxyzxyz").empty());
}

TEST(Lexicon, SplitsWithTheGivenParts) {
  Lexicon lexicon("# parts\nzon\nbloem\n", "");
  EXPECT_EQ(lexicon.SplitCompound("bloemkwekerij"), (Strings{"bloem", "kwekerij"}));  // known head
  EXPECT_TRUE(lexicon.SplitCompound("bloemxyz").empty());  // the unknown rest is too short
  EXPECT_EQ(lexicon.SplitCompound("bloemzon"), (Strings{"bloem", "zon"}));
  EXPECT_EQ(lexicon.SplitCompound("bloemenzon"), (Strings{"bloem", "zon"}));  // linking "en"
  EXPECT_EQ(lexicon.SplitCompound("bloemszon"), (Strings{"bloem", "zon"}));   // linking "s"
}

TEST(Lexicon, FindsSynonymsByWordOrStem) {
  Lexicon lexicon("", "# groups\nmaatje ~ buddy\nvoedselbank voedselhulp\n");
  EXPECT_EQ(lexicon.Synonyms("maatje"), (Strings{"buddy"}));
  EXPECT_EQ(lexicon.Synonyms("maatjes"), (Strings{"maatje", "buddy"}));  // by its stem
  EXPECT_EQ(lexicon.Synonyms("voedselhulp"), (Strings{"voedselbank"}));
  EXPECT_TRUE(lexicon.Synonyms("kleding").empty());
}

TEST(Stopwords, AreTheWordsWithoutMeaning) {
  EXPECT_TRUE(IsStopword("de"));
  EXPECT_TRUE(IsStopword("zoek"));
  EXPECT_FALSE(IsStopword("hulp"));
}

}  // namespace
}  // namespace knooppunt::search
