#include "search/doc_table.h"

#include <algorithm>
#include <chrono>
#include <string_view>
#include <unordered_map>

#include "domain/split.h"
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

// A sortable_serialise'd age of the age slots, as a whole number of years within 0…999.
int16_t AgeOf(const std::string& value) {
  return static_cast<int16_t>(std::clamp(Xapian::sortable_unserialise(value), 0.0, 999.0));
}

// The smallest of `metres` over `places`; nullopt without places.
template <typename Metres>
std::optional<double> Nearest(std::span<const domain::LatLon> places, const Metres& metres) {
  std::optional<double> nearest;
  for (const domain::LatLon& place : places) {
    double distance = metres(place);
    if (!nearest || distance < *nearest) nearest = distance;
  }
  return nearest;
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
    if (month != kNeverVerified) {
      ++table->verified_count_;
      ++table->verified_per_month_[month];
    }
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
      if (added) {
        std::vector<std::string_view> keys = domain::Split(text, kFacetSeparator);
        table->keys_[group].emplace_back(keys.begin(), keys.end());
      }
      texts[group] = found->second;
    }
  }
  table->ages_.assign(end, Ages{});
  for (auto it = db.valuestream_begin(slot::kMinimumAge);
       it != db.valuestream_end(slot::kMinimumAge); ++it) {
    table->ages_[it.get_docid()].minimum = AgeOf(*it);
  }
  for (auto it = db.valuestream_begin(slot::kMaximumAge);
       it != db.valuestream_end(slot::kMaximumAge); ++it) {
    table->ages_[it.get_docid()].maximum = AgeOf(*it);
  }
  table->place_starts_.assign(end + 1, 0);
  Xapian::docid filled = 0;  // place_starts_ is set below this id
  for (auto it = db.valuestream_begin(slot::kCoordinates);
       it != db.valuestream_end(slot::kCoordinates); ++it) {
    for (; filled <= it.get_docid(); ++filled) {
      table->place_starts_[filled] = static_cast<uint32_t>(table->places_.size());
    }
    Xapian::LatLongCoords coordinates;
    coordinates.unserialise(*it);
    for (auto place = coordinates.begin(); place != coordinates.end(); ++place) {
      table->places_.push_back({(*place).latitude, (*place).longitude});
    }
  }
  for (; filled <= end; ++filled) {
    table->place_starts_[filled] = static_cast<uint32_t>(table->places_.size());
  }
  return table;
}

int32_t ThisMonth() {
  using namespace std::chrono;
  year_month_day today{floor<days>(system_clock::now())};
  return static_cast<int32_t>(today.year()) * 12 + static_cast<int32_t>(unsigned(today.month())) -
         1;
}

Xapian::doccount DocTable::RecentlyVerifiedCount(int32_t this_month) const {
  Xapian::doccount count = 0;
  for (auto it = verified_per_month_.upper_bound(this_month - 12);
       it != verified_per_month_.end() && it->first <= this_month; ++it) {
    count += it->second;
  }
  return count;
}

std::optional<double> DocTable::NearestDistance(Xapian::docid id,
                                                const domain::NearbyMetres& from) const {
  return Nearest(places(id), from);
}

std::optional<double> DocTable::NearestDistance(Xapian::docid id, domain::LatLon from) const {
  return Nearest(places(id),
                 [from](domain::LatLon place) { return domain::DistanceMetres(from, place); });
}

TableSource::TableSource(std::shared_ptr<const DocTable> table, Xapian::doccount estimate,
                         double maxweight)
    : table_(std::move(table)), estimate_(estimate), maxweight_(maxweight) {
  set_maxweight(maxweight_);
}

void TableSource::Advance(Xapian::docid from) {
  current_ = from;
  while (current_ < table_->end_docid() && !Matches(current_)) ++current_;
}

void TableSource::next(double) { Advance(current_ + 1); }

void TableSource::skip_to(Xapian::docid id, double) {
  if (id > current_) Advance(id);
}

bool TableSource::check(Xapian::docid id, double) {
  // Answered at once. On a miss the position is "somewhere after `id`", as Xapian allows.
  current_ = id;
  return Matches(id);
}

void TableSource::init(const Xapian::Database&) {
  current_ = 0;
  set_maxweight(maxweight_);
}

VerifiedSource::VerifiedSource(std::shared_ptr<const DocTable> table, int32_t this_month,
                               double verified, double recently)
    : TableSource(table, table->verified_count(), verified + recently),
      this_month_(this_month),
      verified_(verified),
      recently_(recently) {
  set_exact();
}

bool VerifiedSource::Matches(Xapian::docid id) const {
  return table_->verified_month(id) != DocTable::kNeverVerified;
}

double VerifiedSource::WeightOf(Xapian::docid id) const {
  switch (table_->Tier(id, this_month_)) {
    case VerifiedTier::kRecently:
      return verified_ + recently_;
    case VerifiedTier::kEarlier:
      return verified_;
    case VerifiedTier::kNever:
      break;
  }
  return 0;
}

VerifiedSource* VerifiedSource::clone() const {
  return new VerifiedSource(table_, this_month_, verified_, recently_);
}

namespace {

// For Xapian's planning: exact for the verified tiers; the rest claims every document.
Xapian::doccount TierEstimate(const DocTable& table, int32_t this_month, VerifiedTier tier) {
  switch (tier) {
    case VerifiedTier::kRecently:
      return table.RecentlyVerifiedCount(this_month);
    case VerifiedTier::kEarlier:
      return table.verified_count() - table.RecentlyVerifiedCount(this_month);
    case VerifiedTier::kNever:
      break;
  }
  return table.end_docid();
}

}  // namespace

TierSource::TierSource(std::shared_ptr<const DocTable> table, int32_t this_month, VerifiedTier tier)
    : TableSource(table, TierEstimate(*table, this_month, tier), 0),
      this_month_(this_month),
      tier_(tier) {
  if (tier != VerifiedTier::kNever) set_exact();
}

TierSource* TierSource::clone() const { return new TierSource(table_, this_month_, tier_); }

AgeSource::AgeSource(std::shared_ptr<const DocTable> table, int age)
    : TableSource(table, table->end_docid(), 0), age_(age) {}

AgeSource* AgeSource::clone() const { return new AgeSource(table_, age_); }

NearnessSource::NearnessSource(std::shared_ptr<const DocTable> table, domain::LatLon centre,
                               double max_range, double half_distance)
    : TableSource(table, table->end_docid(), 1.0),
      centre_(centre),
      from_centre_(centre),
      max_range_(max_range),
      half_distance_(half_distance) {}

std::optional<double> NearnessSource::Distance(Xapian::docid id) const {
  if (id != last_id_ || id == 0) {
    last_id_ = id;
    last_distance_ = table_->NearestDistance(id, from_centre_);
  }
  return last_distance_;
}

bool NearnessSource::Matches(Xapian::docid id) const {
  std::optional<double> distance = Distance(id);
  return distance && (max_range_ <= 0 || *distance <= max_range_);
}

double NearnessSource::WeightOf(Xapian::docid id) const {
  std::optional<double> distance = Distance(id);
  return distance ? half_distance_ / (*distance + half_distance_) : 0;
}

NearnessSource* NearnessSource::clone() const {
  return new NearnessSource(table_, centre_, max_range_, half_distance_);
}

std::string DistanceKey::operator()(const Xapian::Document& document) const {
  std::optional<double> distance = table_->NearestDistance(document.get_docid(), centre_);
  return Xapian::sortable_serialise(distance.value_or(1e12));
}

}  // namespace knooppunt::search
