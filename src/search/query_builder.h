// Turns a SearchQuery into a Xapian query: each typed word becomes its stems in Dutch, English
// and the visitor's language, its synonyms and compound parts, with typos corrected from the
// index's spelling dictionary; filters are boolean terms and value ranges; boosts for names,
// verified listings and nearness are weighted parts that Explain can show one by one.
// Thread-safety: pure functions; `db` is read only.
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "domain/result.h"
#include "search/doc_table.h"
#include "search/query.h"

namespace knooppunt::search {

class Lexicon;

struct BuiltQuery {
  Xapian::Query query;
  // The same matches without the verified boost, for counting them (facets) only.
  Xapian::Query matching;
  std::string did_you_mean;  // the text with corrected words, when any was corrected
  // The weighted parts of `query` ("text", "verified", "nearness"), for explaining scores.
  std::vector<std::pair<std::string, Xapian::Query>> parts;
};

// Weights of the boosts, next to BM25 scores of the text (typically 1–10 per word).
inline constexpr double kPartWeight = 0.7;              // multiplies matches on compound parts
inline constexpr double kLabelWeight = 1.0;             // multiplies matches through a need's label
inline constexpr double kVerifiedWeight = 0.5;          // verified at some time
inline constexpr double kRecentlyVerifiedWeight = 1.0;  // and within the last 12 months
inline constexpr double kNearnessWeight = 2.0;          // at the place; half of it at 2 km

// A typed compound also matches its parts ("huiswerkhulp": huiswerk and hulp) when fewer
// documents than this have the whole word. The parts are a fallback for recall: for a common
// compound they walked many more candidates (a tenth of all search time) for little gain.
inline constexpr Xapian::doccount kSplitBelow = 50;
// A word that at least this fraction of all documents has ("hulp": one in four) is common: it
// does not also find what is linked to the needs whose labels have it. It finds many listings by
// itself, and those links (every listing of "Juridische hulp", "Noodhulp", …) made it the slowest
// search (p99 6.9 → 3.6 ms for text searches at 100 000 services).
inline constexpr Xapian::doccount kCommonFraction = 10;  // 1 / 10

// `table` must be the DocTable of `db`.
Result<BuiltQuery> BuildQuery(const Xapian::Database& db,
                              const std::shared_ptr<const DocTable>& table,
                              const SearchQuery& query, const Lexicon& lexicon);

}  // namespace knooppunt::search
