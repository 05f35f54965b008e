// Weekly availability as a 7 × 3 grid of day parts (Monday morning ... Sunday evening), the
// granularity people use when they say when they are free ("Saturday morning"). Two sets
// overlap when they share a slot; the shared slots are what a reason names.
// Thread-safety: a plain value; const methods may be called from any thread.
#pragma once

#include <cstdint>
#include <vector>

namespace knooppunt::match {

enum class DayPart : uint8_t {
  kMorning,    // until 12:00
  kAfternoon,  // 12:00 to 18:00
  kEvening,    // from 18:00
};

inline constexpr int kDayParts = 3;
inline constexpr int kWeeklySlots = 7 * kDayParts;

struct Slot {
  int weekday = 0;  // 0 = Monday ... 6 = Sunday (as domain/schedule.h)
  DayPart part = DayPart::kMorning;
  bool operator==(const Slot&) const = default;
};

class WeeklySlots {
 public:
  constexpr WeeklySlots() = default;

  // The set whose bit weekday * 3 + part is set; bits above the 21st are dropped.
  static constexpr WeeklySlots FromBits(uint32_t bits) {
    WeeklySlots slots;
    slots.bits_ = bits & ((1u << kWeeklySlots) - 1);
    return slots;
  }

  // Adds a slot and returns *this; a weekday outside 0..6 or an unknown part is ignored.
  WeeklySlots& Add(int weekday, DayPart part);
  WeeklySlots& Add(Slot slot) { return Add(slot.weekday, slot.part); }

  bool Contains(Slot slot) const;
  // The slots free in both.
  WeeklySlots Overlap(WeeklySlots other) const { return FromBits(bits_ & other.bits_); }
  bool empty() const { return bits_ == 0; }
  int count() const;
  uint32_t bits() const { return bits_; }
  // The slots in week order: Monday morning first.
  std::vector<Slot> slots() const;

  bool operator==(const WeeklySlots&) const = default;

 private:
  uint32_t bits_ = 0;
};

}  // namespace knooppunt::match
