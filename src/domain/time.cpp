#include "domain/time.h"

#include <charconv>
#include <cstdio>

namespace knooppunt::domain {
namespace {

std::optional<int> Digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<Instant> ParseDateTime(std::string_view text) {
  namespace chrono = std::chrono;
  auto year = Digits(text, 0, 4), month = Digits(text, 5, 2), day = Digits(text, 8, 2);
  auto hour = Digits(text, 11, 2), minute = Digits(text, 14, 2);
  if (!year || !month || !day || !hour || !minute || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't') || text[13] != ':') {
    return std::nullopt;
  }
  chrono::year_month_day date{chrono::year(*year), chrono::month(static_cast<unsigned>(*month)),
                              chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok() || *hour > 23 || *minute > 59) return std::nullopt;
  std::size_t pos = 16;
  int second = 0, millis = 0;
  if (pos < text.size() && text[pos] == ':') {
    auto s = Digits(text, pos + 1, 2);
    if (!s || *s > 59) return std::nullopt;
    second = *s;
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      std::size_t start = pos;
      int scale = 100;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        millis += (text[pos] - '0') * scale;
        scale /= 10;
        ++pos;
      }
      if (pos == start) return std::nullopt;
    }
  }
  int offset_minutes = 0;
  std::string_view zone = text.substr(pos);
  if (zone == "Z" || zone == "z") {
    offset_minutes = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    auto oh = Digits(zone, 1, 2), om = Digits(zone, 4, 2);
    if (!oh || !om || *oh > 14 || *om > 59) return std::nullopt;
    offset_minutes = (*oh * 60 + *om) * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  Instant local = chrono::sys_days(date) + chrono::hours(*hour) + chrono::minutes(*minute) +
                  chrono::seconds(second) + chrono::milliseconds(millis);
  return local - chrono::minutes(offset_minutes);
}

std::string FormatUtc(Instant instant) {
  namespace chrono = std::chrono;
  auto days = chrono::floor<chrono::days>(instant);
  chrono::year_month_day date(days);
  chrono::hh_mm_ss<chrono::milliseconds> time(instant - days);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
                static_cast<int>(time.subseconds().count()));
  return buffer;
}

Instant Now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace knooppunt::domain
