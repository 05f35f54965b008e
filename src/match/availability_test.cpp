#include "match/availability.h"

#include <gtest/gtest.h>

namespace knooppunt::match {
namespace {

TEST(WeeklySlots, OverlapHoldsOnlySlotsFreeInBoth) {
  WeeklySlots person = WeeklySlots().Add(5, DayPart::kMorning).Add(0, DayPart::kEvening);
  WeeklySlots posting = WeeklySlots().Add(5, DayPart::kMorning).Add(6, DayPart::kAfternoon);
  WeeklySlots both = person.Overlap(posting);
  EXPECT_EQ(both.count(), 1);
  EXPECT_TRUE(both.Contains(Slot{5, DayPart::kMorning}));
  EXPECT_FALSE(both.Contains(Slot{0, DayPart::kEvening}));
  EXPECT_EQ(both.slots(), (std::vector<Slot>{{5, DayPart::kMorning}}));
}

TEST(WeeklySlots, ListsSlotsInWeekOrder) {
  WeeklySlots slots =
      WeeklySlots().Add(6, DayPart::kEvening).Add(0, DayPart::kAfternoon).Add(0, DayPart::kMorning);
  EXPECT_EQ(slots.slots(),
            (std::vector<Slot>{
                {0, DayPart::kMorning}, {0, DayPart::kAfternoon}, {6, DayPart::kEvening}}));
}

TEST(WeeklySlots, IgnoresDaysOutsideTheWeek) {
  WeeklySlots slots = WeeklySlots().Add(7, DayPart::kMorning).Add(-1, DayPart::kEvening);
  EXPECT_TRUE(slots.empty());
  EXPECT_FALSE(slots.Contains(Slot{7, DayPart::kMorning}));
}

TEST(WeeklySlots, FromBitsDropsBitsBeyondTheWeek) {
  WeeklySlots slots = WeeklySlots::FromBits(0xFFFFFFFFu);
  EXPECT_EQ(slots.count(), kWeeklySlots);
  EXPECT_EQ(WeeklySlots::FromBits(slots.bits()), slots);
}

}  // namespace
}  // namespace knooppunt::match
