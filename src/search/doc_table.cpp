#include "search/doc_table.h"

#include <string_view>
#include <unordered_map>

#include "search/document.h"

namespace knooppunt::search {
namespace {

// "202611" → 2026 × 12 + 10; anything else → kNeverVerified.
int32_t MonthNumber(std::string_view text) {
  if (text.size() != 6) return DocTable::kNeverVerified;
  int32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return DocTable::kNeverVerified;
    value = value * 10 + (c - '0');
  }
  int32_t month = value % 100;
  if (month < 1 || month > 12) return DocTable::kNeverVerified;
  return value / 100 * 12 + month - 1;
}

std::vector<std::string> SplitKeys(std::string_view group) {
  std::vector<std::string> keys;
  while (!group.empty()) {
    size_t end = group.find(kFacetSeparator);
    keys.emplace_back(group.substr(0, end));
    if (end == std::string_view::npos) break;
    group.remove_prefix(end + 1);
  }
  return keys;
}

}  // namespace

std::shared_ptr<const DocTable> DocTable::Read(const Xapian::Database& db) {
  auto table = std::make_shared<DocTable>();
  const size_t end = static_cast<size_t>(db.get_lastdocid()) + 1;
  table->verified_month_.assign(end, kNeverVerified);
  table->facets_.assign(end, Texts{});
  for (auto it = db.valuestream_begin(slot::kVerifiedMonth);
       it != db.valuestream_end(slot::kVerifiedMonth); ++it) {
    int32_t month = MonthNumber(*it);
    table->verified_month_[it.get_docid()] = month;
    if (month != kNeverVerified) ++table->verified_count_;
  }
  // Text ids per group; id 0 is the empty text.
  std::array<std::unordered_map<std::string, uint32_t>, kGroups> ids;
  for (size_t group = 0; group < kGroups; ++group) table->keys_[group].emplace_back();
  for (auto it = db.valuestream_begin(slot::kFacets); it != db.valuestream_end(slot::kFacets);
       ++it) {
    const std::string whole = *it;
    std::string_view value = whole;
    Texts& texts = table->facets_[it.get_docid()];
    for (size_t group = 0; group < kGroups; ++group) {
      size_t stop = value.find(kFacetGroupSeparator);
      std::string_view text = value.substr(0, stop);
      value = stop == std::string_view::npos ? std::string_view() : value.substr(stop + 1);
      if (text.empty()) continue;
      auto [found, added] =
          ids[group].try_emplace(std::string(text), static_cast<uint32_t>(ids[group].size() + 1));
      if (added) table->keys_[group].push_back(SplitKeys(text));
      texts[group] = found->second;
    }
  }
  return table;
}

VerifiedSource::VerifiedSource(std::shared_ptr<const DocTable> table, int32_t this_month,
                               double verified, double recently)
    : table_(std::move(table)), this_month_(this_month), verified_(verified), recently_(recently) {
  set_maxweight(verified_ + recently_);
}

double VerifiedSource::WeightOf(Xapian::docid id) const {
  int32_t month = table_->verified_month(id);
  if (month == DocTable::kNeverVerified) return 0;
  return month <= this_month_ && month > this_month_ - 12 ? verified_ + recently_ : verified_;
}

void VerifiedSource::Advance(Xapian::docid from) {
  current_ = from;
  while (current_ < table_->end_docid() &&
         table_->verified_month(current_) == DocTable::kNeverVerified) {
    ++current_;
  }
}

void VerifiedSource::next(double) { Advance(current_ + 1); }

void VerifiedSource::skip_to(Xapian::docid id, double) {
  if (id > current_) Advance(id);
}

bool VerifiedSource::check(Xapian::docid id, double) {
  // Answered at once: is `id` verified? If not, the position is "somewhere after", as allowed.
  current_ = id;
  return table_->verified_month(id) != DocTable::kNeverVerified;
}

VerifiedSource* VerifiedSource::clone() const {
  return new VerifiedSource(table_, this_month_, verified_, recently_);
}

void VerifiedSource::init(const Xapian::Database&) {
  current_ = 0;
  set_maxweight(verified_ + recently_);
}

}  // namespace knooppunt::search
