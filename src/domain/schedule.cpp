#include "domain/schedule.h"

#include <algorithm>
#include <array>
#include <chrono>

namespace knooppunt::domain {
namespace {

namespace chrono = std::chrono;

constexpr int kMinutesPerDay = 24 * 60;
constexpr std::string_view kWeekdayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

// Serialised form: a little-endian 32-bit word per interval, then the bounds that are set, each a
// little-endian int32. Bits 0-10 opens, 11-21 closes, 22-24 weekday, 25 valid_from follows,
// 26 valid_to follows; 27-31 are zero.
constexpr uint32_t kHasFrom = 1u << 25;
constexpr uint32_t kHasTo = 1u << 26;
constexpr uint32_t kReservedBits = ~((1u << 27) - 1);

bool InRange(const OpeningInterval& interval) {
  return interval.weekday >= 0 && interval.weekday < 7 && interval.opens >= 0 &&
         interval.opens < kMinutesPerDay && interval.closes >= 1 &&
         interval.closes <= kMinutesPerDay;
}

bool AppliesOn(const OpeningInterval& interval, int64_t day) {
  return interval.valid_from <= day && day <= interval.valid_to;
}

bool Covers(const OpeningInterval& interval, LocalTime at) {
  if (interval.closes > interval.opens) {
    return at.weekday == interval.weekday && at.minute >= interval.opens &&
           at.minute < interval.closes && AppliesOn(interval, at.day);
  }
  // Overnight: the evening of its own weekday and the early hours of the next.
  if (at.weekday == interval.weekday && at.minute >= interval.opens) {
    return AppliesOn(interval, at.day);
  }
  return at.weekday == (interval.weekday + 1) % 7 && at.minute < interval.closes &&
         AppliesOn(interval, int64_t{at.day} - 1);
}

uint32_t ReadWord(std::string_view bytes, std::size_t pos) {
  uint32_t word = 0;
  for (int i = 3; i >= 0; --i) {
    word = (word << 8) | static_cast<unsigned char>(bytes[pos + i]);
  }
  return word;
}

void AppendWord(std::string& out, uint32_t word) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((word >> (8 * i)) & 0xff));
}

