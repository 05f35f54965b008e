#include "web/exchange_words.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "domain/taxonomy.h"
#include "exchange/convert.h"
#include "match/availability.h"
#include "web/i18n.h"
#include "web/texts.h"

namespace knooppunt::web {
namespace {

constexpr std::string_view kKinds[] = {"volunteer_work", "buddy",     "goods",
                                       "space",          "expertise", "practical_help"};
constexpr std::string_view kCertificates[] = {"vog", "first_aid", "food_hygiene",
                                              "driving_licence"};
constexpr std::string_view kFacilities[] = {"kitchen",      "step_free",    "projector",
                                            "prayer_space", "child_corner", "parking"};
constexpr std::string_view kDeliveries[] = {"pickup", "delivery", "either"};
constexpr std::string_view kGenders[] = {"woman", "man", "non_binary"};
constexpr std::string_view kPostingStatuses[] = {"draft",  "awaiting_moderation", "open",
                                                 "filled", "closed",              "expired"};
constexpr std::string_view kMatchStatuses[] = {"proposed",  "person_accepted", "poster_accepted",
                                               "active",    "completed",       "declined",
                                               "expired"};
constexpr std::string_view kDayKeys[] = {"MONDAY", "TUESDAY",  "WEDNESDAY", "THURSDAY",
                                         "FRIDAY", "SATURDAY", "SUNDAY"};

std::string Upper(std::string_view code) {
  std::string out(code);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

// The translation of prefix + CODE when `code` is one of `known`; the code itself otherwise.
std::string Coded(const Language& language, std::span<const std::string_view> known,
                  std::string_view prefix, std::string_view code) {
  if (std::find(known.begin(), known.end(), code) == known.end()) return std::string(code);
  return language.Translate(Msgid(std::string(prefix) + Upper(code)));
}

std::string Filled(const Language& language, std::string_view key, std::string argument) {
  std::string arguments[] = {std::move(argument)};
  return Language::Fill(language.Translate(Msgid(key)), arguments);
}

}  // namespace

std::string PostingKindText(const Language& language, std::string_view kind) {
  return Coded(language, kKinds, "XCH_KIND_", kind);
}
std::string PostingSideText(const Language& language, std::string_view side) {
  constexpr std::string_view kSides[] = {"request", "offer"};
  return Coded(language, kSides, "XCH_SIDE_", side);
}
std::string PostingStatusText(const Language& language, std::string_view status) {
  return Coded(language, kPostingStatuses, "XCH_STATUS_", status);
}
std::string MatchStatusText(const Language& language, std::string_view status) {
  return Coded(language, kMatchStatuses, "XCH_MATCH_", status);
}
std::string CertificateText(const Language& language, std::string_view certificate) {
  return Coded(language, kCertificates, "XCH_CERT_", certificate);
}
std::string FacilityText(const Language& language, std::string_view facility) {
  return Coded(language, kFacilities, "XCH_FACILITY_", facility);
}
std::string DeliveryText(const Language& language, std::string_view delivery) {
  return Coded(language, kDeliveries, "XCH_DELIVERY_", delivery);
}
std::string GenderText(const Language& language, std::string_view gender) {
  return Coded(language, kGenders, "XCH_GENDER_", gender);
}

std::string SpokenLanguageText(const Language& language, std::string_view code) {
  for (const CommonLanguage& common : CommonLanguages()) {
    if (common.code == code) return language.Translate(Msgid(common.key));
  }
  return LanguageAutonym(code);
}

std::string NeedText(const Language& language, std::string_view term_id) {
  for (const domain::TermDefinition& term : domain::NeedTerms()) {
    if (domain::TermId("needs", term.slug) == term_id) return TermLabel(term, language);
  }
  return std::string(term_id);
}

std::string SlotText(const Language& language, const match::Slot& slot) {
  std::string day = language.Translate(Msgid(kDayKeys[std::clamp(slot.weekday, 0, 6)]));
  switch (slot.part) {
    case match::DayPart::kMorning:
      return Filled(language, "XCH_SLOT_MORNING", std::move(day));
    case match::DayPart::kAfternoon:
      return Filled(language, "XCH_SLOT_AFTERNOON", std::move(day));
    case match::DayPart::kEvening:
      return Filled(language, "XCH_SLOT_EVENING", std::move(day));
  }
  return day;
}

std::vector<std::string> SlotTexts(const Language& language, uint32_t availability) {
  std::vector<std::string> out;
  for (const match::Slot& slot : match::WeeklySlots::FromBits(availability).slots()) {
    out.push_back(SlotText(language, slot));
  }
  return out;
}

std::string ReasonText(const Language& language, const match::Reason& reason) {
  switch (reason.code) {
    case match::ReasonCode::kSpeaksLanguage:
      return Filled(language, "XCH_REASON_LANGUAGE", SpokenLanguageText(language, reason.value));
    case match::ReasonCode::kDistance: {
      if (reason.number < 0.5) return language.Translate(Msgid("XCH_REASON_SAME_PLACE"));
      // A tenth of a kilometre matters nearby; from 10 km on, whole kilometres say enough.
      int decimals = reason.number >= 10 || reason.number == std::round(reason.number) ? 0 : 1;
      return Filled(language, "XCH_REASON_DISTANCE", language.Number(reason.number, decimals));
    }
    case match::ReasonCode::kSharedSlot:
      return Filled(language, "XCH_REASON_SLOT", SlotText(language, reason.slot));
    case match::ReasonCode::kHasSkill:
      return Filled(language, "XCH_REASON_SKILL", reason.value);
    case match::ReasonCode::kSharedInterest:
      return Filled(language, "XCH_REASON_INTEREST", NeedText(language, reason.value));
    case match::ReasonCode::kPreferenceMet:
      return language.Translate(Msgid(reason.value == "person" ? "XCH_REASON_PREFERENCE_PERSON"
                                                               : "XCH_REASON_PREFERENCE_POSTING"));
    case match::ReasonCode::kValidCertificate:
      return Filled(language, "XCH_REASON_CERTIFICATE", CertificateText(language, reason.value));
    case match::ReasonCode::kWaiting: {
      auto weeks = static_cast<long long>(std::lround(reason.number));
      return language.TranslatePlural(Msgid("XCH_REASON_WAITING"), "Wacht al {1} weken", weeks);
    }
  }
  return "";
}

std::vector<std::string> ReasonTexts(const Language& language,
                                     std::span<const match::Reason> reasons) {
  std::vector<std::string> out;
  for (const match::Reason& reason : reasons) out.push_back(ReasonText(language, reason));
  return out;
}

std::vector<std::string> ReasonTexts(const Language& language, std::string_view reasons_json) {
  return ReasonTexts(language, exchange::ParseReasonsJson(reasons_json));
}

std::span<const std::string_view> PostingKindCodes() { return kKinds; }
std::span<const std::string_view> CertificateCodes() { return kCertificates; }
std::span<const std::string_view> FacilityCodes() { return kFacilities; }
std::span<const std::string_view> DeliveryCodes() { return kDeliveries; }
std::span<const std::string_view> GenderCodes() { return kGenders; }

}  // namespace knooppunt::web
