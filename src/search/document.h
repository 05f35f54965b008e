// How a service, an organisation or a service at a location becomes a Xapian document: the
// terms (text, filters, the records it was built from) and the value slots (sorting, distance,
// opening hours, ages, facets). Index and query code share these names.
// Thread-safety: pure functions over a Snapshot.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "search/snapshot.h"

namespace knooppunt::search {

class Lexicon;

// Term prefixes.
namespace prefix {
inline constexpr std::string_view kId = "Q";          // Q + kind letter + record id
inline constexpr std::string_view kKind = "K";        // K + kind letter
inline constexpr std::string_view kDependsOn = "R";   // R + id of a record the document uses
inline constexpr std::string_view kPart = "P";        // P + Dutch stem of a compound's part
inline constexpr std::string_view kLabel = "L";       // L + stem of a word of a term's label
inline constexpr std::string_view kCompletion = "A";  // A + folded word, for autocompletion
inline constexpr std::string_view kTerm = "XT";      // taxonomy term id and its ancestors; weighted
inline constexpr std::string_view kTaxonomy = "XX";  // taxonomy id
inline constexpr std::string_view kOrgKind = "XK";   // organisation kind slug
inline constexpr std::string_view kLanguage = "XL";  // ISO 639 code of a language offered
inline constexpr std::string_view kCity = "XC";      // folded city
inline constexpr std::string_view kOrganization = "XO";
inline constexpr std::string_view kService = "XS";   // on service-at-location documents
inline constexpr std::string_view kPostcode = "XP";  // upper case, no spaces
inline constexpr std::string_view kCell = "XG";      // geographic grid cell, see CellTerms
inline constexpr std::string_view kVerified = "XV";  // verified at some time
// Open during some part of a local hour: XH + weekday digit (0 = Monday) + two-digit hour. Narrows
// an open-at search before the exact check of the hours value.
inline constexpr std::string_view kOpenHour = "XH";
}  // namespace prefix

// Value slots.
namespace slot {
inline constexpr Xapian::valueno kName = 0;         // folded name, for sort=name
inline constexpr Xapian::valueno kCoordinates = 1;  // Xapian::LatLongCoords
inline constexpr Xapian::valueno kHours = 2;        // domain::SerialiseIntervals
inline constexpr Xapian::valueno kMinimumAge = 3;   // sortable_serialise, 0 when open
inline constexpr Xapian::valueno kMaximumAge = 4;   // sortable_serialise, 999 when open
// Need terms, languages, kinds and cities, each joined by kFacetSeparator, the four groups by
// kFacetGroupSeparator.
inline constexpr Xapian::valueno kFacets = 5;
inline constexpr Xapian::valueno kModified = 9;        // normalised UTC date-time
inline constexpr Xapian::valueno kVerifiedMonth = 10;  // YYYYMM of the last verification
}  // namespace slot

// How many mentions a word of a listing's name counts as (BM25 weighs its frequency).
inline constexpr Xapian::termcount kNameWdf = 5;

inline constexpr char kFacetSeparator = '\x1f';
inline constexpr char kFacetGroupSeparator = '\x1e';

enum class DocumentKind : char {
  kService = 's',
  kOrganization = 'o',
  kServiceAtLocation = 'l',
  kTerm = 't',  // a taxonomy term's labels in every language, to find the listings linked to it
};

std::string IdTerm(DocumentKind kind, std::string_view id);
std::string KindTerm(DocumentKind kind);

// Grid cells containing a point, one per level (cells of 0.05°, 0.25° and 1°).
std::vector<std::string> CellTerms(double latitude, double longitude);
// The cell size in degrees of each level, smallest first.
std::vector<double> CellSizes();
std::string CellTerm(int level, long row, long column);
// The kOpenHour term of a local weekday (0 = Monday) and hour.
std::string OpenHourTerm(int weekday, int hour);

struct IndexedDocument {
  std::string id_term;
  Xapian::Document document;           // data: the kind letter and the record id
  std::vector<std::string> spellings;  // words for the spelling dictionary
};

// The document of a service, followed by one per service-at-location link.
std::vector<IndexedDocument> ServiceDocuments(const Snapshot& snapshot, const Service& service,
                                              const Lexicon& lexicon);
// The document of a service alone.
IndexedDocument ServiceDocument(const Snapshot& snapshot, const Service& service,
                                const Lexicon& lexicon);
// One document per service-at-location link of a service.
std::vector<IndexedDocument> ServiceAtLocationDocuments(const Snapshot& snapshot,
                                                        const Service& service,
                                                        const Lexicon& lexicon);
// The labels of a taxonomy term in every language ("L" terms); a query word that names a term
// matches the listings with that term's XT term.
IndexedDocument TermDocument(const std::string& id, const Term& term, const Lexicon& lexicon);
IndexedDocument OrganizationDocument(const Snapshot& snapshot, const Organization& organization,
                                     const Lexicon& lexicon);

}  // namespace knooppunt::search