// Reads the interval at `pos` and advances it; nullopt when truncated or out of range.
std::optional<OpeningInterval> ReadInterval(std::string_view bytes, std::size_t& pos) {
  if (bytes.size() - pos < 4) return std::nullopt;
  uint32_t word = ReadWord(bytes, pos);
  pos += 4;
  if ((word & kReservedBits) != 0) return std::nullopt;
  OpeningInterval interval{.weekday = static_cast<int>((word >> 22) & 0x7),
                           .opens = static_cast<int>(word & 0x7ff),
                           .closes = static_cast<int>((word >> 11) & 0x7ff)};
  for (auto [flag, bound] :
       {std::pair{kHasFrom, &interval.valid_from}, std::pair{kHasTo, &interval.valid_to}}) {
    if ((word & flag) == 0) continue;
    if (bytes.size() - pos < 4) return std::nullopt;
    *bound = static_cast<int32_t>(ReadWord(bytes, pos));
    pos += 4;
  }
  if (!InRange(interval)) return std::nullopt;
  return interval;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool EqualsIgnoringCase(std::string_view text, std::string_view upper) {
  return text.size() == upper.size() &&
         std::equal(text.begin(), text.end(), upper.begin(), [](char a, char b) {
           return (a >= 'a' && a <= 'z' ? static_cast<char>(a - 'a' + 'A') : a) == b;
         });
}

std::optional<int> Digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// The weekdays of an RRULE BYDAY list as a bit set (bit 0 = Monday); nullopt when malformed.
std::optional<unsigned> ParseByDay(std::string_view text) {
  unsigned days = 0;
  while (true) {
    std::size_t comma = text.find(',');
    std::string_view code = Trim(text.substr(0, comma));
    auto found = std::find_if(std::begin(kWeekdayCodes), std::end(kWeekdayCodes),
                              [&](std::string_view day) { return EqualsIgnoringCase(code, day); });
    if (found == std::end(kWeekdayCodes)) return std::nullopt;
    days |= 1u << (found - std::begin(kWeekdayCodes));
    if (comma == std::string_view::npos) return days;
    text.remove_prefix(comma + 1);
  }
}

// "HH:MM" or "HH:MM:SS[.fff]" with an optional "Z" or "±HH[:MM]" that is ignored; minutes after
// midnight, or nullopt when malformed. "24:00" is accepted as 1440 for closing times.
std::optional<int> ParseClock(std::string_view text) {
  text = Trim(text);
  if (text.size() < 5 || text[2] != ':') return std::nullopt;
  auto hour = Digits(text.substr(0, 2)), minute = Digits(text.substr(3, 2));
  if (!hour || !minute || *minute > 59) return std::nullopt;
  text.remove_prefix(5);
  bool zero_seconds = true;
  if (!text.empty() && text[0] == ':') {
    auto second = Digits(text.substr(1, 2));
    if (text.size() < 3 || !second || *second > 60) return std::nullopt;
    zero_seconds = *second == 0;
    text.remove_prefix(3);
    if (!text.empty() && text[0] == '.') {
      std::size_t n = 1;
      while (n < text.size() && text[n] >= '0' && text[n] <= '9') ++n;
      if (n == 1) return std::nullopt;
      zero_seconds =
          zero_seconds && text.substr(1, n - 1).find_first_not_of('0') == std::string_view::npos;
      text.remove_prefix(n);
    }
  }
  if (!text.empty() && text != "Z" && text != "z") {
    bool sign = text[0] == '+' || text[0] == '-';
    bool offset = sign && ((text.size() == 3 && Digits(text.substr(1, 2))) ||
                           (text.size() == 5 && Digits(text.substr(1, 4))) ||
                           (text.size() == 6 && text[3] == ':' && Digits(text.substr(1, 2)) &&
                            Digits(text.substr(4, 2))));
    if (!offset) return std::nullopt;
  }
  if (*hour == 24 && *minute == 0 && zero_seconds) return kMinutesPerDay;
  if (*hour > 23) return std::nullopt;
  return *hour * 60 + *minute;
}

// "YYYY-MM-DD" as days since 1970-01-01, or nullopt when malformed.
std::optional<int32_t> ParseDay(std::string_view text) {
  text = Trim(text);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = Digits(text.substr(0, 4)), month = Digits(text.substr(5, 2)),
       day = Digits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  chrono::year_month_day date{chrono::year(*year), chrono::month(static_cast<unsigned>(*month)),
                              chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  return static_cast<int32_t>(chrono::sys_days(date).time_since_epoch().count());
}

// Narrows [valid_from, valid_to] by the date in `field` when set; false when it is malformed.
bool ApplyBound(const Record& record, std::string_view field, bool is_start,
                OpeningInterval& interval) {
  const auto& value = record.Get(field);
  if (!value) return true;
  auto day = ParseDay(*value);
  if (!day) return false;
  if (is_start) {
    interval.valid_from = std::max(interval.valid_from, *day);
  } else {
    interval.valid_to = std::min(interval.valid_to, *day);
  }
  return true;
}

// The weekly pattern of one schedule record, with weekday 0, and the days it applies to; nullopt
// when the record cannot be evaluated.
std::optional<std::pair<OpeningInterval, unsigned>> WeeklyPattern(const Record& record) {
  if (record.table() != Table::kSchedule) return std::nullopt;
  const auto& freq = record.Get("freq");
  const auto& byday = record.Get("byday");
  if (!byday || (freq && !EqualsIgnoringCase(Trim(*freq), "WEEKLY"))) return std::nullopt;
  if (const auto& interval = record.Get("interval"); interval && Trim(*interval) != "1") {
    return std::nullopt;
  }
  for (std::string_view field : {"count", "bymonthday", "byyearday", "byweekno"}) {
    if (record.Get(field)) return std::nullopt;
  }
  auto days = ParseByDay(*byday);
  const auto& opens_at = record.Get("opens_at");
  const auto& closes_at = record.Get("closes_at");
  if (!days || !opens_at || !closes_at) return std::nullopt;
  auto opens = ParseClock(*opens_at), closes = ParseClock(*closes_at);
  if (!opens || !closes || *opens == kMinutesPerDay) return std::nullopt;
  OpeningInterval pattern{.opens = *opens, .closes = *closes == 0 ? kMinutesPerDay : *closes};
  if (!ApplyBound(record, "valid_from", true, pattern) ||
      !ApplyBound(record, "dtstart", true, pattern) ||
      !ApplyBound(record, "valid_to", false, pattern) ||
      !ApplyBound(record, "until", false, pattern)) {
    return std::nullopt;
  }
  return std::pair{pattern, *days};
}

}  // namespace

LocalTime AmsterdamTime(Instant instant) {
  auto utc_day = chrono::floor<chrono::days>(instant);
  chrono::year year = chrono::year_month_day(utc_day).year();
  auto summer_starts =
      chrono::sys_days(year / chrono::March / chrono::Sunday[chrono::last]) + chrono::hours(1);
  auto summer_ends =
      chrono::sys_days(year / chrono::October / chrono::Sunday[chrono::last]) + chrono::hours(1);
  bool summer = instant >= summer_starts && instant < summer_ends;
  auto local = chrono::floor<chrono::minutes>(instant) + chrono::hours(summer ? 2 : 1);
  auto local_day = chrono::floor<chrono::days>(local);
  return LocalTime{
      .day = static_cast<int32_t>(local_day.time_since_epoch().count()),
      .weekday = static_cast<int>(chrono::weekday(local_day).iso_encoding()) - 1,
      .minute = static_cast<int>((local - local_day).count()),
  };
}

std::vector<OpeningInterval> OpeningIntervals(std::span<const Record> schedules) {
  std::vector<OpeningInterval> intervals;
  for (const Record& record : schedules) {
    auto pattern = WeeklyPattern(record);
    if (!pattern || pattern->first.valid_from > pattern->first.valid_to) continue;
    for (int weekday = 0; weekday < 7; ++weekday) {
      if ((pattern->second & (1u << weekday)) == 0) continue;
      OpeningInterval interval = pattern->first;
      interval.weekday = weekday;
      intervals.push_back(interval);
    }
  }
  return intervals;
}

bool IsOpen(std::span<const OpeningInterval> intervals, LocalTime at) {
  return std::any_of(intervals.begin(), intervals.end(),
                     [&](const OpeningInterval& interval) { return Covers(interval, at); });
}

std::string SerialiseIntervals(std::span<const OpeningInterval> intervals) {
  std::string out;
  for (const OpeningInterval& interval : intervals) {
    if (!InRange(interval)) continue;
    bool has_from = interval.valid_from != INT32_MIN, has_to = interval.valid_to != INT32_MAX;
    AppendWord(out, static_cast<uint32_t>(interval.opens) |
                        static_cast<uint32_t>(interval.closes) << 11 |
                        static_cast<uint32_t>(interval.weekday) << 22 | (has_from ? kHasFrom : 0) |
                        (has_to ? kHasTo : 0));
    if (has_from) AppendWord(out, static_cast<uint32_t>(interval.valid_from));
    if (has_to) AppendWord(out, static_cast<uint32_t>(interval.valid_to));
  }
  return out;
}

std::optional<std::vector<OpeningInterval>> DeserialiseIntervals(std::string_view bytes) {
  std::vector<OpeningInterval> intervals;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    auto interval = ReadInterval(bytes, pos);
    if (!interval) return std::nullopt;
    intervals.push_back(*interval);
  }
  return intervals;
}

bool IsOpenSerialised(std::string_view bytes, LocalTime at) {
  bool open = false;
  std::size_t pos = 0;
  // Reads to the end even once open, so that malformed bytes always give false.
  while (pos < bytes.size()) {
    auto interval = ReadInterval(bytes, pos);
    if (!interval) return false;
    open = open || Covers(*interval, at);
  }
  return open;
}

}  // namespace knooppunt::domain
