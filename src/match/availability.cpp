#include "match/availability.h"

#include <bit>

namespace knooppunt::match {
namespace {

int BitOf(int weekday, DayPart part) { return weekday * kDayParts + static_cast<int>(part); }

bool InRange(int weekday, DayPart part) {
  return weekday >= 0 && weekday < 7 && static_cast<int>(part) < kDayParts;
}

}  // namespace

WeeklySlots& WeeklySlots::Add(int weekday, DayPart part) {
  if (InRange(weekday, part)) bits_ |= 1u << BitOf(weekday, part);
  return *this;
}

bool WeeklySlots::Contains(Slot slot) const {
  return InRange(slot.weekday, slot.part) && (bits_ >> BitOf(slot.weekday, slot.part) & 1u) != 0;
}

int WeeklySlots::count() const { return std::popcount(bits_); }

std::vector<Slot> WeeklySlots::slots() const {
  std::vector<Slot> result;
  for (uint32_t rest = bits_; rest != 0; rest &= rest - 1) {
    int bit = std::countr_zero(rest);
    result.push_back(Slot{bit / kDayParts, static_cast<DayPart>(bit % kDayParts)});
  }
  return result;
}

}  // namespace knooppunt::match
