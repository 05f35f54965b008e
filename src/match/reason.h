// Why a pair was proposed (reasons, structured so that the web layer can translate them:
// {kSpeaksLanguage, "ti"} becomes "speaks Tigrinya") and why a pair is not a candidate at all
// (the first hard constraint it fails).
// Thread-safety: plain values.
#pragma once

#include <string>
#include <utility>

#include "match/availability.h"

namespace knooppunt::match {

enum class ReasonCode : uint8_t {
  kSpeaksLanguage,    // value: a language both speak ("ti")
  kDistance,          // number: kilometres between home and place, one decimal
  kSharedSlot,        // slot: a weekly slot both are free
  kHasSkill,          // value: a skill the posting asks for and the person has
  kSharedInterest,    // value: a need-taxonomy term id of the posting the person is interested in
  kPreferenceMet,     // value: whose stated preference is met, "person" or "posting"
  kValidCertificate,  // value: a required certificate valid on the start day ("vog")
  kWaiting,           // number: whole weeks the person has waited (only when favouring waiting)
};

struct Reason {
  ReasonCode code = ReasonCode::kSpeaksLanguage;
  std::string value;  // see ReasonCode; empty when unused
  double number = 0;  // see ReasonCode; 0 when unused
  Slot slot;          // kSharedSlot only
  bool operator==(const Reason&) const = default;
};

// The hard constraints, in the order they are checked (cheapest first).
enum class Constraint : uint8_t {
  kConsent,      // the person has not consented to be matched
  kKind,         // the person does not want this kind of posting on the complementary side
  kCapacity,     // no spots, no capacity left for the person, or a room too small for the group
  kFacilities,   // the room lacks a facility the person needs
  kDates,        // the posting ends before the matching day
  kTimeSlot,     // no weekly slot in common
  kLanguage,     // no language in common
  kDutchLevel,   // Dutch below the posting's minimum level
  kCertificate,  // a required certificate missing or not valid on the start day
  kAge,          // younger than the minimum age on the start day, or age unknown
  kDistance,     // farther than the person travels or than the posting's radius
  kScore,        // passes every constraint but scores no more than the minimum score
};

// Reasons with their one parameter.
inline Reason ValueReason(ReasonCode code, std::string value) {
  Reason reason;
  reason.code = code;
  reason.value = std::move(value);
  return reason;
}
inline Reason NumberReason(ReasonCode code, double number) {
  Reason reason;
  reason.code = code;
  reason.number = number;
  return reason;
}
inline Reason SlotReason(Slot slot) {
  Reason reason;
  reason.code = ReasonCode::kSharedSlot;
  reason.slot = slot;
  return reason;
}

const char* ReasonCodeName(ReasonCode code);
const char* ConstraintName(Constraint constraint);

}  // namespace knooppunt::match
