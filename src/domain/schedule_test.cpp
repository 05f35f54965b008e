#include "domain/schedule.h"

#include <gtest/gtest.h>

#include <random>

namespace knooppunt::domain {
namespace {

constexpr int kMonday = 0, kTuesday = 1, kFriday = 4, kSaturday = 5, kSunday = 6;

LocalTime At(std::string_view utc) {
  auto instant = ParseDateTime(utc);
  EXPECT_TRUE(instant) << utc;
  return AmsterdamTime(instant.value_or(Instant{}));
}

int Minute(int hour, int minute) { return hour * 60 + minute; }

// Days since 1970-01-01 of a date, computed independently of the code under test.
int32_t Day(int year, unsigned month, unsigned day) {
  namespace chrono = std::chrono;
  return static_cast<int32_t>(
      chrono::sys_days(chrono::year(year) / chrono::month(month) / chrono::day(day))
          .time_since_epoch()
          .count());
}

Record Weekly(std::string byday, std::string opens_at, std::string closes_at) {
  return Record(Table::kSchedule)
      .With("id", "6f1d5c1e-3f2a-4f55-9c39-4e2f8a0b7c11")
      .With("freq", "WEEKLY")
      .With("byday", std::move(byday))
      .With("opens_at", std::move(opens_at))
      .With("closes_at", std::move(closes_at));
}

std::vector<OpeningInterval> IntervalsOf(const Record& record) {
  return OpeningIntervals(std::span<const Record>(&record, 1));
}

TEST(AmsterdamTime, SpringForwardAtOneUtcOnLastSundayOfMarch) {
  LocalTime before = At("2026-03-29T00:59:00Z");
  EXPECT_EQ(before.day, Day(2026, 3, 29));
  EXPECT_EQ(before.weekday, kSunday);
  EXPECT_EQ(before.minute, Minute(1, 59));  // CET
  LocalTime after = At("2026-03-29T01:00:00Z");
  EXPECT_EQ(after.day, Day(2026, 3, 29));
  EXPECT_EQ(after.minute, Minute(3, 0));  // CEST
}

TEST(AmsterdamTime, FallBackAtOneUtcOnLastSundayOfOctober) {
  LocalTime before = At("2026-10-25T00:59:00Z");
  EXPECT_EQ(before.day, Day(2026, 10, 25));
  EXPECT_EQ(before.weekday, kSunday);
  EXPECT_EQ(before.minute, Minute(2, 59));  // CEST
  LocalTime after = At("2026-10-25T01:00:00Z");
  EXPECT_EQ(after.day, Day(2026, 10, 25));
  EXPECT_EQ(after.minute, Minute(2, 0));  // CET
}

TEST(AmsterdamTime, FindsTheLastSundayInOtherYears) {
  // 2024: 31 March and 27 October; 2027: 28 March and 31 October.
  EXPECT_EQ(At("2024-03-31T00:59:59.999Z").minute, Minute(1, 59));
  EXPECT_EQ(At("2024-03-31T01:00:00Z").minute, Minute(3, 0));
  EXPECT_EQ(At("2024-03-24T12:00:00Z").minute, Minute(13, 0));
  EXPECT_EQ(At("2024-10-27T00:59:00Z").minute, Minute(2, 59));
  EXPECT_EQ(At("2024-10-27T01:00:00Z").minute, Minute(2, 0));
  EXPECT_EQ(At("2027-03-28T01:00:00Z").minute, Minute(3, 0));
  EXPECT_EQ(At("2027-10-24T12:00:00Z").minute, Minute(14, 0));
  EXPECT_EQ(At("2027-10-31T00:59:00Z").minute, Minute(2, 59));
  EXPECT_EQ(At("2027-10-31T01:00:00Z").minute, Minute(2, 0));
}

TEST(AmsterdamTime, MapsWeekdaysMondayFirst) {
  // 5 January 2026 is a Monday.
  const char* const kNoons[] = {"2026-01-05T11:00:00Z", "2026-01-06T11:00:00Z",
                                "2026-01-07T11:00:00Z", "2026-01-08T11:00:00Z",
                                "2026-01-09T11:00:00Z", "2026-01-10T11:00:00Z",
                                "2026-01-11T11:00:00Z", "2026-01-12T11:00:00Z"};
  for (int i = 0; i < 8; ++i) {
    LocalTime local = At(kNoons[i]);
    EXPECT_EQ(local.weekday, i % 7) << kNoons[i];
    EXPECT_EQ(local.day, Day(2026, 1, 5 + i)) << kNoons[i];
    EXPECT_EQ(local.minute, Minute(12, 0)) << kNoons[i];
  }
  EXPECT_EQ(At("1970-01-01T12:00:00Z").weekday, 3);  // a Thursday
}

TEST(AmsterdamTime, RollsOverAtLocalMidnight) {
  // Tuesday 14 July 2026, CEST: 21:59Z is 23:59 and 22:00Z is Wednesday 00:00.
  LocalTime late = At("2026-07-14T21:59:59.999Z");
  EXPECT_EQ(late.day, Day(2026, 7, 14));
  EXPECT_EQ(late.weekday, kTuesday);
  EXPECT_EQ(late.minute, Minute(23, 59));
  LocalTime midnight = At("2026-07-14T22:00:00Z");
  EXPECT_EQ(midnight.day, Day(2026, 7, 15));
  EXPECT_EQ(midnight.weekday, kTuesday + 1);
  EXPECT_EQ(midnight.minute, 0);
  // In winter the local date changes at 23:00Z, also across the new year.
  LocalTime new_year = At("2026-12-31T23:00:00Z");
  EXPECT_EQ(new_year.day, Day(2027, 1, 1));
  EXPECT_EQ(new_year.weekday, kFriday);
  EXPECT_EQ(new_year.minute, 0);
}

TEST(AmsterdamTime, HandlesInstantsBeforeTheEpoch) {
  LocalTime after_midnight = At("1969-12-31T23:30:00Z");
  EXPECT_EQ(after_midnight.day, 0);
  EXPECT_EQ(after_midnight.weekday, 3);
  EXPECT_EQ(after_midnight.minute, Minute(0, 30));
  LocalTime before_midnight = At("1969-12-31T22:30:00.500Z");
  EXPECT_EQ(before_midnight.day, -1);
  EXPECT_EQ(before_midnight.weekday, 2);
  EXPECT_EQ(before_midnight.minute, Minute(23, 30));
}

TEST(OpeningIntervals, ReadsAWeeklySchedule) {
  auto intervals = IntervalsOf(Weekly("MO,WE,FR", "09:00", "17:30"));
  ASSERT_EQ(intervals.size(), 3u);
  EXPECT_EQ(intervals[0], (OpeningInterval{.weekday = 0, .opens = 540, .closes = 1050}));
  EXPECT_EQ(intervals[1].weekday, 2);
  EXPECT_EQ(intervals[2].weekday, kFriday);
}

TEST(OpeningIntervals, AcceptsByDayVariants) {
  auto weekdays = [](std::string byday) {
    std::vector<int> days;
    for (const OpeningInterval& interval : IntervalsOf(Weekly(std::move(byday), "09:00", "17:00")))
      days.push_back(interval.weekday);
    return days;
  };
  EXPECT_EQ(weekdays(" mo , Tu,we\t"), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(weekdays("SU,MO"), (std::vector<int>{0, 6}));
  EXPECT_EQ(weekdays("SA,sa"), (std::vector<int>{5}));
  EXPECT_EQ(weekdays("MO,TU,WE,TH,FR,SA,SU"), (std::vector<int>{0, 1, 2, 3, 4, 5, 6}));
}

TEST(OpeningIntervals, SkipsMalformedByDay) {
  for (const char* byday : {"", "MO,", "MO,,TU", "MON", "1MO", "-1FR", "MO;TU", "XX", "MO TU"}) {
    EXPECT_TRUE(IntervalsOf(Weekly(byday, "09:00", "17:00")).empty()) << byday;
  }
}

TEST(OpeningIntervals, ReadsTimesWithSecondsAndIgnoresZones) {
  auto intervals = IntervalsOf(Weekly("MO", "09:15:30Z", "17:45:00+01:00"));
  ASSERT_EQ(intervals.size(), 1u);
  EXPECT_EQ(intervals[0].opens, Minute(9, 15));
  EXPECT_EQ(intervals[0].closes, Minute(17, 45));
  auto offset = IntervalsOf(Weekly("MO", "08:00-05:00", "12:00z"));
  ASSERT_EQ(offset.size(), 1u);
  EXPECT_EQ(offset[0].opens, Minute(8, 0));
  EXPECT_TRUE(IntervalsOf(Weekly("MO", "9:00", "17:00")).empty());
  EXPECT_TRUE(IntervalsOf(Weekly("MO", "09:00", "17:00 uur")).empty());
  EXPECT_TRUE(IntervalsOf(Weekly("MO", "25:00", "26:00")).empty());
  EXPECT_TRUE(IntervalsOf(Weekly("MO", "24:00", "08:00")).empty());
}

TEST(OpeningIntervals, MidnightClosingIsTheEndOfTheDay) {
  auto intervals = IntervalsOf(Weekly("SA", "18:00", "00:00"));
  ASSERT_EQ(intervals.size(), 1u);
  EXPECT_EQ(intervals[0].closes, 1440);
  auto twenty_four = IntervalsOf(Weekly("SA", "18:00", "24:00"));
  ASSERT_EQ(twenty_four.size(), 1u);
  EXPECT_EQ(twenty_four[0].closes, 1440);
  auto all_day = IntervalsOf(Weekly("SA", "00:00", "00:00"));
  ASSERT_EQ(all_day.size(), 1u);
  EXPECT_EQ(all_day[0].opens, 0);
  EXPECT_EQ(all_day[0].closes, 1440);
}

TEST(OpeningIntervals, KeepsOvernightIntervalsAsClosingBeforeOpening) {
  auto intervals = IntervalsOf(Weekly("FR", "22:00", "02:00"));
  ASSERT_EQ(intervals.size(), 1u);
  EXPECT_EQ(intervals[0].opens, Minute(22, 0));
  EXPECT_EQ(intervals[0].closes, Minute(2, 0));
}

TEST(OpeningIntervals, AcceptsMissingFreqAndIntervalOne) {
  Record no_freq = Weekly("TU", "09:00", "12:00");
  no_freq.Set("freq", std::nullopt);
  EXPECT_EQ(IntervalsOf(no_freq).size(), 1u);
  EXPECT_EQ(IntervalsOf(Weekly("TU", "09:00", "12:00").With("freq", "weekly")).size(), 1u);
  EXPECT_EQ(IntervalsOf(Weekly("TU", "09:00", "12:00").With("interval", "1")).size(), 1u);
}

TEST(OpeningIntervals, SkipsSchedulesItCannotEvaluate) {
  Record no_byday = Weekly("TU", "09:00", "12:00");
  no_byday.Set("byday", std::nullopt);
  no_byday.Set("freq", std::nullopt);
  Record no_opens = Weekly("TU", "09:00", "12:00");
  no_opens.Set("opens_at", std::nullopt);
  Record no_closes = Weekly("TU", "09:00", "12:00");
  no_closes.Set("closes_at", std::nullopt);
  const Record kSkipped[] = {
      Weekly("TU", "09:00", "12:00").With("freq", "MONTHLY"),
      Weekly("TU", "09:00", "12:00").With("interval", "2"),
      Weekly("TU", "09:00", "12:00").With("count", "10"),
      Weekly("TU", "09:00", "12:00").With("bymonthday", "1"),
      Weekly("TU", "09:00", "12:00").With("valid_from", "1 januari"),
      no_byday,
      no_opens,
      no_closes,
      Record(Table::kService).With("name", "Inloop"),
  };
  for (const Record& record : kSkipped) {
    EXPECT_TRUE(IntervalsOf(record).empty()) << testing::PrintToString(record.values());
  }
  // The others in the same list are still read.
  std::vector<Record> mixed(std::begin(kSkipped), std::end(kSkipped));
  mixed.push_back(Weekly("WE", "10:00", "11:00"));
  auto intervals = OpeningIntervals(mixed);
  ASSERT_EQ(intervals.size(), 1u);
  EXPECT_EQ(intervals[0].weekday, 2);
}

TEST(OpeningIntervals, ReadsValidityDates) {
  auto intervals = IntervalsOf(Weekly("MO", "09:00", "17:00")
                                   .With("valid_from", "2026-01-05")
                                   .With("valid_to", "2026-06-30")
                                   .With("until", "2026-03-31"));
  ASSERT_EQ(intervals.size(), 1u);
  EXPECT_EQ(intervals[0].valid_from, Day(2026, 1, 5));
  EXPECT_EQ(intervals[0].valid_to, Day(2026, 3, 31));  // until is earlier than valid_to
  auto until_only = IntervalsOf(Weekly("MO", "09:00", "17:00").With("until", "2026-12-31"));
  ASSERT_EQ(until_only.size(), 1u);
  EXPECT_EQ(until_only[0].valid_from, INT32_MIN);
  EXPECT_EQ(until_only[0].valid_to, Day(2026, 12, 31));
  auto dtstart = IntervalsOf(Weekly("MO", "09:00", "17:00").With("dtstart", "2026-02-02"));
  ASSERT_EQ(dtstart.size(), 1u);
  EXPECT_EQ(dtstart[0].valid_from, Day(2026, 2, 2));
  EXPECT_TRUE(IntervalsOf(Weekly("MO", "09:00", "17:00").With("valid_to", "2026-02-30")).empty());
}

TEST(IsOpen, CoversFromOpeningUpToClosing) {
  const OpeningInterval kMonday9To17[] = {{.weekday = kMonday, .opens = 540, .closes = 1020}};
  EXPECT_FALSE(IsOpen(kMonday9To17, {.weekday = kMonday, .minute = 539}));
  EXPECT_TRUE(IsOpen(kMonday9To17, {.weekday = kMonday, .minute = 540}));
  EXPECT_TRUE(IsOpen(kMonday9To17, {.weekday = kMonday, .minute = 1019}));
  EXPECT_FALSE(IsOpen(kMonday9To17, {.weekday = kMonday, .minute = 1020}));
  EXPECT_FALSE(IsOpen(kMonday9To17, {.weekday = kTuesday, .minute = 600}));
  EXPECT_FALSE(IsOpen({}, {.weekday = kMonday, .minute = 600}));
}

TEST(IsOpen, OvernightIntervalCoversTheEarlyHoursOfTheNextDay) {
  auto intervals = IntervalsOf(Weekly("FR", "22:00", "02:00"));
  EXPECT_FALSE(IsOpen(intervals, {.weekday = kFriday, .minute = Minute(21, 59)}));
  EXPECT_TRUE(IsOpen(intervals, {.weekday = kFriday, .minute = Minute(23, 59)}));
  EXPECT_TRUE(IsOpen(intervals, {.weekday = kSaturday, .minute = 0}));
  EXPECT_TRUE(IsOpen(intervals, {.weekday = kSaturday, .minute = Minute(1, 59)}));
  EXPECT_FALSE(IsOpen(intervals, {.weekday = kSaturday, .minute = Minute(2, 0)}));
  EXPECT_FALSE(IsOpen(intervals, {.weekday = kFriday, .minute = Minute(1, 0)}));
  // Sunday night wraps to Monday morning.
  auto sunday = IntervalsOf(Weekly("SU", "20:00", "06:00"));
  EXPECT_TRUE(IsOpen(sunday, {.weekday = kMonday, .minute = Minute(5, 0)}));
  EXPECT_FALSE(IsOpen(sunday, {.weekday = kSunday, .minute = Minute(5, 0)}));
}

TEST(IsOpen, MidnightClosingCoversTheLastMinute) {
  auto intervals = IntervalsOf(Weekly("SA", "18:00", "00:00"));
  EXPECT_TRUE(IsOpen(intervals, {.weekday = kSaturday, .minute = Minute(23, 59)}));
  EXPECT_FALSE(IsOpen(intervals, {.weekday = kSunday, .minute = 0}));
  EXPECT_FALSE(IsOpen(intervals, {.weekday = kSaturday, .minute = Minute(17, 0)}));
}

TEST(IsOpen, ChecksValidityAgainstTheDayTheIntervalStarts) {
  // Friday 6 and Saturday 7 March 2026.
  const int32_t kFriday6 = Day(2026, 3, 6), kSaturday7 = kFriday6 + 1;
  auto ends_friday = IntervalsOf(Weekly("FR,SA", "22:00", "02:00").With("valid_to", "2026-03-06"));
  EXPECT_TRUE(IsOpen(ends_friday, {.day = kFriday6, .weekday = kFriday, .minute = 1380}));
  EXPECT_TRUE(IsOpen(ends_friday, {.day = kSaturday7, .weekday = kSaturday, .minute = 60}));
  EXPECT_FALSE(IsOpen(ends_friday, {.day = kSaturday7, .weekday = kSaturday, .minute = 1380}));
  EXPECT_FALSE(IsOpen(ends_friday, {.day = kFriday6 + 7, .weekday = kFriday, .minute = 1380}));
  auto starts_saturday =
      IntervalsOf(Weekly("FR,SA", "22:00", "02:00").With("valid_from", "2026-03-07"));
  EXPECT_FALSE(IsOpen(starts_saturday, {.day = kFriday6, .weekday = kFriday, .minute = 1380}));
  EXPECT_FALSE(IsOpen(starts_saturday, {.day = kSaturday7, .weekday = kSaturday, .minute = 60}));
  EXPECT_TRUE(IsOpen(starts_saturday, {.day = kSaturday7, .weekday = kSaturday, .minute = 1380}));
}

TEST(IsOpen, WorksWithAmsterdamTime) {
  auto intervals = IntervalsOf(Weekly("MO,TU,WE,TH,FR", "09:00", "17:00"));
  EXPECT_TRUE(IsOpen(intervals, At("2026-07-14T07:00:00Z")));   // Tuesday 09:00 CEST
  EXPECT_FALSE(IsOpen(intervals, At("2026-07-14T06:59:00Z")));  // Tuesday 08:59 CEST
  EXPECT_TRUE(IsOpen(intervals, At("2026-01-06T08:00:00Z")));   // Tuesday 09:00 CET
  EXPECT_FALSE(IsOpen(intervals, At("2026-01-06T16:00:00Z")));  // Tuesday 17:00 CET
  EXPECT_FALSE(IsOpen(intervals, At("2026-01-10T12:00:00Z")));  // Saturday
}

TEST(SerialisedIntervals, RoundTrip) {
  const std::vector<OpeningInterval> kIntervals = {
      {.weekday = 0, .opens = 540, .closes = 1020},
      {.weekday = 6, .opens = 1439, .closes = 1440, .valid_from = -5},
      {.weekday = 4, .opens = 1320, .closes = 120, .valid_to = Day(2026, 3, 6)},
      {.weekday = 3, .opens = 0, .closes = 1, .valid_from = INT32_MIN + 1, .valid_to = -1},
      {.weekday = 2, .opens = 600, .closes = 600, .valid_from = 20000, .valid_to = 19000},
  };
  std::string bytes = SerialiseIntervals(kIntervals);
  EXPECT_EQ(bytes.size(), 5 * 4 + 6 * 4u);  // a word each, a word per bound that is set
  EXPECT_EQ(DeserialiseIntervals(bytes), kIntervals);
  EXPECT_EQ(SerialiseIntervals({}), "");
  EXPECT_EQ(DeserialiseIntervals(""), std::vector<OpeningInterval>{});
}

TEST(SerialisedIntervals, LeavesOutIntervalsOutOfRange) {
  const OpeningInterval kIntervals[] = {
      {.weekday = 7, .opens = 540, .closes = 1020},  {.weekday = 1, .opens = 1440, .closes = 1020},
      {.weekday = 1, .opens = 540, .closes = 0},     {.weekday = 1, .opens = 540, .closes = 1441},
      {.weekday = -1, .opens = 540, .closes = 1020}, {.weekday = 1, .opens = 540, .closes = 1020},
  };
  EXPECT_EQ(DeserialiseIntervals(SerialiseIntervals(kIntervals)),
            std::vector<OpeningInterval>{kIntervals[5]});
}

TEST(SerialisedIntervals, RejectsMalformedBytes) {
  const OpeningInterval kAlwaysOpenOnMonday[] = {{.weekday = 0, .opens = 0, .closes = 1440}};
  const std::string kGood = SerialiseIntervals(kAlwaysOpenOnMonday);
  const LocalTime kMondayNoon{.weekday = kMonday, .minute = 720};
  ASSERT_TRUE(IsOpenSerialised(kGood, kMondayNoon));
  auto word = [](uint32_t value) {
    return std::string{static_cast<char>(value & 0xff), static_cast<char>((value >> 8) & 0xff),
                       static_cast<char>((value >> 16) & 0xff),
                       static_cast<char>((value >> 24) & 0xff)};
  };
  const std::string kMalformed[] = {
      kGood.substr(0, 3),
      kGood + "x",
      word(540 | 1020 << 11 | 7u << 22),            // weekday 7
      word(1440 | 1440 << 11),                      // opens 1440
      word(540 | 0 << 11),                          // closes 0
      word(540 | 1441 << 11),                       // closes 1441
      word(540 | 1020 << 11 | 1u << 27),            // a reserved bit
      word(540 | 1020 << 11 | 1u << 25),            // valid_from announced, missing
      word(540 | 1020 << 11 | 3u << 25) + word(0),  // valid_to announced, missing
      "garbage!",
  };
  for (const std::string& bytes : kMalformed) {
    EXPECT_FALSE(DeserialiseIntervals(bytes)) << testing::PrintToString(bytes);
    // Malformed is closed, even when a well-formed interval before the damage covers the time.
    EXPECT_FALSE(IsOpenSerialised(kGood + bytes, kMondayNoon)) << testing::PrintToString(bytes);
  }
}

TEST(SerialisedIntervals, IsOpenSerialisedAgreesWithIsOpen) {
  std::mt19937 random(20260329);
  auto uniform = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  int open_count = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<OpeningInterval> intervals(uniform(0, 4));
    for (OpeningInterval& interval : intervals) {
      interval.weekday = uniform(0, 6);
      interval.opens = uniform(0, 1439);
      interval.closes = uniform(0, 3) == 0 ? 1440 : uniform(1, 1440);
      if (uniform(0, 1)) interval.valid_from = uniform(-3, 3);
      if (uniform(0, 1)) interval.valid_to = uniform(-3, 3);
    }
    std::string bytes = SerialiseIntervals(intervals);
    ASSERT_EQ(DeserialiseIntervals(bytes), intervals);
    for (int probe = 0; probe < 20; ++probe) {
      LocalTime at{.day = uniform(-4, 4), .weekday = uniform(0, 6), .minute = uniform(0, 1439)};
      bool open = IsOpen(intervals, at);
      open_count += open;
      ASSERT_EQ(IsOpenSerialised(bytes, at), open)
          << "round " << round << " day " << at.day << " weekday " << at.weekday << " minute "
          << at.minute;
    }
  }
  EXPECT_GT(open_count, 1000);  // the cases are not all closed
}

}  // namespace
}  // namespace knooppunt::domain
