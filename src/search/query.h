// What a search asks and what it answers: the text a person typed, the filters that narrow it,
// the order, and per hit the score (with its parts when explaining) and distance.
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/geo.h"
#include "domain/time.h"

namespace knooppunt::search {

enum class Target { kServices, kOrganizations, kServiceAtLocations };

enum class Sort { kRelevance, kDistance, kName };

struct SearchQuery {
  Target target = Target::kServices;
  std::string text = "";        // what the person typed; empty = everything that passes the filters
  std::string language = "nl";  // the visitor's language (ISO 639-1): its stemmer is used too
  // Filters, combined with AND.
  std::optional<std::string> taxonomy_term_id = std::nullopt;  // the term or any of its children
  std::optional<std::string> taxonomy_id = std::nullopt;
  std::optional<std::string> organization_id = std::nullopt;
  std::optional<std::string> organization_kind = std::nullopt;  // slug, e.g. "mosque"
  std::optional<std::string> language_offered = std::nullopt;   // ISO 639 code, lower case
  std::optional<std::string> city = std::nullopt;
  std::optional<std::string> postcode = std::nullopt;        // service_at_locations only
  std::optional<std::string> modified_after = std::nullopt;  // normalised UTC date-time
  std::optional<domain::LatLon> near = std::nullopt;  // ranks nearer first; with radius: filter
  std::optional<double> radius_km = std::nullopt;     // only with `near`
  std::optional<domain::Instant> open_at = std::nullopt;
  std::optional<int> age = std::nullopt;
  Sort sort = Sort::kRelevance;
  int64_t offset = 0;
  int64_t limit = 50;
  bool explain = false;  // fill Hit::parts
  // Fill Hit::languages and Hit::places (pages show them; the API reads records instead).
  bool details = false;
  // Also count facets (SearchResult::facets) in the same pass over the matches.
  bool facets = false;
  // When set, Hit::open says whether each hit is open at this moment (no filtering).
  std::optional<domain::Instant> mark_open_at = std::nullopt;
};

struct ScorePart {
  std::string name;  // "text", "verified", "nearness"
  double score = 0;
};

struct Hit {
  std::string id;
  double score = 0;
  std::optional<double> distance_m = std::nullopt;  // to SearchQuery::near, nearest location
  std::vector<ScorePart> parts;                     // only when explaining
  std::vector<std::string> languages;               // ISO 639 codes offered (with details)
  std::vector<domain::LatLon> places;               // its locations (with details)
  bool open = false;                                // at SearchQuery::mark_open_at
};

struct FacetCount {
  std::string key;  // term id, language code, kind slug or city
  int64_t count = 0;
};

struct FacetCounts {
  int64_t total = 0;
  std::vector<FacetCount> terms;
  std::vector<FacetCount> languages;
  std::vector<FacetCount> kinds;
  std::vector<FacetCount> cities;
};

struct SearchResult {
  std::vector<Hit> hits;
  int64_t total = 0;         // all matches (exact up to kExactCount, estimated above)
  std::string did_you_mean;  // the query with misspelt words corrected; empty when none
  std::optional<FacetCounts> facets = std::nullopt;  // with SearchQuery::facets
};

// Up to this many matches are counted exactly; more are estimated.
inline constexpr int64_t kExactCount = 1000;

}  // namespace knooppunt::search
