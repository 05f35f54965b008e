#include "search/query_builder.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "domain/schedule.h"
#include "domain/time.h"
#include "search/document.h"
#include "search/text.h"

namespace knooppunt::search {
namespace {

using Query = Xapian::Query;

// Nearness weight: kNearnessWeight × k / (distance + k), k in metres.
constexpr double kNearnessHalfDistance = 2000;
// Grid cells used to narrow a radius search before distances are computed.
constexpr int kMaxCells = 36;

bool HasArabicScript(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte >= 0xD8 && byte <= 0xDB;
  });
}

bool HasCyrillicScript(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte == 0xD0 || byte == 0xD1;
  });
}

// The index terms a typed word can match: its stem in Dutch, English, the visitor's language
// and its script's language, and the word itself.
std::set<std::string> StemsOf(const std::string& word, const std::string& language) {
  std::set<std::string> stems = {word, DutchStem(word), Stem("en", word)};
  if (language != "nl" && language != "en") stems.insert(Stem(language, word));
  if (HasArabicScript(word)) stems.insert(Stem("ar", word));
  if (HasCyrillicScript(word)) stems.insert(Stem("uk", word));
  stems.erase("");
  return stems;
}

// The taxonomy terms whose label has one of `stems` (their "L" terms in term documents).
std::set<std::string> LabelledTerms(const Xapian::Database& db,
                                    const std::set<std::string>& stems) {
  std::set<std::string> ids;
  for (const std::string& stem : stems) {
    std::string label = std::string(prefix::kLabel) + stem;
    for (auto it = db.postlist_begin(label); it != db.postlist_end(label); ++it) {
      std::string data = db.get_document(*it).get_data();
      if (data.size() > 1) ids.insert(data.substr(1));
    }
  }
  return ids;
}

bool Known(const Xapian::Database& db, const std::string& word, const std::string& language,
           const Lexicon& lexicon) {
  for (const std::string& stem : StemsOf(word, language)) {
    if (db.term_exists(stem) || db.term_exists(std::string(prefix::kLabel) + stem)) return true;
  }
  if (db.term_exists(std::string(prefix::kPart) + DutchStem(word))) return true;
  std::vector<std::string> parts = lexicon.SplitCompound(word);
  return !parts.empty() && std::all_of(parts.begin(), parts.end(), [&](const std::string& part) {
    std::string stem = DutchStem(part);
    return db.term_exists(stem) || db.term_exists(std::string(prefix::kPart) + stem);
  });
}

Query Synonym(const std::set<std::string>& terms) {
  std::vector<Query> queries(terms.begin(), terms.end());
  return Query(Query::OP_SYNONYM, queries.begin(), queries.end());
}

// How many documents have the word (as `stems` or as a compound's part), counted per form.
Xapian::doccount Frequency(const Xapian::Database& db, const std::string& word,
                           const std::set<std::string>& stems) {
  Xapian::doccount found = db.get_termfreq(std::string(prefix::kPart) + DutchStem(word));
  for (const std::string& stem : stems) found += db.get_termfreq(stem);
  return found;
}

