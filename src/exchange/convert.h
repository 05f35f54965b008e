// Between the store's records of supply and demand and the matching engine's inputs: codes and
// their names (certificates, facilities, genders, CEFR levels, "kind:side" wants), calendar days,
// and the engine's reasons as the JSON kept in store::MatchRecord::reasons.
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.h"
#include "match/model.h"
#include "match/reason.h"

namespace knooppunt::store {
struct PostingRecord;
struct ProfileRecord;
}  // namespace knooppunt::store

namespace knooppunt::exchange {

// The names as stored: "vog", "first_aid", "food_hygiene", "driving_licence"; "kitchen",
// "step_free", "projector", "prayer_space", "child_corner", "parking"; "woman", "man",
// "non_binary". nullopt for any other text.
std::optional<match::CertificateKind> ParseCertificate(std::string_view name);
std::string_view FacilityName(match::Facility facility);
std::optional<match::Facility> ParseFacility(std::string_view name);
std::string_view GenderName(match::Gender gender);
std::optional<match::Gender> ParseGender(std::string_view name);
std::optional<match::PostingKind> ParseMatchKind(std::string_view name);  // "volunteer_work" …
std::optional<match::Side> ParseMatchSide(std::string_view name);         // "request", "offer"
// "A1" … "C2" as the engine's level; "" is kNone; nullopt for anything else.
std::optional<match::Cefr> ParseMatchCefr(std::string_view name);
// "buddy:request": the kind and the person's own side.
std::optional<match::Want> ParseWant(std::string_view text);

// A calendar day "YYYY-MM-DD" (exactly that form, a real date); nullopt otherwise.
std::optional<match::Day> ParseDay(std::string_view text);
std::string FormatDay(match::Day day);
// The UTC calendar day of an instant.
match::Day DayOf(domain::Instant instant);

// The engine's view of a validated posting: its spots are its capacity less `taken` (pending
// and active matches), a missing start is `today`.
match::Posting ToMatchPosting(const store::PostingRecord& posting, int taken, match::Day today);

// The engine's view of a validated profile, with max_matches less `taken`; nullopt when the
// profile has no place (the engine needs a home to measure distances from).
std::optional<match::Profile> ToMatchProfile(const store::ProfileRecord& profile, int taken);

// A JSON array with one object per reason: {"code": "speaks_language", "value": "ti",
// "number": 0, "weekday": null, "part": null}; weekday (0 = Monday) and part ("morning",
// "afternoon", "evening") are set for "shared_slot" only.
std::string ReasonsJson(std::span<const match::Reason> reasons);
// The reasons of ReasonsJson back; entries that are not such objects (unknown codes, a weekday
// outside 0..6) are left out, and text that is not a JSON array gives none.
std::vector<match::Reason> ParseReasonsJson(std::string_view json);

}  // namespace knooppunt::exchange
