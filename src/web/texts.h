// The words of the pages: every user-facing text, written once in plain Dutch (B1) and
// translated through the gettext catalogs in po/. Templates show them as {{T_KEY}}; texts with
// placeholders ({1}, {2}) are formatted in C++.
// Thread-safety: immutable data.
#pragma once

#include <span>
#include <string_view>

namespace knooppunt::web {

struct Text {
  std::string_view key;     // template variable without the "T_" prefix
  std::string_view msgid;   // the Dutch text
  std::string_view plural;  // the Dutch plural form (with {1} for the number), or empty
};

// Every text, in the order of the catalogs: the general ones of texts.cpp, then the sections
// kept beside the pages that use them.
std::span<const Text> Texts();

// Sections (each defined in its own file, included in Texts()).
std::span<const Text> ListingTexts();   // listing_texts.cpp: services, locations, hours
std::span<const Text> ExchangeTexts();  // exchange_texts.cpp: words of supply and demand
std::span<const Text> PostingTexts();   // posting_texts.cpp: postings and profiles
std::span<const Text> MatchTexts();     // match_texts.cpp: matches, messages, staff pages

// The Dutch text of a key; aborts in tests when the key is unknown (a programming error).
std::string_view Msgid(std::string_view key);

}  // namespace knooppunt::web
