// What a search needs of every matching document besides its terms, in memory and by document
// id: the month it was last verified (for the verified boost) and its facet values (for facet
// counts). Reading these from Xapian's value streams for every candidate cost a block read each
// time the candidate left the block of the one before; read once per opened index instead, they
// cost an array lookup. A table belongs to one revision of the index: readers of a newer one
// read a new table.
// Thread-safety: immutable once read; share it freely.
#pragma once

#include <xapian.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace knooppunt::search {

class DocTable {
 public:
  // Reads both value streams of `db` (slot::kVerifiedMonth and slot::kFacets).
  static std::shared_ptr<const DocTable> Read(const Xapian::Database& db);

  static constexpr int32_t kNeverVerified = -1;
  // The month of the last verification as year × 12 + month − 1, or kNeverVerified.
  int32_t verified_month(Xapian::docid id) const {
    return id < verified_month_.size() ? verified_month_[id] : kNeverVerified;
  }
  Xapian::doccount verified_count() const { return verified_count_; }
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

 private:
  std::vector<int32_t> verified_month_;  // by document id
  Xapian::doccount verified_count_ = 0;
  std::vector<Texts> facets_;            // by document id
  std::array<std::vector<std::vector<std::string>>, kGroups> keys_;  // [group][text id]
};

// The verified boost as a posting source over a DocTable: `verified` for every document ever
// verified, `verified + recently` for one verified in the twelve months up to `this_month`
// (year × 12 + month − 1).
class VerifiedSource : public Xapian::PostingSource {
 public:
  VerifiedSource(std::shared_ptr<const DocTable> table, int32_t this_month, double verified,
                 double recently);

  Xapian::doccount get_termfreq_min() const override { return table_->verified_count(); }
  Xapian::doccount get_termfreq_est() const override { return table_->verified_count(); }
  Xapian::doccount get_termfreq_max() const override { return table_->verified_count(); }
  double get_weight() const override { return WeightOf(current_); }
  void next(double min_wt) override;
  void skip_to(Xapian::docid id, double min_wt) override;
  bool check(Xapian::docid id, double min_wt) override;
  bool at_end() const override { return current_ >= table_->end_docid(); }
  Xapian::docid get_docid() const override { return current_; }
  VerifiedSource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string get_description() const override { return "VerifiedSource"; }

 private:
  double WeightOf(Xapian::docid id) const;
  void Advance(Xapian::docid from);  // to the first verified document at or after `from`

  std::shared_ptr<const DocTable> table_;
  int32_t this_month_;
  double verified_;
  double recently_;
  Xapian::docid current_ = 0;
};

}  // namespace knooppunt::search
