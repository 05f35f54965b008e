// Dutch place names → coordinates, for the place of a posting or a profile (issue "Supply and
// demand"): completing what a person types, and resolving the name they chose. Both ignore case,
// accents, apostrophes and dashes. The data is the text of static/build/places-nl.tsv, which
// scripts/build-assets.mjs writes from GeoNames; reading the file is the caller's business.
// Thread-safety: a Gazetteer is immutable once made; its const methods may be called from any
// number of threads at once.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace knooppunt::domain {

struct Place {
  std::string name;      // as written in Dutch: "Den Haag", "'s-Hertogenbosch", "Grou"
  std::string province;  // one of the twelve: "Zuid-Holland", "Fryslân", …
  double latitude = 0;   // WGS 84 degrees (see geo.h)
  double longitude = 0;  // WGS 84 degrees
  // Prominence, higher first; stands in for population, which the data lacks: 2 when the place
  // gives its municipality its name, 1 when one name begins the other, 0 otherwise.
  int rank = 0;
};

// Text as compared: lower case, Latin accents removed, apostrophes and full stops dropped, every
// other run of non-letters one space: "'s-Hertogenbosch" → "s hertogenbosch", "Coördinatie" →
// "coordinatie", "St. Annaparochie" → "st annaparochie". Letters of other scripts are kept as
// they are. Place names are found by it; so are words in postings.
std::string FoldText(std::string_view text);

class Gazetteer {
 public:
  // A gazetteer without places: Find and Resolve find nothing.
  Gazetteer() = default;

  // Reads the places-nl.tsv format (one record a line, tab-separated; blank lines and lines
  // starting with "#" are skipped):
  //   place <TAB> name <TAB> province <TAB> latitude <TAB> longitude <TAB> rank
  //   alias <TAB> other name <TAB> name <TAB> province
  // An alias names a place line (name and province exactly) anywhere in the text. Failure:
  // kInvalidArgument whose field and message name the first bad line ("line 12"), or the whole
  // text when it holds no place.
  static Result<Gazetteer> Parse(std::string_view tsv);

  // Autocomplete: at most `limit` places whose name or alias begins with `query` once both are
  // folded (case, accents, apostrophes and dashes ignored; "'s-" and "'t " may be left off:
  // "hertogenbosch"). Best first: an exact name or alias, then higher rank, then alphabetical.
  // A place found through several of its names is listed once. Nothing for a query without
  // letters or digits.
  std::vector<Place> Find(std::string_view query, std::size_t limit) const;

  // The place called `name` (folded, so "den haag" and "'s-Gravenhage" both give Den Haag), in
  // `province` when that is not empty. When several places share the name, the highest rank
  // wins, which is the most populous as far as the data tells; ties go to the first in the file.
  // nullopt when no place has the name.
  std::optional<Place> Resolve(std::string_view name, std::string_view province = {}) const;

  std::size_t size() const { return places_.size(); }

 private:
  enum class KeyKind { kName, kAlias, kWithoutArticle };
  struct Key {
    std::string folded;
    std::size_t place;  // index in places_
    KeyKind kind;
  };

  std::vector<Place> places_;
  std::vector<std::string> folded_names_;  // beside places_, for ordering
  std::vector<Key> keys_;                  // sorted by `folded`
};

}  // namespace knooppunt::domain
