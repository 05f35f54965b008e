#include "domain/split.h"

#include <gtest/gtest.h>

namespace knooppunt::domain {
namespace {

using Parts = std::vector<std::string_view>;

TEST(Split, GivesThePiecesBetweenSeparators) {
  EXPECT_EQ(Split("a,bc,d", ','), (Parts{"a", "bc", "d"}));
  EXPECT_EQ(Split("a,,b", ','), (Parts{"a", "", "b"}));
  EXPECT_EQ(Split("a,", ','), (Parts{"a"}));  // a trailing separator adds nothing
  EXPECT_EQ(Split(",a", ','), (Parts{"", "a"}));
  EXPECT_EQ(Split("abc", ','), (Parts{"abc"}));
  EXPECT_TRUE(Split("", ',').empty());
  EXPECT_EQ(Split("nl|ar", '|'), (Parts{"nl", "ar"}));
}

}  // namespace
}  // namespace knooppunt::domain
