#include "match/weights.h"

#include <gtest/gtest.h>

namespace knooppunt::match {
namespace {

TEST(ParseWeights, ReadsKeysOverTheDefaults) {
  auto weights = ParseWeights("# matching\n distance = 35 \n\nshared_slot=2.5\r\nmin_score=10\n");
  ASSERT_TRUE(weights.ok()) << weights.error().message;
  EXPECT_EQ(weights->distance, 35);
  EXPECT_EQ(weights->shared_slot, 2.5);
  EXPECT_EQ(weights->min_score, 10);
  EXPECT_EQ(weights->shared_language, Weights{}.shared_language);
}

TEST(ParseWeights, EmptyTextGivesTheDefaults) {
  auto weights = ParseWeights("");
  ASSERT_TRUE(weights.ok());
  EXPECT_EQ(weights->skill, Weights{}.skill);
}

TEST(ParseWeights, NamesAnUnknownKey) {
  auto weights = ParseWeights("distance = 1\nlanguage = 3\n");
  ASSERT_FALSE(weights.ok());
  EXPECT_EQ(weights.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(weights.error().field, "language");
  EXPECT_NE(weights.error().message.find("language"), std::string::npos);
}

TEST(ParseWeights, NamesTheKeyOfABadNumber) {
  for (const char* text : {"skill = abc", "skill = -1", "skill = nan", "skill = 1e999",
                           "skill =", "skill = 3 points"}) {
    auto weights = ParseWeights(text);
    ASSERT_FALSE(weights.ok()) << text;
    EXPECT_EQ(weights.error().field, "skill") << text;
  }
}

TEST(ParseWeights, NamesALineWithoutEquals) {
  auto weights = ParseWeights("distance = 1\n\ndistance 2\n");
  ASSERT_FALSE(weights.ok());
  EXPECT_EQ(weights.error().field, "line 3");
}

TEST(ParseWeights, RefusesAKeyGivenTwice) {
  auto weights = ParseWeights("distance = 1\ndistance = 2\n");
  ASSERT_FALSE(weights.ok());
  EXPECT_EQ(weights.error().field, "distance");
}

TEST(WeightsFromMap, ReadsGoodValuesAndNamesBadOnes) {
  auto good = WeightsFromMap({{"waiting_per_week", "2"}, {"interest", " 4 "}});
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(good->waiting_per_week, 2);
  EXPECT_EQ(good->interest, 4);

  auto unknown = WeightsFromMap({{"distanse", "2"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "distanse");

  auto bad = WeightsFromMap({{"preference", "ten"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "preference");
}

}  // namespace
}  // namespace knooppunt::match
