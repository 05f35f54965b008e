// Checks of what people type into postings and profiles, before anything is stored or matched:
// lengths in code points, clean UTF-8, known codes, ranges, dates. Each failure is
// kInvalidArgument naming the field ("title", "languages[1]", "certificates[0]").
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string_view>

#include "domain/result.h"
#include "match/model.h"

namespace knooppunt::store {
struct PostingRecord;
struct ProfileRecord;
}  // namespace knooppunt::store

namespace knooppunt::exchange {

// Every field a person writes (id, author, status and times are the exchange's to set).
Status ValidatePosting(const store::PostingRecord& posting);

// Every field a person writes; a birth date must lie before `today`.
Status ValidateProfile(const store::ProfileRecord& profile, match::Day today);

// Free text: clean UTF-8 without NUL, min..max code points.
Status ValidateText(const char* field, std::string_view text, size_t min_length, size_t max_length);

}  // namespace knooppunt::exchange
