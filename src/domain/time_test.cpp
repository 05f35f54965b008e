#include "domain/time.h"

#include <gtest/gtest.h>

namespace knooppunt::domain {
namespace {

TEST(Time, ConvertsOffsetsToUtc) {
  auto instant = ParseDateTime("2026-11-21T10:00:00+01:00");
  ASSERT_TRUE(instant);
  EXPECT_EQ(FormatUtc(*instant), "2026-11-21T09:00:00.000Z");
}

TEST(Time, KeepsMilliseconds) {
  EXPECT_EQ(FormatUtc(*ParseDateTime("2023-03-15T10:30:45.123Z")), "2023-03-15T10:30:45.123Z");
}

TEST(Time, CrossesMidnightAndLeapDays) {
  EXPECT_EQ(FormatUtc(*ParseDateTime("2024-03-01T00:30-02:00")), "2024-03-01T02:30:00.000Z");
  EXPECT_EQ(FormatUtc(*ParseDateTime("2024-03-01T00:30+01:00")), "2024-02-29T23:30:00.000Z");
}

TEST(Time, RejectsMalformedAndZonelessTimes) {
  EXPECT_FALSE(ParseDateTime("2026-11-21T10:00:00"));
  EXPECT_FALSE(ParseDateTime("2026-13-01T10:00:00Z"));
  EXPECT_FALSE(ParseDateTime("2026-02-29T10:00:00Z"));
  EXPECT_FALSE(ParseDateTime("yesterday"));
  EXPECT_FALSE(ParseDateTime(""));
  EXPECT_FALSE(ParseDateTime("2026-11-21T24:00:00Z"));
  EXPECT_FALSE(ParseDateTime("2026-11-21T10:00:00+25:00"));
}

TEST(Time, TextOrderIsTimeOrder) {
  EXPECT_LT(FormatUtc(*ParseDateTime("2026-01-01T10:00:00.5Z")),
            FormatUtc(*ParseDateTime("2026-01-01T10:00:01Z")));
}

}  // namespace
}  // namespace knooppunt::domain
