// What a search needs of every matching document besides its terms, in memory and by document
// id: the month it was last verified (for the verified boost), its facet values (for facet
// counts), the ages it is for (age filter) and its places (nearness, radius, distance order).
// Reading these from Xapian's value streams for every candidate cost a block read each time the
// candidate left the block of the one before; read once per opened index instead, they cost an
// array lookup. A table belongs to one revision of the index: readers of a newer one read a new
// table. Thread-safety: immutable once read; share it freely.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/geo.h"

namespace knooppunt::search {

// The month this is, as year × 12 + month − 1 (the unit of DocTable::verified_month).
int32_t ThisMonth();

// How recently a listing was verified: the verified boost gives each tier its own weight.
enum class VerifiedTier { kRecently, kEarlier, kNever };  // the twelve months up to this one

class DocTable {
 public:
  // Reads the value streams of `db` (slots kVerifiedMonth, kFacets, kMinimumAge, kMaximumAge,
  // kCoordinates).
  static std::shared_ptr<const DocTable> Read(const Xapian::Database& db);

  static constexpr int32_t kNeverVerified = -1;
  // The month of the last verification as year × 12 + month − 1, or kNeverVerified.
  int32_t verified_month(Xapian::docid id) const {
    return id < verified_month_.size() ? verified_month_[id] : kNeverVerified;
  }
  VerifiedTier Tier(Xapian::docid id, int32_t this_month) const {
    int32_t month = verified_month(id);
    if (month == kNeverVerified) return VerifiedTier::kNever;
    return month <= this_month && month > this_month - 12 ? VerifiedTier::kRecently
                                                          : VerifiedTier::kEarlier;
  }
  Xapian::doccount verified_count() const { return verified_count_; }
  // How many documents were verified in the twelve months up to `this_month`.
  Xapian::doccount RecentlyVerifiedCount(int32_t this_month) const;
  // One past the highest document id of the index.
  Xapian::docid end_docid() const { return static_cast<Xapian::docid>(verified_month_.size()); }

  // Facet groups, in the order of the facets value: need terms, languages, kinds, cities.
  static constexpr size_t kGroups = 4;
  using Texts = std::array<uint32_t, kGroups>;  // per group: an id of its text; 0 for none
  const Texts& facet_texts(Xapian::docid id) const {
    static const Texts kNone{};
    return id < facets_.size() ? facets_[id] : kNone;
  }
  // The keys of text `text` of group `group` (the text split at kFacetSeparator).
  const std::vector<std::string>& keys(size_t group, uint32_t text) const {
    return keys_[group][text];
  }
  size_t text_count(size_t group) const { return keys_[group].size(); }

  // Whether the listing is for people of `age` (a document without ages is for nobody).
  bool ForAge(Xapian::docid id, int age) const {
    return id < ages_.size() && ages_[id].minimum <= age && age <= ages_[id].maximum;
  }

  std::span<const domain::LatLon> places(Xapian::docid id) const {
    if (id + 1 >= place_starts_.size()) return {};
    return std::span<const domain::LatLon>(places_).subspan(
        place_starts_[id], place_starts_[id + 1] - place_starts_[id]);
  }
  // Metres from `from` to the nearest place of the document; nullopt without places.
  std::optional<double> NearestDistance(Xapian::docid id, domain::LatLon from) const;
  // The same on the flat map around `from` (domain::NearbyMetres): for weighing candidates.
  std::optional<double> NearestDistance(Xapian::docid id, const domain::NearbyMetres& from) const;

 private:
  struct Ages {
    int16_t minimum = 1;  // an empty range until read
    int16_t maximum = 0;
  };
  std::vector<int32_t> verified_month_;  // by document id
  Xapian::doccount verified_count_ = 0;
  std::map<int32_t, Xapian::doccount> verified_per_month_;
  std::vector<Texts> facets_;                                        // by document id
  std::array<std::vector<std::vector<std::string>>, kGroups> keys_;  // [group][text id]
  std::vector<Ages> ages_;                                           // by document id
  std::vector<domain::LatLon> places_;  // every document's places, in document id order
  std::vector<uint32_t> place_starts_;  // by document id, and one past the last: into places_
};

// A posting source over a DocTable: the documents `Matches` accepts, with `WeightOf`. A check
// is an array lookup, so Xapian can test each candidate of the other parts of a query cheaply.
class TableSource : public Xapian::PostingSource {
 public:
  // `estimate` of how many documents match, for Xapian's planning. A source that is not exact
  // (set_exact) should estimate high: Xapian then walks the other parts of a query and checks
  // their candidates here, instead of walking this source document by document.
  TableSource(std::shared_ptr<const DocTable> table, Xapian::doccount estimate, double maxweight);

