#include "search/text.h"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "domain/utf8.h"

namespace knooppunt::search {

std::string_view compound_parts();  // src/search/lexicon/compound_parts.txt, compiled in
std::string_view synonyms();        // src/search/lexicon/synonyms.txt, compiled in

namespace {

using Xapian::Unicode::category;

// Arabic-script letters that are written in several ways → one form.
unsigned ArabicNormal(unsigned ch) {
  switch (ch) {
    case 0x622:  // آ
    case 0x623:  // أ
    case 0x625:  // إ
      return 0x627;
    case 0x649:  // ى
    case 0x6CC:  // Persian ی
      return 0x64A;
    case 0x6A9:  // Persian ک
      return 0x643;
    case 0x629:  // ة
      return 0x647;
    default:
      return ch;
  }
}

bool IsWordChar(Xapian::Unicode::category c) {
  switch (c) {
    case Xapian::Unicode::UPPERCASE_LETTER:
    case Xapian::Unicode::LOWERCASE_LETTER:
    case Xapian::Unicode::TITLECASE_LETTER:
    case Xapian::Unicode::OTHER_LETTER:
    case Xapian::Unicode::DECIMAL_DIGIT_NUMBER:
      return true;
    default:
      return false;
  }
}

bool IsMark(Xapian::Unicode::category c) {
  return c == Xapian::Unicode::NON_SPACING_MARK || c == Xapian::Unicode::ENCLOSING_MARK ||
         c == Xapian::Unicode::COMBINING_SPACING_MARK ||
         c == Xapian::Unicode::MODIFIER_LETTER;  // includes the Arabic tatweel
}

// Calls emit(folded piece, is_word_char) for every code point of `text`.
template <typename Emit>
void ForEachFolded(std::string_view text, Emit emit) {
  std::string piece;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    unsigned ch = *it;
    // Invalid UTF-8 comes back byte by byte as U+0080–U+00FF; valid text never starts those
    // code points with the same byte.
    if (ch >= 0x80 && ch <= 0xFF && static_cast<unsigned char>(*it.raw()) == ch) continue;
    auto cat = Xapian::Unicode::get_category(ch);
    if (IsMark(cat)) continue;
    bool word = IsWordChar(cat);
    ch = ArabicNormal(Xapian::Unicode::tolower(ch));
    piece.clear();
    if (std::string_view base = domain::LatinBase(ch); !base.empty()) {
      piece = base;
    } else {
      Xapian::Unicode::append_utf8(piece, ch);
    }
    emit(piece, word);
  }
}

Xapian::Stem* Stemmer(std::string_view language) {
  static constexpr std::array<std::pair<std::string_view, const char*>, 5> kStemmers = {{
      {"en", "english"},
      {"ar", "arabic"},
      {"fa", "arabic"},  // Persian shares the script; the Arabic stemmer removes little harm
      {"tr", "turkish"},
      {"uk", "russian"},  // closest Snowball stemmer to Ukrainian
  }};
  thread_local std::map<std::string, Xapian::Stem, std::less<>> cache;
  auto it = cache.find(language);
  if (it != cache.end()) return &it->second;
  for (const auto& [code, name] : kStemmers) {
    if (code == language)
      return &cache.emplace(std::string(language), Xapian::Stem(name)).first->second;
  }
  return nullptr;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Lines of a data file without comments and blank lines.
std::vector<std::string_view> DataLines(std::string_view data) {
  std::vector<std::string_view> lines;
  while (!data.empty()) {
    size_t end = data.find('\n');
    std::string_view line = data.substr(0, end);
    data = end == std::string_view::npos ? std::string_view() : data.substr(end + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (!line.empty() && line.front() != '#') lines.push_back(line);
  }
  return lines;
}

}  // namespace

std::string Fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachFolded(text, [&](const std::string& piece, bool) { out += piece; });
  return out;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  ForEachFolded(text, [&](const std::string& piece, bool is_word) {
    if (is_word) {
      word += piece;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  });
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// Stemming and splitting the same words again and again is most of an index build's work; each
// thread remembers the words it has seen (bounded).
template <typename Value>
class WordCache {
 public:
  template <typename Make>
  const Value& Get(std::string_view word, Make make) {
    auto it = values_.find(word);
    if (it != values_.end()) return it->second;
    if (values_.size() > 200000) values_.clear();
    return values_.emplace(std::string(word), make()).first->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>()(key); }
  };
  std::unordered_map<std::string, Value, Hash, std::equal_to<>> values_;
};

std::string DutchStemUncached(std::string_view folded_word);

std::string DutchStem(std::string_view folded_word) {
  thread_local WordCache<std::string> cache;
  return cache.Get(folded_word, [&] { return DutchStemUncached(folded_word); });
}

std::string DutchStemUncached(std::string_view folded_word) {
  std::string word(folded_word);
  if (!IsAscii(word)) return word;
  // Diminutives: "maatje(s)" → "maat". Snowball's Dutch stemmer leaves them apart.
  if (word.size() >= 6 && EndsWith(word, "jes")) {
    word.resize(word.size() - 3);
  } else if (word.size() >= 5 && EndsWith(word, "je")) {
    word.resize(word.size() - 2);
  }
  thread_local Xapian::Stem dutch("dutch");
  std::string stem = dutch(word);
  // Plurals double a consonant after a short vowel ("lessen", "bussen"); the stemmer keeps it.
  size_t n = stem.size();
  if (n >= 3 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1])) stem.pop_back();
  return stem;
}