// The query for one typed word (after correction): the word or a synonym (name words weigh
// more through their frequency, see kNameWdf); or the word as part of a compound in the text;
// or, when the word is a rare compound, its parts. Synonyms match whole words only: "woning" ~
// "huis" must not find "huiswerk".
Query WordQuery(const Xapian::Database& db, const std::string& word, const std::string& language,
                const Lexicon& lexicon) {
  std::set<std::string> stems = StemsOf(word, language);
  for (const std::string& synonym : lexicon.Synonyms(word)) {
    std::set<std::string> more = StemsOf(synonym, language);
    stems.insert(more.begin(), more.end());
  }
  // A word that names a need (in any UI language: "food", "الطعام") finds what is linked to it,
  // unless the word is common.
  const Xapian::doccount frequency = Frequency(db, word, stems);
  std::vector<Query> linked;
  if (frequency < db.get_doccount() / kCommonFraction) {
    for (const std::string& id : LabelledTerms(db, stems)) {
      linked.emplace_back(std::string(prefix::kTerm) + id);
    }
  }
  std::vector<Query> alternatives = {
      Query(Query::OP_SCALE_WEIGHT, Query(Query::OP_OR, linked.begin(), linked.end()),
            kLabelWeight),
      Synonym(stems),
      Query(Query::OP_SCALE_WEIGHT, Query(std::string(prefix::kPart) + DutchStem(word)),
            kPartWeight)};
  std::vector<std::string> parts = lexicon.SplitCompound(word);
  if (parts.size() >= 2 && frequency < kSplitBelow) {
    std::vector<Query> part_queries;
    for (const std::string& part : parts) {
      std::string stem = DutchStem(part);
      part_queries.emplace_back(Query::OP_OR, Query(stem),
                                Query(std::string(prefix::kPart) + stem));
    }
    alternatives.emplace_back(Query::OP_SCALE_WEIGHT,
                              Query(Query::OP_AND, part_queries.begin(), part_queries.end()),
                              kPartWeight);
  }
  return Query(Query::OP_OR, alternatives.begin(), alternatives.end());
}

// The text part; sets did_you_mean when a word was corrected.
Query TextQuery(const Xapian::Database& db, const SearchQuery& query, const Lexicon& lexicon,
                std::string& did_you_mean) {
  std::vector<std::string> words = Words(query.text);
  std::vector<std::string> meaningful;
  std::copy_if(words.begin(), words.end(), std::back_inserter(meaningful),
               [](const std::string& word) { return !IsStopword(word); });
  if (meaningful.empty()) meaningful = words;
  if (meaningful.empty()) {
    // Nothing typed: everything. Only signs typed ("*?["): nothing can match them.
    return query.text.empty() ? Query::MatchAll : Query::MatchNothing;
  }
  std::vector<Query> groups;
  std::string corrected_text;
  bool corrected = false;
  for (std::string word : meaningful) {
    // Typos only in longer words: short ones have too many neighbours.
    if (word.size() >= 5 && !Known(db, word, query.language, lexicon)) {
      std::string suggestion = db.get_spelling_suggestion(word, word.size() >= 8 ? 2 : 1);
      if (!suggestion.empty() && suggestion != word) {
        word = suggestion;
        corrected = true;
      }
    }
    if (!corrected_text.empty()) corrected_text += ' ';
    corrected_text += word;
    groups.push_back(WordQuery(db, word, query.language, lexicon));
  }
  if (corrected) did_you_mean = corrected_text;
  return Query(Query::OP_AND, groups.begin(), groups.end());
}

