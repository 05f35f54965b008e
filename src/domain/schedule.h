// Opening hours: the weekly intervals of HSDS schedule records, evaluated in Amsterdam's local
// time, and a compact binary form of them for search-index values, so that "open now" can be
// decided per candidate document without allocating.
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.h"
#include "domain/time.h"

namespace knooppunt::domain {

// A weekly opening interval in Europe/Amsterdam local time.
struct OpeningInterval {
  int weekday = 0;  // 0 = Monday ... 6 = Sunday
  int opens = 0;    // minutes after local midnight, 0..1439
  int closes = 0;   // minutes after local midnight, 1..1440; closes <= opens means it closes the
                    // next day
  int32_t valid_from = INT32_MIN;  // first local day it applies (days since 1970-01-01), inclusive
  int32_t valid_to = INT32_MAX;    // last local day it applies, inclusive
  bool operator==(const OpeningInterval&) const = default;
};

// The moment in Amsterdam's local time.
struct LocalTime {
  int32_t day = 0;  // days since 1970-01-01 (local date)
  int weekday = 0;  // 0 = Monday ... 6 = Sunday
  int minute = 0;   // after local midnight, 0..1439
};

// Converts an instant to Europe/Amsterdam time with the EU rule, applied to every year: CET
// (UTC+1), CEST (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of October
// 01:00 UTC. Computed, because libstdc++ 12 has no time-zone database. Seconds are dropped.
// Never fails.
LocalTime AmsterdamTime(Instant instant);

// The weekly intervals of HSDS 3.0 schedule records (Table::kSchedule), one per day in byday, in
// record order and weekday order. Evaluated: freq WEEKLY (or freq absent with byday set); byday
// as comma-separated MO..SU, any case, whitespace tolerated; opens_at and closes_at as "HH:MM" or
// "HH:MM:SS", a trailing "Z" or offset ignored (times are local); interval absent or 1;
// valid_from, dtstart (first day) and valid_to, until (last day) as "YYYY-MM-DD". closes_at
// "00:00" or "24:00" is midnight at the end of the day (1440); closing before opening means
// overnight.
// Records that cannot be evaluated (another table, MONTHLY, interval > 1, count, bymonthday,
// byyearday or byweekno set, missing or malformed times, dates or byday) are skipped, never an
// error.
std::vector<OpeningInterval> OpeningIntervals(std::span<const Record> schedules);

// True when one of the intervals covers `at`: opening minute inclusive, closing minute exclusive.
// An overnight interval also covers the early hours of the next weekday; valid_from and valid_to
// are checked against the day the interval starts.
bool IsOpen(std::span<const OpeningInterval> intervals, LocalTime at);

// Compact binary form for search-index values: 4 bytes per interval, plus 4 for each bound of
// valid_from/valid_to that is set. Intervals out of range (weekday, opens, closes) are left out.
std::string SerialiseIntervals(std::span<const OpeningInterval> intervals);

// Reads SerialiseIntervals' form back; nullopt when truncated or a value is out of range.
std::optional<std::vector<OpeningInterval>> DeserialiseIntervals(std::string_view bytes);

// IsOpen decided directly from the serialised form, without allocating. False when `bytes` is
// malformed (where DeserialiseIntervals would return nullopt).
bool IsOpenSerialised(std::string_view bytes, LocalTime at);

}  // namespace knooppunt::domain
