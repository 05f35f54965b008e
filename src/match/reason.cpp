#include "match/reason.h"

namespace knooppunt::match {

const char* ReasonCodeName(ReasonCode code) {
  switch (code) {
    case ReasonCode::kSpeaksLanguage:
      return "speaks_language";
    case ReasonCode::kDistance:
      return "distance";
    case ReasonCode::kSharedSlot:
      return "shared_slot";
    case ReasonCode::kHasSkill:
      return "has_skill";
    case ReasonCode::kSharedInterest:
      return "shared_interest";
    case ReasonCode::kPreferenceMet:
      return "preference_met";
    case ReasonCode::kValidCertificate:
      return "valid_certificate";
    case ReasonCode::kWaiting:
      return "waiting";
  }
  return "unknown";
}

const char* ConstraintName(Constraint constraint) {
  switch (constraint) {
    case Constraint::kConsent:
      return "consent";
    case Constraint::kKind:
      return "kind";
    case Constraint::kCapacity:
      return "capacity";
    case Constraint::kFacilities:
      return "facilities";
    case Constraint::kDates:
      return "dates";
    case Constraint::kTimeSlot:
      return "time_slot";
    case Constraint::kLanguage:
      return "language";
    case Constraint::kDutchLevel:
      return "dutch_level";
    case Constraint::kCertificate:
      return "certificate";
    case Constraint::kAge:
      return "age";
    case Constraint::kDistance:
      return "distance";
    case Constraint::kScore:
      return "score";
  }
  return "unknown";
}

}  // namespace knooppunt::match