Query FilterQuery(const std::shared_ptr<const DocTable>& table, const SearchQuery& query,
                  DocumentKind kind) {
  std::vector<Query> filters = {Query(KindTerm(kind))};
  auto term = [&](std::string_view term_prefix, const std::optional<std::string>& value) {
    if (value) filters.emplace_back(std::string(term_prefix) + *value);
  };
  term(prefix::kTerm, query.taxonomy_term_id);
  term(prefix::kTaxonomy, query.taxonomy_id);
  term(prefix::kOrganization, query.organization_id);
  term(prefix::kOrgKind, query.organization_kind);
  term(prefix::kLanguage, query.language_offered);
  if (query.city) filters.emplace_back(std::string(prefix::kCity) + Fold(*query.city));
  if (query.postcode) {
    std::string postcode;
    for (char c : *query.postcode) {
      if (c != ' ') postcode += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    filters.emplace_back(std::string(prefix::kPostcode) + postcode);
  }
  if (query.modified_after) {
    filters.emplace_back(Query::OP_VALUE_GE, slot::kModified, *query.modified_after);
  }
  if (query.open_at) {
    // Only listings open in that hour; the exact minute is checked against each one's hours.
    domain::LocalTime at = domain::AmsterdamTime(*query.open_at);
    filters.emplace_back(OpenHourTerm(at.weekday, at.minute / 60));
  }
  if (query.age) filters.emplace_back((new AgeSource(table, *query.age))->release());
  return Query(Query::OP_AND, filters.begin(), filters.end());
}

// Boolean grid cells covering the circle, or nullopt when it is too large for cells to help.
std::optional<Query> CellQuery(domain::LatLon centre, double radius_km) {
  double dlat = radius_km / 111.32;
  double dlon = radius_km / (111.32 * std::max(0.01, std::cos(centre.latitude * M_PI / 180)));
  std::vector<double> sizes = CellSizes();
  for (int level = 0; level < static_cast<int>(sizes.size()); ++level) {
    double size = sizes[level];
    long row_from = static_cast<long>(std::floor((centre.latitude - dlat) / size));
    long row_to = static_cast<long>(std::floor((centre.latitude + dlat) / size));
    long column_from = static_cast<long>(std::floor((centre.longitude - dlon) / size));
    long column_to = static_cast<long>(std::floor((centre.longitude + dlon) / size));
    if ((row_to - row_from + 1) * (column_to - column_from + 1) > kMaxCells) continue;
    std::vector<Query> cells;
    for (long row = row_from; row <= row_to; ++row) {
      for (long column = column_from; column <= column_to; ++column) {
        cells.emplace_back(CellTerm(level, row, column));
      }
    }
    return Query(Query::OP_OR, cells.begin(), cells.end());
  }
  return std::nullopt;
}

Query NearnessQuery(const std::shared_ptr<const DocTable>& table, domain::LatLon centre,
                    double max_range_m) {
  auto* source = new NearnessSource(table, centre, max_range_m, kNearnessHalfDistance);
  return Query(Query::OP_SCALE_WEIGHT, Query(source->release()), kNearnessWeight);
}

// Verified listings first; recently verified (the last 12 months) more so.
Query VerifiedQuery(const std::shared_ptr<const DocTable>& table) {
  auto* source = new VerifiedSource(table, ThisMonth(), kVerifiedWeight, kRecentlyVerifiedWeight);
  return Query(source->release());
}

DocumentKind KindOf(Target target) {
  switch (target) {
    case Target::kOrganizations:
      return DocumentKind::kOrganization;
    case Target::kServiceAtLocations:
      return DocumentKind::kServiceAtLocation;
    case Target::kServices:
      break;
  }
  return DocumentKind::kService;
}

}  // namespace

Result<BuiltQuery> BuildQuery(const Xapian::Database& db,
                              const std::shared_ptr<const DocTable>& table,
                              const SearchQuery& query, const Lexicon& lexicon) {
  BuiltQuery built;
  Query text = TextQuery(db, query, lexicon, built.did_you_mean);
  if (!query.text.empty()) built.parts.emplace_back("text", text);
  Query filters = FilterQuery(table, query, KindOf(query.target));
  Query result(Query::OP_FILTER, text, filters);
  if (query.near) {
    if (query.radius_km) {
      Query nearness = NearnessQuery(table, *query.near, *query.radius_km * 1000);
      Query within = nearness;
      if (auto cells = CellQuery(*query.near, *query.radius_km)) {
        within = Query(Query::OP_FILTER, nearness, *cells);
      }
      result = Query(Query::OP_AND, result, within);
      built.parts.emplace_back("nearness", nearness);
    } else {
      Query nearness = NearnessQuery(table, *query.near, 0);
      result = Query(Query::OP_AND_MAYBE, result, nearness);
      built.parts.emplace_back("nearness", nearness);
    }
  }
  built.matching = result;
  Query verified = VerifiedQuery(table);
  result = Query(Query::OP_AND_MAYBE, result, verified);
  built.parts.emplace_back("verified", verified);
  built.query = result;
  return built;
}

}  // namespace knooppunt::search
