#include "match/matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "domain/geo.h"
#include "match/match_testing.h"

namespace knooppunt::match {
namespace {

using testing::BasePerson;
using testing::BasePosting;
using testing::Date;
using testing::kGroningen;
using testing::kToday;
using testing::MakeMatcher;
using testing::North;

std::optional<Constraint> CheckPair(const Profile& person, const Posting& posting,
                                    const Weights& weights = {}) {
  auto matcher = MakeMatcher({person}, {posting}, weights);
  if (!matcher) return Constraint::kScore;
  std::optional<Constraint> violation = matcher->Check(0, 0);
  // A pair that fails a constraint is never suggested, from either side.
  bool suggested = !matcher->SuggestForPerson(0, {}).empty();
  EXPECT_EQ(suggested, !violation.has_value());
  EXPECT_EQ(!matcher->SuggestForPosting(0, {}).empty(), !violation.has_value());
  EXPECT_EQ(matcher->Evaluate(0, 0).has_value(), !violation.has_value());
  return violation;
}

TEST(MatcherConstraints, BasePairIsACandidate) {
  EXPECT_EQ(CheckPair(BasePerson(), BasePosting()), std::nullopt);
}

TEST(MatcherConstraints, NeverProposesSomeoneWithoutConsent) {
  Profile person = BasePerson();
  person.consent = false;
  EXPECT_EQ(CheckPair(person, BasePosting()), Constraint::kConsent);
}

TEST(MatcherConstraints, NeedsTheWantedKindOnTheComplementarySide) {
  Posting buddy = BasePosting();
  buddy.kind = PostingKind::kBuddy;
  EXPECT_EQ(CheckPair(BasePerson(), buddy), Constraint::kKind);
  Posting offer = BasePosting();
  offer.side = Side::kOffer;  // the person offers too
  EXPECT_EQ(CheckPair(BasePerson(), offer), Constraint::kKind);
}

TEST(MatcherConstraints, NeedsCapacity) {
  Posting full = BasePosting();
  full.spots = 0;
  EXPECT_EQ(CheckPair(BasePerson(), full), Constraint::kCapacity);

  Profile busy = BasePerson();
  busy.max_matches = 0;
  EXPECT_EQ(CheckPair(busy, BasePosting()), Constraint::kCapacity);

  Profile congregation = BasePerson();
  congregation.wants = {{PostingKind::kSpace, Side::kRequest}};
  congregation.group_size = 40;
  Posting room = BasePosting();
  room.kind = PostingKind::kSpace;
  room.side = Side::kOffer;
  room.certificates = {};
  room.seats = 39;
  EXPECT_EQ(CheckPair(congregation, room), Constraint::kCapacity);
  room.seats = 40;
  EXPECT_EQ(CheckPair(congregation, room), std::nullopt);
}

TEST(MatcherConstraints, NeedsTheFacilitiesOfARoom) {
  Profile person = BasePerson();
  person.needs = {Facility::kKitchen};
  Posting posting = BasePosting();
  posting.facilities = {Facility::kProjector};
  EXPECT_EQ(CheckPair(person, posting), Constraint::kFacilities);
  posting.facilities.push_back(Facility::kKitchen);
  EXPECT_EQ(CheckPair(person, posting), std::nullopt);
}

TEST(MatcherConstraints, SkipsPostingsThatHaveEnded) {
  Posting posting = BasePosting();
  posting.start = Date(2026, 1, 1);
  posting.end = kToday - std::chrono::days{1};
  EXPECT_EQ(CheckPair(BasePerson(), posting), Constraint::kDates);
  posting.end = kToday;
  EXPECT_EQ(CheckPair(BasePerson(), posting), std::nullopt);
}

TEST(MatcherConstraints, NeedsAWeeklySlotInCommon) {
  Posting posting = BasePosting();
  posting.availability = WeeklySlots().Add(6, DayPart::kAfternoon);
  EXPECT_EQ(CheckPair(BasePerson(), posting), Constraint::kTimeSlot);
  posting.availability = WeeklySlots();  // any time
  EXPECT_EQ(CheckPair(BasePerson(), posting), std::nullopt);
}

TEST(MatcherConstraints, NeedsALanguageInCommon) {
  Posting posting = BasePosting();
  posting.languages = {"ar", "fa"};
  posting.min_dutch = Cefr::kNone;
  EXPECT_EQ(CheckPair(BasePerson(), posting), Constraint::kLanguage);
  posting.languages = {"ar", "ti"};
  EXPECT_EQ(CheckPair(BasePerson(), posting), std::nullopt);
}

TEST(MatcherConstraints, NeedsTheMinimumDutchLevel) {
  Posting posting = BasePosting();
  posting.min_dutch = Cefr::kB2;
  EXPECT_EQ(CheckPair(BasePerson(), posting), Constraint::kDutchLevel);
  posting.min_dutch = Cefr::kB1;
  EXPECT_EQ(CheckPair(BasePerson(), posting), std::nullopt);
  Profile no_dutch = BasePerson();
  no_dutch.languages = {{"ti", Cefr::kNone}};
  EXPECT_EQ(CheckPair(no_dutch, posting), Constraint::kDutchLevel);
}

TEST(MatcherConstraints, NeedsTheCertificateValidOnTheStartDay) {
  Posting posting = BasePosting();  // starts 1 December
  Profile person = BasePerson();
  person.certificates = {{CertificateKind::kVog, Date(2026, 11, 30)}};
  EXPECT_EQ(CheckPair(person, posting), Constraint::kCertificate);
  person.certificates = {{CertificateKind::kVog, Date(2026, 12, 1)}};
  EXPECT_EQ(CheckPair(person, posting), std::nullopt);
  person.certificates = {{CertificateKind::kFirstAid, Date(2030, 1, 1)}};
  EXPECT_EQ(CheckPair(person, posting), Constraint::kCertificate);
}

TEST(MatcherConstraints, ChecksCertificatesOfARunningPostingOnTheMatchingDay) {
  Posting posting = BasePosting();
  posting.start = Date(2026, 1, 1);
  Profile person = BasePerson();
  person.certificates = {{CertificateKind::kVog, kToday - std::chrono::days{1}}};
  EXPECT_EQ(CheckPair(person, posting), Constraint::kCertificate);
  person.certificates = {{CertificateKind::kVog, kToday}};
  EXPECT_EQ(CheckPair(person, posting), std::nullopt);
}

TEST(MatcherConstraints, NeedsTheMinimumAgeOnTheStartDay) {
  Posting posting = BasePosting();  // 18+, starts 1 December 2026
  Profile person = BasePerson();
  person.birth_date = Date(2008, 12, 2);
  EXPECT_EQ(CheckPair(person, posting), Constraint::kAge);
  person.birth_date = Date(2008, 12, 1);
  EXPECT_EQ(CheckPair(person, posting), std::nullopt);

  person.birth_date.reset();
  person.age = 17;
  EXPECT_EQ(CheckPair(person, posting), Constraint::kAge);
  person.age = 18;
  EXPECT_EQ(CheckPair(person, posting), std::nullopt);
  person.age.reset();  // unknown: cannot be shown old enough
  EXPECT_EQ(CheckPair(person, posting), Constraint::kAge);
}

TEST(MatcherConstraints, CountsABirthdayOnTheTwentyNinthOfFebruaryFromTheFirstOfMarch) {
  Posting posting = BasePosting();
  posting.start = Date(2027, 2, 28);
  Profile person = BasePerson();
  person.birth_date = Date(2008, 2, 29);
  person.certificates = {{CertificateKind::kVog, Date(2030, 1, 1)}};
  posting.min_age = 19;
  EXPECT_EQ(CheckPair(person, posting), Constraint::kAge);
  posting.start = Date(2027, 3, 1);
  EXPECT_EQ(CheckPair(person, posting), std::nullopt);
}

TEST(MatcherConstraints, NeedsBothDistanceLimits) {
  Posting posting = BasePosting();
  posting.place = North(kGroningen, 10.5);  // the person travels 10 km
  EXPECT_EQ(CheckPair(BasePerson(), posting), Constraint::kDistance);
  posting.place = North(kGroningen, 9.9);
  EXPECT_EQ(CheckPair(BasePerson(), posting), std::nullopt);
  posting.radius_km = 9;  // the posting accepts people from 9 km
  EXPECT_EQ(CheckPair(BasePerson(), posting), Constraint::kDistance);
  posting.place.reset();  // online: no distance
  EXPECT_EQ(CheckPair(BasePerson(), posting), std::nullopt);
}

TEST(MatcherConstraints, NeedsAScoreAboveTheMinimum) {
  EXPECT_EQ(CheckPair(BasePerson(), BasePosting(), Weights{.min_score = 500}), Constraint::kScore);
}

TEST(MatcherReasons, GivesCodesAndParametersOfAPair) {
  auto matcher = MakeMatcher({BasePerson()}, {BasePosting()});
  ASSERT_TRUE(matcher);
  auto pair = matcher->Evaluate(0, 0);
  ASSERT_TRUE(pair);
  std::vector<Reason> expected = {
      ValueReason(ReasonCode::kSpeaksLanguage, "nl"),
      ValueReason(ReasonCode::kSpeaksLanguage, "ti"),
      NumberReason(ReasonCode::kDistance, 2.1),
      SlotReason(Slot{5, DayPart::kMorning}),
      ValueReason(ReasonCode::kHasSkill, "cooking"),
      ValueReason(ReasonCode::kSharedInterest, "term-food"),
      ValueReason(ReasonCode::kValidCertificate, "vog"),
  };
  EXPECT_EQ(pair->reasons, expected);
  // 2 languages × 30 + 20 × (1 − 2.1 / 10) + 1 slot × 6 + 1 skill × 12 + 1 interest × 8.
  EXPECT_EQ(pair->score, 102);
}

TEST(MatcherReasons, NamesAMetPreferenceAndTheWaitWhenFavoured) {
  Profile person = BasePerson();
  person.wants = {{PostingKind::kBuddy, Side::kRequest}};
  person.buddy_gender = Gender::kWoman;
  person.waiting_since = kToday - std::chrono::days{70};
  Posting buddy = BasePosting();
  buddy.kind = PostingKind::kBuddy;
  buddy.side = Side::kOffer;
  buddy.gender = Gender::kWoman;
  auto matcher = MakeMatcher({person}, {buddy});
  ASSERT_TRUE(matcher);
  auto plain = matcher->Evaluate(0, 0);
  auto favoured = matcher->Evaluate(0, 0, /*favour_waiting=*/true);
  ASSERT_TRUE(plain && favoured);
  EXPECT_EQ(plain->score, 112);  // 102 and the preference
  Reason preference = ValueReason(ReasonCode::kPreferenceMet, "person");
  EXPECT_NE(std::find(plain->reasons.begin(), plain->reasons.end(), preference),
            plain->reasons.end());
  EXPECT_EQ(favoured->score, 122);  // 10 weeks × 1
  EXPECT_EQ(favoured->reasons.back(), (NumberReason(ReasonCode::kWaiting, 10)));
  EXPECT_EQ(plain->reasons.back().code, ReasonCode::kValidCertificate);
}

TEST(MatcherReasons, ReportsTheDistanceOfDomainGeo) {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> offset(-0.2, 0.2);
  for (int i = 0; i < 100; ++i) {
    Posting posting = BasePosting();
    posting.place =
        domain::LatLon{kGroningen.latitude + offset(random), kGroningen.longitude + offset(random)};
    posting.radius_km = 100;
    Profile person = BasePerson();
    person.travel_km = 100;
    auto matcher = MakeMatcher({person}, {posting});
    ASSERT_TRUE(matcher);
    auto pair = matcher->Evaluate(0, 0);
    ASSERT_TRUE(pair);
    auto distance = std::find_if(pair->reasons.begin(), pair->reasons.end(),
                                 [](const Reason& r) { return r.code == ReasonCode::kDistance; });
    ASSERT_NE(distance, pair->reasons.end());
    double km = domain::DistanceMetres(kGroningen, *posting.place) / 1000;
    EXPECT_NEAR(distance->number, km, 0.05 + 1e-9);
  }
}

// Five postings at 3, 1, 5, 2 and 4 km: the nearer, the higher the score.
std::unique_ptr<Matcher> FivePostings() {
  std::vector<Posting> postings;
  for (double km : {3.0, 1.0, 5.0, 2.0, 4.0}) {
    Posting posting = BasePosting("at " + std::to_string(km));
    posting.place = North(kGroningen, km);
    postings.push_back(posting);
  }
  return MakeMatcher({BasePerson()}, postings);
}

std::vector<size_t> Indices(const std::vector<Suggestion>& suggestions) {
  std::vector<size_t> indices;
  for (const Suggestion& suggestion : suggestions) indices.push_back(suggestion.index);
  return indices;
}

TEST(MatcherSuggestions, GivesTheBestKForAPersonBestFirst) {
  auto matcher = FivePostings();
  ASSERT_TRUE(matcher);
  auto top3 = matcher->SuggestForPerson(0, {.k = 3});
  EXPECT_EQ(Indices(top3), (std::vector<size_t>{1, 3, 0}));
  EXPECT_GT(top3[0].score, top3[1].score);
  EXPECT_GT(top3[1].score, top3[2].score);
  EXPECT_FALSE(top3[0].reasons.empty());
  EXPECT_EQ(Indices(matcher->SuggestForPerson(0, {.k = 10})), (std::vector<size_t>{1, 3, 0, 4, 2}));
  EXPECT_TRUE(matcher->SuggestForPerson(0, {.k = 0}).empty());
}

TEST(MatcherSuggestions, GivesTheBestKForAPostingBestFirst) {
  std::vector<Profile> people;
  for (double km : {4.0, 1.0, 3.0}) {
    Profile person = BasePerson();
    person.home = North(kGroningen, km);
    people.push_back(person);
  }
  Profile no_consent = BasePerson();
  no_consent.consent = false;  // the nearest of all
  people.push_back(no_consent);
  Posting posting = BasePosting();
  posting.place = kGroningen;
  auto matcher = MakeMatcher(people, {posting});
  ASSERT_TRUE(matcher);
  EXPECT_EQ(Indices(matcher->SuggestForPosting(0, {.k = 2})), (std::vector<size_t>{1, 2}));
  EXPECT_EQ(Indices(matcher->SuggestForPosting(0, {.k = 10})), (std::vector<size_t>{1, 2, 0}));
}

// The grid of places finds exactly the pairs that pass every check, near and far, with and
// without a place.
TEST(MatcherSuggestions, FindExactlyThePairsThatPassEveryCheck) {
  std::mt19937 random(42);
  std::uniform_real_distribution<double> unit(0, 1);
  auto pick = [&](int n) { return static_cast<int>(unit(random) * n) % n; };
  auto slots = [&] {
    return WeeklySlots::FromBits(static_cast<uint32_t>(random()) & static_cast<uint32_t>(random()));
  };
  const std::vector<std::string> languages = {"nl", "ar", "ti", "uk"};
  const std::vector<domain::LatLon> centres = {kGroningen, {53.2012, 5.7999}, {-16.8, 179.99}};
  auto place = [&] {
    domain::LatLon centre = centres[pick(3)];
    double longitude = centre.longitude + (unit(random) - 0.5) * 0.9;
    if (longitude > 180) longitude -= 360;  // across the antimeridian
    return domain::LatLon{centre.latitude + (unit(random) - 0.5) * 0.6, longitude};
  };
  std::vector<Profile> people(300);
  for (Profile& person : people) {
    person.consent = unit(random) < 0.95;
    person.wants = {{static_cast<PostingKind>(pick(3)), static_cast<Side>(pick(2))}};
    person.languages = {{languages[pick(4)], Cefr::kB1}, {languages[pick(4)], Cefr::kNone}};
    person.availability = slots();
    person.home = place();
    person.travel_km = 2 + unit(random) * 40;
  }
  std::vector<Posting> postings(120);
  for (Posting& posting : postings) {
    posting.kind = static_cast<PostingKind>(pick(3));
    posting.side = static_cast<Side>(pick(2));
    posting.languages = {languages[pick(4)]};
    posting.availability = slots();
    if (unit(random) < 0.9) posting.place = place();
    posting.radius_km = 2 + unit(random) * 40;
    posting.start = kToday;
    posting.spots = pick(3);
  }
  auto matcher = MakeMatcher(people, postings);
  ASSERT_TRUE(matcher);
  std::set<std::pair<size_t, size_t>> passing, suggested, by_posting, candidates;
  for (size_t i = 0; i < people.size(); ++i) {
    for (size_t j = 0; j < postings.size(); ++j) {
      if (!matcher->Check(i, j)) passing.insert({i, j});
    }
    for (const Suggestion& s : matcher->SuggestForPerson(i, {.k = 1000})) {
      suggested.insert({i, s.index});
      EXPECT_EQ(s.score, matcher->Evaluate(i, s.index)->score);
    }
  }
  for (size_t j = 0; j < postings.size(); ++j) {
    for (const Suggestion& s : matcher->SuggestForPosting(j, {.k = 1000})) {
      by_posting.insert({s.index, j});
    }
  }
  for (const Candidate& c : matcher->Candidates(false)) {
    candidates.insert({static_cast<size_t>(c.person), static_cast<size_t>(c.posting)});
  }
  EXPECT_GT(passing.size(), 200u);
  EXPECT_EQ(suggested, passing);
  EXPECT_EQ(by_posting, passing);
  EXPECT_EQ(candidates, passing);
}

TEST(MatcherCreate, NamesTheFirstBadField) {
  Profile person = BasePerson();
  person.home = {91, 0};
  auto bad_home = Matcher::Create({person}, {BasePosting()}, {}, kToday);
  ASSERT_FALSE(bad_home.ok());
  EXPECT_EQ(bad_home.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad_home.error().field, "people[0].home");

  Posting posting = BasePosting();
  posting.languages = {"nl", "Tigrinya"};
  auto bad_language = Matcher::Create({BasePerson()}, {posting}, {}, kToday);
  ASSERT_FALSE(bad_language.ok());
  EXPECT_EQ(bad_language.error().field, "postings[0].languages[1]");

  posting = BasePosting();
  posting.end = posting.start - std::chrono::days{1};
  auto bad_end = Matcher::Create({BasePerson()}, {posting}, {}, kToday);
  ASSERT_FALSE(bad_end.ok());
  EXPECT_EQ(bad_end.error().field, "postings[0].end");
}

}  // namespace
}  // namespace knooppunt::match
