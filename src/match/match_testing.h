// Test helpers of the match library: days, places at a known distance, and a person and a
// posting that form a candidate pair, for tests to change one thing at a time.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <vector>

#include "match/matcher.h"

namespace knooppunt::match::testing {

inline Day Date(int year, unsigned month, unsigned day) {
  return Day{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

inline const Day kToday = Date(2026, 11, 21);
inline constexpr domain::LatLon kGroningen{53.2194, 6.5665};

// A place `km` due north of `from` (great circle, the Earth's mean radius).
inline domain::LatLon North(domain::LatLon from, double km) {
  return {from.latitude + km / 111.19508, from.longitude};
}

// Someone in Groningen offering volunteer work: Dutch B1 and Tigrinya, free Saturday morning and
// Monday evening, a VOG until mid 2027, born 1990, cooking, interested in food.
inline Profile BasePerson(std::string id = "person") {
  Profile person;
  person.id = std::move(id);
  person.consent = true;
  person.wants = {{PostingKind::kVolunteerWork, Side::kOffer}};
  person.languages = {{"nl", Cefr::kB1}, {"ti", Cefr::kNone}};
  person.skills = {"cooking"};
  person.interests = {"term-food"};
  person.availability = WeeklySlots().Add(5, DayPart::kMorning).Add(0, DayPart::kEvening);
  person.home = kGroningen;
  person.travel_km = 10;
  person.certificates = {{CertificateKind::kVog, Date(2027, 6, 1)}};
  person.birth_date = Date(1990, 5, 1);
  return person;
}

// A food bank asking for volunteers 2.1 km north of BasePerson, from 1 December: two spots,
// Dutch or Tigrinya with Dutch A2 at least, Saturday morning or Sunday afternoon, a VOG, 18+.
inline Posting BasePosting(std::string id = "posting") {
  Posting posting;
  posting.id = std::move(id);
  posting.kind = PostingKind::kVolunteerWork;
  posting.side = Side::kRequest;
  posting.languages = {"nl", "ti"};
  posting.min_dutch = Cefr::kA2;
  posting.place = North(kGroningen, 2.1);
  posting.radius_km = 15;
  posting.availability = WeeklySlots().Add(5, DayPart::kMorning).Add(6, DayPart::kAfternoon);
  posting.start = Date(2026, 12, 1);
  posting.spots = 2;
  posting.certificates = {CertificateKind::kVog};
  posting.min_age = 18;
  posting.skills = {"cooking", "driving"};
  posting.terms = {"term-food"};
  return posting;
}

inline std::unique_ptr<Matcher> MakeMatcher(std::vector<Profile> people,
                                            std::vector<Posting> postings,
                                            const Weights& weights = {}) {
  auto matcher = Matcher::Create(std::move(people), std::move(postings), weights, kToday);
  if (!matcher.ok()) {
    ADD_FAILURE() << matcher.error().field << ": " << matcher.error().message;
    return nullptr;
  }
  return std::move(matcher).value();
}

}  // namespace knooppunt::match::testing
