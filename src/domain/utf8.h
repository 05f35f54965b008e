// Checks on text that arrives from outside: strict UTF-8 and no NUL bytes, before any of it is
// stored, indexed or handed to C APIs that would stop at a NUL; and folding Latin diacritics.
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string_view>

namespace knooppunt::domain {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view text);

// The number of code points of valid UTF-8 `text` (what people count as characters, roughly).
size_t CodePoints(std::string_view text);

// Valid UTF-8 without NUL bytes.
bool IsCleanText(std::string_view text);

// A lower-case Latin letter with diacritics (U+00DF–U+017F) → its base letters ("ë" → "e",
// "ß" → "ss", "ĳ" → "ij"); "" for other code points and the few that are not letters (÷). How
// search and place names fold "Coördinatie" to "coordinatie".
std::string_view LatinBase(char32_t ch);

}  // namespace knooppunt::domain
