// The words of supply and demand in the visitor's language, shared by the posting pages, the
// match pages and the staff pages: kinds, sides and statuses of postings and matches, the
// codes of certificates, facilities and delivery, weekly day parts, spoken languages, and the
// matching engine's reasons ("Jullie spreken allebei Tigrinya", "2 km verderop").
// Thread-safety: pure functions over immutable catalogs.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "match/reason.h"

namespace knooppunt::web {

class Language;

// Each returns the code itself when it is unknown (a newer stored value, say).
std::string PostingKindText(const Language& language, std::string_view kind);  // "buddy"
std::string PostingSideText(const Language& language, std::string_view side);  // "offer"
std::string PostingStatusText(const Language& language, std::string_view status);
std::string MatchStatusText(const Language& language, std::string_view status);
std::string CertificateText(const Language& language, std::string_view certificate);  // "vog"
std::string FacilityText(const Language& language, std::string_view facility);  // "kitchen"
std::string DeliveryText(const Language& language, std::string_view delivery);  // "pickup"
std::string GenderText(const Language& language, std::string_view gender);      // "woman"
// A spoken language by ISO code: its translated name for the common ones, else its autonym.
std::string SpokenLanguageText(const Language& language, std::string_view code);
// A need-taxonomy term by id; the id when unknown.
std::string NeedText(const Language& language, std::string_view term_id);
// A weekly slot: "zaterdagochtend". weekday 0 = Monday.
std::string SlotText(const Language& language, const match::Slot& slot);
// The slots of an availability bit set (match/availability.h), in week order.
std::vector<std::string> SlotTexts(const Language& language, uint32_t availability);

// One reason of the engine as a short sentence.
std::string ReasonText(const Language& language, const match::Reason& reason);
std::vector<std::string> ReasonTexts(const Language& language,
                                     std::span<const match::Reason> reasons);
// The reasons as stored with a match (exchange::ReasonsJson); unreadable entries are skipped.
std::vector<std::string> ReasonTexts(const Language& language, std::string_view reasons_json);

// The stable codes offered on forms, in form order.
std::span<const std::string_view> PostingKindCodes();  // "volunteer_work" … "practical_help"
std::span<const std::string_view> CertificateCodes();  // "vog", "first_aid" …
std::span<const std::string_view> FacilityCodes();     // "kitchen", "step_free" …
std::span<const std::string_view> DeliveryCodes();     // "pickup", "delivery", "either"
std::span<const std::string_view> GenderCodes();       // "woman", "man", "non_binary"

}  // namespace knooppunt::web