std::string Stem(std::string_view language, std::string_view folded_word) {
  if (language == "nl") return DutchStem(folded_word);
  Xapian::Stem* stemmer = Stemmer(language);
  return stemmer ? (*stemmer)(std::string(folded_word)) : std::string();
}

bool IsStopword(std::string_view folded_word) {
  static const std::unordered_set<std::string_view> kStopwords = {
      "de",  "het",  "een", "en", "of",   "van", "voor", "in",   "op",     "met",
      "bij", "aan",  "te",  "ik", "zoek", "wil", "naar", "mijn", "er",     "is",
      "die", "dat",  "the", "a",  "an",   "and", "or",   "for",  "to",     "at",
      "i",   "need", "my",  "is", "are",  "on",  "with", "want", "looking"};
  return kStopwords.contains(folded_word);
}

const Lexicon& Lexicon::Default() {
  static const Lexicon lexicon(compound_parts(), synonyms());
  return lexicon;
}

Lexicon::Lexicon(std::string_view compound_parts, std::string_view synonyms) {
  for (std::string_view line : DataLines(compound_parts)) {
    std::string word = Fold(line);
    if (word.size() < 3) continue;
    parts_.insert(DutchStem(word));
    parts_.insert(std::move(word));
  }
  for (std::string_view line : DataLines(synonyms)) {
    std::vector<std::string> group;
    for (std::string& word : Words(line)) {
      if (std::find(group.begin(), group.end(), word) == group.end()) group.push_back(word);
    }
    if (group.size() < 2) continue;
    for (const std::string& word : group) {
      group_of_.emplace(word, groups_.size());
      group_of_.emplace(DutchStem(word), groups_.size());
    }
    groups_.push_back(std::move(group));
  }
}

bool Lexicon::IsPart(std::string_view piece) const {
  if (piece.size() < 3) return false;
  std::string key(piece);
  if (parts_.contains(key)) return true;
  return piece.size() >= 5 && parts_.contains(DutchStem(key));
}

std::vector<std::string> Lexicon::SplitCompound(std::string_view word) const {
  if (word.size() < 6 || !IsAscii(word)) return {};
  if (this != &Default()) return SplitUncached(word);
  thread_local WordCache<std::vector<std::string>> cache;
  return cache.Get(word, [&] { return SplitUncached(word); });
}

std::vector<std::string> Lexicon::SplitUncached(std::string_view word) const {
  const size_t n = word.size();
  // best[i]: the fewest known parts that spell word[i..n) (linking "s"/"e"/"en" allowed after a
  // part), preferring parts listed as they are over parts found through their stem.
  struct Split {
    std::vector<std::string> parts;
    int inexact = 0;
    bool operator<(const Split& other) const {
      return parts.size() != other.parts.size() ? parts.size() < other.parts.size()
                                                : inexact < other.inexact;
    }
  };
  std::vector<std::optional<Split>> best(n + 1);
  best[n] = Split{};
  for (size_t i = n; i-- > 0;) {
    for (size_t j = n; j >= i + 3; --j) {
      std::string_view piece = word.substr(i, j - i);
      if (!IsPart(piece)) continue;
      bool exact = parts_.contains(std::string(piece));
      for (std::string_view linker : {"", "s", "e", "en"}) {
        size_t next = j + linker.size();
        if (next > n || (!linker.empty() && (next == n || word.substr(j, linker.size()) != linker)))
          continue;
        if (!best[next]) continue;
        Split candidate{{std::string(piece)}, best[next]->inexact + (exact ? 0 : 1)};
        candidate.parts.insert(candidate.parts.end(), best[next]->parts.begin(),
                               best[next]->parts.end());
        if (!best[i] || candidate < *best[i]) best[i] = std::move(candidate);
      }
    }
  }
  if (best[0] && best[0]->parts.size() >= 2) return best[0]->parts;
  // A known first part and an unknown remainder of at least four letters: "kledinginzameling".
  for (size_t j = n - 4; j >= 3; --j) {
    std::string_view head = word.substr(0, j);
    if (IsPart(head)) return {std::string(head), std::string(word.substr(j))};
  }
  return {};
}

std::vector<std::string> Lexicon::Synonyms(std::string_view folded_word) const {
  auto it = group_of_.find(std::string(folded_word));
  if (it == group_of_.end()) it = group_of_.find(DutchStem(folded_word));
  if (it == group_of_.end()) return {};
  std::vector<std::string> others;
  for (const std::string& word : groups_[it->second]) {
    if (word != folded_word) others.push_back(word);
  }
  return others;
}

}  // namespace knooppunt::search
