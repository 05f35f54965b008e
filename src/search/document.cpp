#include "search/document.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>

#include "domain/schedule.h"
#include "domain/taxonomy.h"
#include "search/text.h"

namespace knooppunt::search {
namespace {

constexpr double kCellSizes[] = {0.05, 0.25, 1.0};

// Organisation kind term id → slug.
const std::unordered_map<std::string, std::string>& KindSlugs() {
  static const auto* slugs = [] {
    auto* map = new std::unordered_map<std::string, std::string>;
    for (const auto& term : domain::OrganizationKindTerms()) {
      (*map)[domain::TermId("organization-kind", term.slug)] = std::string(term.slug);
    }
    return map;
  }();
  return *slugs;
}

std::string Join(const std::set<std::string>& keys) {
  std::string out;
  for (const std::string& key : keys) {
    if (!out.empty()) out += kFacetSeparator;
    out += key;
  }
  return out;
}

// Collects what one document holds, then writes it.
class Builder {
 public:
  explicit Builder(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Indexes `text` written in `language`; name words also count as name matches.
  void Text(std::string_view text, std::string_view language, bool name = false) {
    const bool dutch = language == "nl" || language.empty();
    for (const std::string& word : Words(text)) {
      if (IsStopword(word)) continue;
      std::string stem = dutch ? DutchStem(word) : Stem(language, word);
      if (stem.empty()) stem = word;
      AddWord(stem, name);
      if (!dutch && stem != word) AddWord(word, name);
      if (dutch) AddParts(word, name ? kNameWdf : 1, 0);
      if (word.size() >= 3) document_.add_term(std::string(prefix::kCompletion) + word, 0);
      if (word.size() >= 4) spellings_.push_back(word);
    }
  }

  // The words of a term's label, as "L" terms of the term's own document.
  void Label(std::string_view text, std::string_view language) {
    const bool dutch = language == "nl" || language.empty();
    for (const std::string& word : Words(text)) {
      if (IsStopword(word)) continue;
      std::string stem = dutch ? DutchStem(word) : Stem(language, word);
      if (stem.empty()) stem = word;
      document_.add_term(std::string(prefix::kLabel) + stem);
      if (stem != word) document_.add_term(std::string(prefix::kLabel) + word);
      if (dutch) {
        for (const std::string& part : lexicon_.SplitCompound(word)) {
          document_.add_term(std::string(prefix::kLabel) + DutchStem(part));
        }
      }
      if (word.size() >= 4) spellings_.push_back(word);
    }
  }

  void Boolean(std::string_view prefix, std::string_view value) {
    if (!value.empty()) document_.add_boolean_term(std::string(prefix) + std::string(value));
  }

  void DependsOn(const std::vector<std::string>& ids) {
    for (const std::string& id : ids) Boolean(prefix::kDependsOn, id);
  }

  // The taxonomy terms a listing is linked to, with their ancestors: a weighted term each (a
  // word that names the term finds the listing through it, see TermDocument) and facets. The
  // labels themselves live once, in the term's own document.
  void Terms(const Snapshot& snapshot, const std::vector<std::string>& term_ids) {
    for (const std::string& first : term_ids) {
      std::string id = first;
      for (int depth = 0; depth < 8 && !id.empty(); ++depth) {  // depth bound: cycles in data
        auto it = snapshot.terms.find(id);
        if (it != snapshot.terms.end() &&
            it->second.taxonomy_id == domain::KnooppuntFieldsTaxonomyId()) {
          break;  // a field such as last-verified, not a subject
        }
        if (linked_terms_.insert(id).second) {
          document_.add_term(std::string(prefix::kTerm) + id);
        }
        if (it == snapshot.terms.end()) break;
        const Term& term = it->second;
        Boolean(prefix::kTaxonomy, term.taxonomy_id);
        if (term.taxonomy_id == domain::NeedsTaxonomyId()) facet_terms_.insert(id);
        if (auto kind = KindSlugs().find(id); kind != KindSlugs().end()) {
          Boolean(prefix::kOrgKind, kind->second);
          facet_kinds_.insert(kind->second);
        }
        id = term.parent_id;
      }
    }
  }

  void Languages(const Service& service) {
    for (const std::string& code : service.language_codes) {
      Boolean(prefix::kLanguage, code);
      facet_languages_.insert(code);
    }
    for (const std::string& name : service.language_names) Text(name, "nl");
  }

  void Place(const Location& location) {
    for (const std::string& city : location.cities) {
      std::string folded = Fold(city);
      if (folded.empty()) continue;
      Boolean(prefix::kCity, folded);
      facet_cities_.insert(city);
      Text(city, "nl");
    }
    for (const std::string& postcode : location.postcodes) Boolean(prefix::kPostcode, postcode);
    if (location.latitude && location.longitude && std::abs(*location.latitude) <= 90 &&
        std::abs(*location.longitude) <= 180) {
      coordinates_.append(Xapian::LatLongCoord(*location.latitude, *location.longitude));
      for (const std::string& cell : CellTerms(*location.latitude, *location.longitude)) {
        document_.add_boolean_term(cell);
      }
    }
    DependsOn(location.record_ids);
  }

  void Hours(const std::vector<domain::OpeningInterval>& hours) {
    hours_.insert(hours_.end(), hours.begin(), hours.end());
  }

  void Ages(std::optional<int> minimum, std::optional<int> maximum) {
    minimum_age_ = std::min(minimum_age_, minimum.value_or(0));
    maximum_age_ = std::max(maximum_age_, maximum.value_or(999));
  }

  void Verified(const std::string& date) {
    if (date.size() < 7) return;
    document_.add_boolean_term(std::string(prefix::kVerified));
    verified_month_ = date.substr(0, 4) + date.substr(5, 2);
  }

  IndexedDocument Finish(DocumentKind kind, const std::string& id, const std::string& name,
                         const std::string& modified) {
    IndexedDocument out;
    out.id_term = IdTerm(kind, id);
    document_.add_boolean_term(out.id_term);
    document_.add_boolean_term(KindTerm(kind));
    document_.set_data(static_cast<char>(kind) + id);
    document_.add_value(slot::kName, Fold(name));
    if (!coordinates_.empty()) document_.add_value(slot::kCoordinates, coordinates_.serialise());
    if (!hours_.empty()) {
      document_.add_value(slot::kHours, domain::SerialiseIntervals(hours_));
      AddOpenHours();
    }
    document_.add_value(slot::kMinimumAge,
                        Xapian::sortable_serialise(minimum_age_ == 1000 ? 0 : minimum_age_));
    document_.add_value(slot::kMaximumAge,
                        Xapian::sortable_serialise(maximum_age_ < 0 ? 999 : maximum_age_));
    // One value for all four facets, read into the DocTable once per index revision.
    document_.add_value(slot::kFacets, Join(facet_terms_) + kFacetGroupSeparator +
                                           Join(facet_languages_) + kFacetGroupSeparator +
                                           Join(facet_kinds_) + kFacetGroupSeparator +
                                           Join(facet_cities_));
    if (!modified.empty()) document_.add_value(slot::kModified, modified);
    if (!verified_month_.empty()) document_.add_value(slot::kVerifiedMonth, verified_month_);
    out.document = std::move(document_);
    out.spellings = std::move(spellings_);
    return out;
  }

 private:
  // A word of the name counts as kNameWdf mentions: with BM25's saturation a name match then
  // outweighs a few mentions in the description, without a separate name term to walk.
  void AddWord(const std::string& stem, bool name) {
    document_.add_term(stem, name ? kNameWdf : 1);
  }

  // A kOpenHour term for every local hour some interval covers a part of (valid_from and
  // valid_to aside): a superset of the moments domain::IsOpen accepts.
  void AddOpenHours() {
    constexpr int kMinutesPerDay = 24 * 60;
    std::set<std::pair<int, int>> hours;                             // weekday, hour
    auto cover = [&](int weekday, int from_minute, int to_minute) {  // to_minute exclusive
      for (int hour = from_minute / 60; hour <= (to_minute - 1) / 60; ++hour) {
        hours.emplace(weekday, hour);
      }
    };
    for (const domain::OpeningInterval& interval : hours_) {
      if (interval.weekday < 0 || interval.weekday > 6 || interval.opens < 0 ||
          interval.opens >= kMinutesPerDay || interval.closes < 1 ||
          interval.closes > kMinutesPerDay) {
        continue;  // never serialised, so never open
      }
      if (interval.closes > interval.opens) {
        cover(interval.weekday, interval.opens, interval.closes);
      } else {  // overnight: the evening of its weekday and the early hours of the next
        cover(interval.weekday, interval.opens, kMinutesPerDay);
        cover((interval.weekday + 1) % 7, 0, interval.closes);
      }
    }
    for (const auto& [weekday, hour] : hours) {
      document_.add_boolean_term(OpenHourTerm(weekday, hour));
    }
  }

  // The parts of a compound, and theirs: "schuldhulpverlening" → schuld, hulpverlening, hulp,
  // verlening. Parts of a name word count as often as the word.
  void AddParts(const std::string& word, Xapian::termcount wdf, int depth) {
    if (depth >= 3) return;
    for (const std::string& part : lexicon_.SplitCompound(word)) {
      document_.add_term(std::string(prefix::kPart) + DutchStem(part), wdf);
      AddParts(part, wdf, depth + 1);
    }
  }

  const Lexicon& lexicon_;
  Xapian::Document document_;
  std::vector<std::string> spellings_;
  Xapian::LatLongCoords coordinates_;
  std::vector<domain::OpeningInterval> hours_;
  int minimum_age_ = 1000;  // narrowed by Ages(); 1000 = never set
  int maximum_age_ = -1;
  std::string verified_month_;  // YYYYMM of the last verification, or empty
  std::set<std::string> linked_terms_;
  std::set<std::string> facet_terms_, facet_languages_, facet_kinds_, facet_cities_;
};

// The text, terms and organisation of a service: everything but places and hours.
void DescribeService(Builder& builder, const Snapshot& snapshot, const Service& service) {
  builder.Text(service.name, "nl", true);
  builder.Text(service.alternate_name, "nl", true);
  builder.Text(service.description, "nl");
  builder.Text(service.eligibility, "nl");
  for (const Text& translation : service.translations) {
    builder.Text(translation.text, translation.language);
  }
  builder.Terms(snapshot, service.term_ids);
  builder.Languages(service);
  builder.Ages(service.minimum_age, service.maximum_age);
  builder.DependsOn(service.record_ids);
  builder.Boolean(prefix::kOrganization, service.organization_id);
  auto organization = snapshot.organizations.find(service.organization_id);
  if (organization != snapshot.organizations.end()) {
    const Organization& org = organization->second;
    builder.Text(org.name, "nl");
    builder.Text(org.alternate_name, "nl");
    builder.Terms(snapshot, org.term_ids);
    builder.Verified(org.verified_on);
    builder.DependsOn(org.record_ids);
  }
}

const Location* FindLocation(const Snapshot& snapshot, const std::string& id) {
  auto it = snapshot.locations.find(id);
  return it == snapshot.locations.end() ? nullptr : &it->second;
}

// The hours that apply at a link: its own, else the service's, else the location's.
const std::vector<domain::OpeningInterval>& HoursAt(const Service& service,
                                                    const ServiceAtLocation& at,
                                                    const Location* location) {
  if (!at.hours.empty()) return at.hours;
  if (!service.hours.empty() || location == nullptr) return service.hours;
  return location->hours;
}

}  // namespace

std::string IdTerm(DocumentKind kind, std::string_view id) {
  return std::string(prefix::kId) + static_cast<char>(kind) + std::string(id);
}

std::string KindTerm(DocumentKind kind) {
  return std::string(prefix::kKind) + static_cast<char>(kind);
}

std::vector<double> CellSizes() { return {std::begin(kCellSizes), std::end(kCellSizes)}; }

std::string CellTerm(int level, long row, long column) {
  return std::string(prefix::kCell) + std::to_string(level) + ":" + std::to_string(row) + ":" +
         std::to_string(column);
}

std::string OpenHourTerm(int weekday, int hour) {
  char text[8];
  std::snprintf(text, sizeof text, "%d%02d", weekday, hour);
  return std::string(prefix::kOpenHour) + text;
}

std::vector<std::string> CellTerms(double latitude, double longitude) {
  std::vector<std::string> cells;
  for (int level = 0; level < static_cast<int>(std::size(kCellSizes)); ++level) {
    double size = kCellSizes[level];
    cells.push_back(CellTerm(level, static_cast<long>(std::floor(latitude / size)),
                             static_cast<long>(std::floor(longitude / size))));
  }
  return cells;
}

IndexedDocument ServiceDocument(const Snapshot& snapshot, const Service& service,
                                const Lexicon& lexicon) {
  Builder whole(lexicon);
  DescribeService(whole, snapshot, service);
  whole.Hours(service.hours);
  for (const ServiceAtLocation& at : service.locations) {
    const Location* location = FindLocation(snapshot, at.location_id);
    if (location != nullptr) whole.Place(*location);
    if (service.hours.empty()) whole.Hours(HoursAt(service, at, location));
    whole.DependsOn(at.record_ids);
  }
  return whole.Finish(DocumentKind::kService, service.id, service.name, service.last_modified);
}

std::vector<IndexedDocument> ServiceAtLocationDocuments(const Snapshot& snapshot,
                                                        const Service& service,
                                                        const Lexicon& lexicon) {
  std::vector<IndexedDocument> documents;
  for (const ServiceAtLocation& at : service.locations) {
    Builder one(lexicon);
    DescribeService(one, snapshot, service);
    const Location* location = FindLocation(snapshot, at.location_id);
    if (location != nullptr) one.Place(*location);
    one.Hours(HoursAt(service, at, location));
    one.DependsOn(at.record_ids);
    one.Boolean(prefix::kService, service.id);
    IndexedDocument document =
        one.Finish(DocumentKind::kServiceAtLocation, at.id, service.name, service.last_modified);
    document.spellings.clear();  // the service document already counts these words
    documents.push_back(std::move(document));
  }
  return documents;
}

std::vector<IndexedDocument> ServiceDocuments(const Snapshot& snapshot, const Service& service,
                                              const Lexicon& lexicon) {
  std::vector<IndexedDocument> documents = ServiceAtLocationDocuments(snapshot, service, lexicon);
  documents.insert(documents.begin(), ServiceDocument(snapshot, service, lexicon));
  return documents;
}

IndexedDocument TermDocument(const std::string& id, const Term& term, const Lexicon& lexicon) {
  Builder builder(lexicon);
  for (const Text& label : term.labels) builder.Label(label.text, label.language);
  builder.DependsOn(term.record_ids);
  return builder.Finish(DocumentKind::kTerm, id, term.labels.empty() ? id : term.labels[0].text,
                        "");
}

IndexedDocument OrganizationDocument(const Snapshot& snapshot, const Organization& organization,
                                     const Lexicon& lexicon) {
  Builder builder(lexicon);
  builder.Text(organization.name, "nl", true);
  builder.Text(organization.alternate_name, "nl", true);
  builder.Text(organization.description, "nl");
  for (const Text& translation : organization.translations) {
    builder.Text(translation.text, translation.language);
  }
  builder.Terms(snapshot, organization.term_ids);
  builder.Verified(organization.verified_on);
  builder.DependsOn(organization.record_ids);
  // What its services offer makes the organisation findable too.
  if (auto owned = snapshot.services_of.find(organization.id);
      owned != snapshot.services_of.end()) {
    for (const std::string& service_id : owned->second) {
      auto it = snapshot.services.find(service_id);
      if (it == snapshot.services.end()) continue;
      const Service& service = it->second;
      builder.Text(service.name, "nl");
      builder.Terms(snapshot, service.term_ids);
      builder.Languages(service);
      builder.Ages(service.minimum_age, service.maximum_age);
      builder.Hours(service.hours);
      builder.Boolean(prefix::kDependsOn, service.id);
      for (const ServiceAtLocation& at : service.locations) {
        if (const Location* location = FindLocation(snapshot, at.location_id)) {
          builder.Place(*location);
        }
      }
    }
  }
  return builder.Finish(DocumentKind::kOrganization, organization.id, organization.name, "");
}

}  // namespace knooppunt::search