  Xapian::doccount get_termfreq_min() const override { return exact_ ? estimate_ : 0; }
  Xapian::doccount get_termfreq_est() const override { return estimate_; }
  Xapian::doccount get_termfreq_max() const override {
    return exact_ ? estimate_ : table_->end_docid();
  }
  double get_weight() const override { return WeightOf(current_); }
  void next(double min_wt) override;
  void skip_to(Xapian::docid id, double min_wt) override;
  bool check(Xapian::docid id, double min_wt) override;
  bool at_end() const override { return current_ >= table_->end_docid(); }
  Xapian::docid get_docid() const override { return current_; }
  void init(const Xapian::Database& db) override;

 protected:
  virtual bool Matches(Xapian::docid id) const = 0;
  virtual double WeightOf(Xapian::docid id) const = 0;
  // The estimate is the exact number of matches.
  void set_exact() { exact_ = true; }

  const std::shared_ptr<const DocTable> table_;

 private:
  void Advance(Xapian::docid from);  // to the first match at or after `from`

  const Xapian::doccount estimate_;
  const double maxweight_;
  bool exact_ = false;
  Xapian::docid current_ = 0;
};

// The verified boost: `verified` for every document ever verified, `verified + recently` for one
// verified in the twelve months up to `this_month` (year × 12 + month − 1).
class VerifiedSource : public TableSource {
 public:
  VerifiedSource(std::shared_ptr<const DocTable> table, int32_t this_month, double verified,
                 double recently);
  VerifiedSource* clone() const override;
  std::string get_description() const override { return "VerifiedSource"; }

 private:
  bool Matches(Xapian::docid id) const override;
  double WeightOf(Xapian::docid id) const override;

  const int32_t this_month_;
  const double verified_;
  const double recently_;
};

// The documents of one verified tier; no weight (a filter).
class TierSource : public TableSource {
 public:
  TierSource(std::shared_ptr<const DocTable> table, int32_t this_month, VerifiedTier tier);
  TierSource* clone() const override;
  std::string get_description() const override { return "TierSource"; }

 private:
  bool Matches(Xapian::docid id) const override { return table_->Tier(id, this_month_) == tier_; }
  double WeightOf(Xapian::docid) const override { return 0; }

  const int32_t this_month_;
  const VerifiedTier tier_;
};

// Listings for people of `age`; no weight (a filter).
class AgeSource : public TableSource {
 public:
  AgeSource(std::shared_ptr<const DocTable> table, int age);
  AgeSource* clone() const override;
  std::string get_description() const override { return "AgeSource"; }

 private:
  bool Matches(Xapian::docid id) const override { return table_->ForAge(id, age_); }
  double WeightOf(Xapian::docid) const override { return 0; }

  const int age_;
};

// Documents with a place within `max_range` metres of `centre` (any distance when 0), weighted
// half_distance / (distance + half_distance): 1 at the place, ½ at half_distance.
class NearnessSource : public TableSource {
 public:
  NearnessSource(std::shared_ptr<const DocTable> table, domain::LatLon centre, double max_range,
                 double half_distance);
  NearnessSource* clone() const override;
  std::string get_description() const override { return "NearnessSource"; }

 private:
  bool Matches(Xapian::docid id) const override;
  double WeightOf(Xapian::docid id) const override;
  std::optional<double> Distance(Xapian::docid id) const;  // remembers the last one

  const domain::LatLon centre_;
  const domain::NearbyMetres from_centre_;
  const double max_range_;
  const double half_distance_;
  mutable Xapian::docid last_id_ = 0;
  mutable std::optional<double> last_distance_;
};

// The documents with ids in [first, end), whatever they hold; no weight (a filter).
class DocidRange : public Xapian::PostingSource {
 public:
  DocidRange(Xapian::docid first, Xapian::docid end)
      : first_(std::max<Xapian::docid>(first, 1)), end_(std::max(first_, end)) {}

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return end_ - first_; }
  Xapian::doccount get_termfreq_max() const override { return end_ - first_; }
  void next(double) override { current_ = current_ < first_ ? first_ : current_ + 1; }
  void skip_to(Xapian::docid id, double) override { current_ = std::max({current_, id, first_}); }
  bool check(Xapian::docid id, double min_wt) override {
    skip_to(id, min_wt);
    return true;
  }
  bool at_end() const override { return current_ >= end_; }
  Xapian::docid get_docid() const override { return current_; }
  void init(const Xapian::Database&) override { current_ = 0; }
  DocidRange* clone() const override { return new DocidRange(first_, end_); }
  std::string get_description() const override { return "DocidRange"; }

 private:
  const Xapian::docid first_;
  const Xapian::docid end_;
  Xapian::docid current_ = 0;
};

// Sort keys by distance from `centre` to a document's nearest place; documents without places
// last.
class DistanceKey : public Xapian::KeyMaker {
 public:
  DistanceKey(std::shared_ptr<const DocTable> table, domain::LatLon centre)
      : table_(std::move(table)), centre_(centre) {}
  std::string operator()(const Xapian::Document& document) const override;

 private:
  const std::shared_ptr<const DocTable> table_;
  const domain::LatLon centre_;
};

}  // namespace knooppunt::search
