// Text analysis for the search index, the same at index and at query time: folding (case and
// accents), splitting into words, stemming per language, Dutch compound splitting and synonyms.
// The word lists are data (lexicon/*.txt), compiled in.
// Thread-safety: the functions are pure; a Lexicon is immutable after construction and its
// methods may be called from any thread (stemmers are created per call site, not shared).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace knooppunt::search {

// Lower case, accents and Arabic diacritics removed: "Coördinatie" → "coordinatie",
// "Straße" → "strasse", "أطعمة" → "اطعمه"-like normal form. Invalid UTF-8 bytes are dropped.
std::string Fold(std::string_view text);

// The folded words of `text`: runs of letters and digits; everything else separates words.
std::vector<std::string> Words(std::string_view text);

// A normal form of a folded Dutch word that plural, diminutive and doubled-consonant forms
// share: "lessen" and "les" → "les", "maatjes" → "maat", "schulden" → "schuld".
std::string DutchStem(std::string_view folded_word);

// The stem of a folded word in `language` (ISO 639-1: "nl" uses DutchStem; "en", "ar", "tr" …
// use Xapian's Snowball stemmers). Empty when the language has no stemmer.
std::string Stem(std::string_view language, std::string_view folded_word);

// True for words that carry no meaning in a search ("de", "het", "ik", "zoek", "the").
bool IsStopword(std::string_view folded_word);

class Lexicon {
 public:
  // The lexicon from the compiled-in data files.
  static const Lexicon& Default();

  Lexicon(std::string_view compound_parts, std::string_view synonyms);

  // The parts of a Dutch compound, when it splits into known parts (with linking "s" or "e"
  // between them): "kledingbank" → {"kleding", "bank"}, "taallessen" → {"taal", "lessen"}.
  // Empty when the word is not a compound of known parts.
  std::vector<std::string> SplitCompound(std::string_view folded_word) const;

  // The other words of the synonym group of `folded_word` (matched on the word or its Dutch
  // stem); empty when it has none.
  std::vector<std::string> Synonyms(std::string_view folded_word) const;

 private:
  bool IsPart(std::string_view piece) const;
  std::vector<std::string> SplitUncached(std::string_view word) const;

  std::unordered_set<std::string> parts_;  // folded words and their Dutch stems
  std::vector<std::vector<std::string>> groups_;
  std::unordered_map<std::string, size_t> group_of_;  // word or stem → index in groups_
};

}  // namespace knooppunt::search
