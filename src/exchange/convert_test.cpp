// Store records to the engine's inputs and the engine's reasons to JSON.
#include "exchange/convert.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <vector>

#include "match/match_testing.h"
#include "store/posting_store.h"

namespace knooppunt::exchange {
namespace {

using match::testing::Date;

TEST(Convert, ParsesOnlyRealDaysWrittenYyyyMmDd) {
  EXPECT_EQ(ParseDay("2024-02-29"), Date(2024, 2, 29));
  EXPECT_FALSE(ParseDay("2025-02-29"));
  EXPECT_FALSE(ParseDay("2025-2-09"));
  EXPECT_FALSE(ParseDay("2025-02-09T10:00"));
  EXPECT_FALSE(ParseDay("2025/02/09"));
  EXPECT_FALSE(ParseDay(""));
  EXPECT_EQ(FormatDay(Date(2026, 1, 5)), "2026-01-05");
}

TEST(Convert, PostingRecordBecomesTheEnginesPosting) {
  store::PostingRecord record{.id = "p",
                              .kind = "space",
                              .side = "offer",
                              .author_id = "",
                              .title = "Zaal",
                              .languages = {"nl", "ar"},
                              .latitude = 53.2,
                              .longitude = 6.5,
                              .radius_km = 12,
                              .availability = 0b100001,
                              .starts_on = "",
                              .ends_on = "2027-01-31",
                              .capacity = 3,
                              .certificates = {"first_aid"},
                              .min_dutch = "B2",
                              .min_age = 16,
                              .skills = {"cooking"},
                              .terms = {"term-food"},
                              .seats = 40,
                              .facilities = {"kitchen", "parking"}};
  match::Posting posting = ToMatchPosting(record, 1, Date(2026, 11, 21));
  EXPECT_EQ(posting.id, "p");
  EXPECT_EQ(posting.kind, match::PostingKind::kSpace);
  EXPECT_EQ(posting.side, match::Side::kOffer);
  EXPECT_EQ(posting.languages, (std::vector<std::string>{"nl", "ar"}));
  EXPECT_EQ(posting.min_dutch, match::Cefr::kB2);
  ASSERT_TRUE(posting.place.has_value());
  EXPECT_DOUBLE_EQ(posting.place->latitude, 53.2);
  EXPECT_EQ(posting.radius_km, 12);
  EXPECT_TRUE(posting.availability.Contains({0, match::DayPart::kMorning}));
  EXPECT_TRUE(posting.availability.Contains({1, match::DayPart::kEvening}));
  EXPECT_EQ(posting.availability.count(), 2);
  EXPECT_EQ(posting.start, Date(2026, 11, 21));  // no start: today
  EXPECT_EQ(posting.end, Date(2027, 1, 31));
  EXPECT_EQ(posting.spots, 2);  // one of three is taken
  EXPECT_EQ(posting.seats, 40);
  EXPECT_EQ(posting.facilities,
            (std::vector<match::Facility>{match::Facility::kKitchen, match::Facility::kParking}));
  EXPECT_EQ(posting.certificates,
            (std::vector<match::CertificateKind>{match::CertificateKind::kFirstAid}));
  EXPECT_EQ(posting.min_age, 16);
}

TEST(Convert, ProfileRecordBecomesTheEnginesProfile) {
  store::ProfileRecord record{.account_id = "a",
                              .consent_at = "2026-11-01T10:00:00.000Z",
                              .wants = {"buddy:request"},
                              .languages = {{"nl", "A2"}, {"ti", ""}},
                              .availability = 1u << 20,
                              .latitude = 53.2,
                              .longitude = 6.5,
                              .travel_km = 7,
                              .max_matches = 2,
                              .certificates = {{"vog", "2027-06-01"}},
                              .birth_date = "1990-05-01",
                              .gender = "man",
                              .buddy_gender = "woman",
                              .waiting_since = "2026-10-01T08:00:00.000Z"};
  std::optional<match::Profile> person = ToMatchProfile(record, 1);
  ASSERT_TRUE(person.has_value());
  EXPECT_TRUE(person->consent);
  ASSERT_EQ(person->wants.size(), 1u);
  EXPECT_EQ(person->wants[0].kind, match::PostingKind::kBuddy);
  EXPECT_EQ(person->wants[0].side, match::Side::kRequest);
  ASSERT_EQ(person->languages.size(), 2u);
  EXPECT_EQ(person->languages[0].level, match::Cefr::kA2);
  EXPECT_EQ(person->languages[1].level, match::Cefr::kNone);
  EXPECT_TRUE(person->availability.Contains({6, match::DayPart::kEvening}));
  EXPECT_EQ(person->travel_km, 7);
  EXPECT_EQ(person->max_matches, 1);  // one of two is taken
  ASSERT_EQ(person->certificates.size(), 1u);
  EXPECT_EQ(person->certificates[0].valid_until, Date(2027, 6, 1));
  EXPECT_EQ(person->birth_date, Date(1990, 5, 1));
  EXPECT_EQ(person->gender, match::Gender::kMan);
  EXPECT_EQ(person->buddy_gender, match::Gender::kWoman);
  EXPECT_EQ(person->waiting_since, Date(2026, 10, 1));

  record.consent_at.reset();
  EXPECT_FALSE(ToMatchProfile(record, 0)->consent);
  record.latitude.reset();
  record.longitude.reset();
  EXPECT_FALSE(ToMatchProfile(record, 0).has_value());  // no home: not matched
}

TEST(Convert, ReasonsBecomeAJsonArrayWithCodeValueNumberAndSlot) {
  std::vector<match::Reason> reasons = {
      match::ValueReason(match::ReasonCode::kSpeaksLanguage, "ti"),
      match::NumberReason(match::ReasonCode::kDistance, 2.1),
      match::SlotReason({5, match::DayPart::kMorning}),
  };
  boost::json::value json = boost::json::parse(ReasonsJson(reasons));
  const boost::json::array& array = json.as_array();
  ASSERT_EQ(array.size(), 3u);
  EXPECT_EQ(array[0].at("code"), "speaks_language");
  EXPECT_EQ(array[0].at("value"), "ti");
  EXPECT_TRUE(array[0].at("weekday").is_null());
  EXPECT_TRUE(array[0].at("part").is_null());
  EXPECT_EQ(array[1].at("code"), "distance");
  EXPECT_DOUBLE_EQ(array[1].at("number").as_double(), 2.1);
  EXPECT_EQ(array[2].at("code"), "shared_slot");
  EXPECT_EQ(array[2].at("weekday"), 5);
  EXPECT_EQ(array[2].at("part"), "morning");
  EXPECT_EQ(ReasonsJson({}), "[]");
}

TEST(Convert, ReasonsJsonReadsBackAndSkipsWhatItCannotRead) {
  std::vector<match::Reason> reasons = {
      match::ValueReason(match::ReasonCode::kSpeaksLanguage, "ti"),
      match::NumberReason(match::ReasonCode::kDistance, 2.1),
      match::SlotReason({.weekday = 5, .part = match::DayPart::kEvening}),
      match::NumberReason(match::ReasonCode::kWaiting, 3)};
  EXPECT_EQ(ParseReasonsJson(ReasonsJson(reasons)), reasons);
  EXPECT_TRUE(ParseReasonsJson("not json").empty());
  EXPECT_TRUE(ParseReasonsJson("{\"code\":\"distance\"}").empty());
  std::vector<match::Reason> kept = ParseReasonsJson(
      R"([{"code":"flying"},{"code":"shared_slot","weekday":9,"part":"morning"},)"
      R"({"code":"shared_slot","weekday":1,"part":"night"},7,)"
      R"({"code":"has_skill","value":"koken"}])");
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0], match::ValueReason(match::ReasonCode::kHasSkill, "koken"));
}

TEST(Convert, NamesOfFacilitiesAndGendersRoundTrip) {
  for (int i = 0; i < match::kFacilities; ++i) {
    auto facility = static_cast<match::Facility>(i);
    EXPECT_EQ(ParseFacility(FacilityName(facility)), facility);
  }
  for (auto gender : {match::Gender::kWoman, match::Gender::kMan, match::Gender::kNonBinary}) {
    EXPECT_EQ(ParseGender(GenderName(gender)), gender);
  }
  for (int i = 0; i < match::kCertificateKinds; ++i) {
    auto kind = static_cast<match::CertificateKind>(i);
    EXPECT_EQ(ParseCertificate(match::CertificateName(kind)), kind);
  }
  EXPECT_FALSE(ParseFacility("pool"));
  EXPECT_FALSE(ParseGender(""));
}

}  // namespace
}  // namespace knooppunt::exchange
