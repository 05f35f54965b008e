// The inputs of matching: a person's profile and a posting (a request or an offer), plain values
// that the caller fills from the store. A person matches a posting of the complementary side:
// someone who offers a kind of help matches requests of that kind, and the other way round.
// Dates are calendar days; the matching day ("today") is given by the caller.
// Thread-safety: plain values.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/geo.h"
#include "match/availability.h"

namespace knooppunt::match {

using Day = std::chrono::sys_days;

enum class PostingKind : uint8_t {
  kVolunteerWork,  // a vacancy with a number of spots
  kBuddy,          // a "maatje": one person alongside another for a while
  kGoods,
  kSpace,      // a room: seats, facilities, weekly slots
  kExpertise,  // advice or a training
  kPracticalHelp,
};
inline constexpr int kPostingKinds = 6;

enum class Side : uint8_t { kRequest, kOffer };

// CEFR levels, ordered; kNone when not known or not stated.
enum class Cefr : uint8_t { kNone, kA1, kA2, kB1, kB2, kC1, kC2 };

enum class CertificateKind : uint8_t {
  kVog,  // Verklaring Omtrent het Gedrag (certificate of conduct)
  kFirstAid,
  kFoodHygiene,
  kDrivingLicence,
};
inline constexpr int kCertificateKinds = 4;

enum class Facility : uint8_t {
  kKitchen,
  kStepFree,
  kProjector,
  kPrayerSpace,
  kChildCorner,
  kParking
};
inline constexpr int kFacilities = 6;

enum class Gender : uint8_t { kWoman, kMan, kNonBinary };

struct LanguageSkill {
  std::string code;          // ISO 639-1 or 639-3, lower case: "nl", "ti"
  Cefr level = Cefr::kNone;  // only Dutch's level is used (a posting's minimum Dutch level)
};

struct Certificate {
  CertificateKind kind = CertificateKind::kVog;
  Day valid_until;  // the last day on which it is valid
};

// One kind of posting a person is looking for, with the person's own side: {kBuddy, kRequest}
// asks for a buddy and so matches buddy offers.
struct Want {
  PostingKind kind = PostingKind::kVolunteerWork;
  Side side = Side::kRequest;
};

struct Profile {
  std::string id;
  bool consent = false;  // consent to be matched; without it the person is never a candidate
  std::vector<Want> wants;
  std::vector<LanguageSkill> languages;
  std::vector<std::string> skills;     // free skill keys ("cooking"), compared exactly
  std::vector<std::string> interests;  // need-taxonomy term ids
  WeeklySlots availability;            // when the person is free
  domain::LatLon home;                 // required
  double travel_km = 10;               // how far the person will travel
  int max_matches = 1;                 // postings the person may take part in at once
  int group_size = 1;                  // people a room must hold (space postings)
  std::vector<Facility> needs;         // facilities a room must have (space postings)
  std::vector<Certificate> certificates;
  std::optional<Day> birth_date;
  std::optional<int> age;              // years on the matching day; used when birth_date is absent
  std::optional<Gender> gender;        // only when the person chose to say
  std::optional<Gender> buddy_gender;  // preferred gender of a buddy; only when chosen
  std::optional<Day> waiting_since;    // since when the person waits for a match
};

struct Posting {
  std::string id;
  PostingKind kind = PostingKind::kVolunteerWork;
  Side side = Side::kRequest;
  std::vector<std::string> languages;  // one shared language suffices; empty: no requirement
  Cefr min_dutch = Cefr::kNone;
  std::optional<domain::LatLon> place;        // absent: bound to no place (online, delivered)
  double radius_km = 25;                      // from how far away people are accepted
  WeeklySlots availability;                   // when it takes place; empty: any time
  Day start;                                  // first day
  std::optional<Day> end;                     // last day; absent: open-ended
  int spots = 1;                              // people it takes
  int seats = 0;                              // people the room holds (space); 0: not stated
  std::vector<Facility> facilities;           // what the room has (space)
  std::vector<CertificateKind> certificates;  // required, valid on the start day
  int min_age = 0;                            // years on the start day; 0: no minimum
  std::vector<std::string> skills;            // skills asked for
  std::vector<std::string> terms;             // need-taxonomy term ids it is about
  std::optional<Gender> gender;            // of the person offering (buddy), when they chose to say
  std::optional<Gender> preferred_gender;  // the poster's preference, when they chose to say
};

// Stable lower-case names, for logs and translation keys: "volunteer_work", "vog", "B1".
const char* PostingKindName(PostingKind kind);
const char* CertificateName(CertificateKind kind);
const char* CefrName(Cefr level);

}  // namespace knooppunt::match
