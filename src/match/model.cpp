#include "match/model.h"

namespace knooppunt::match {

const char* PostingKindName(PostingKind kind) {
  switch (kind) {
    case PostingKind::kVolunteerWork:
      return "volunteer_work";
    case PostingKind::kBuddy:
      return "buddy";
    case PostingKind::kGoods:
      return "goods";
    case PostingKind::kSpace:
      return "space";
    case PostingKind::kExpertise:
      return "expertise";
    case PostingKind::kPracticalHelp:
      return "practical_help";
  }
  return "unknown";
}

const char* CertificateName(CertificateKind kind) {
  switch (kind) {
    case CertificateKind::kVog:
      return "vog";
    case CertificateKind::kFirstAid:
      return "first_aid";
    case CertificateKind::kFoodHygiene:
      return "food_hygiene";
    case CertificateKind::kDrivingLicence:
      return "driving_licence";
  }
  return "unknown";
}

const char* CefrName(Cefr level) {
  switch (level) {
    case Cefr::kNone:
      return "none";
    case Cefr::kA1:
      return "A1";
    case Cefr::kA2:
      return "A2";
    case Cefr::kB1:
      return "B1";
    case Cefr::kB2:
      return "B2";
    case Cefr::kC1:
      return "C1";
    case Cefr::kC2:
      return "C2";
  }
  return "unknown";
}

}  // namespace knooppunt::match
