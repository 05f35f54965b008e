// Internal to the match library: a grid of places for finding entries near a point without
// looking at all of them. Cells are 0.05° × 0.05°; entries live in one array sorted by cell, so
// a query costs one binary search per row of cells. Queries return a superset of the entries
// within the distance; callers check the exact distance.
// Thread-safety: const methods are safe from any thread once Finish has returned.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "domain/geo.h"

namespace knooppunt::match {

class PlaceGrid {
 public:
  // Adds an entry; call Finish after the last one.
  void Add(domain::LatLon place, int32_t index);
  // Sorts the entries by cell, then index.
  void Finish();

  // Calls visit(index) for every entry in a cell that meets the bounding box of the circle of
  // `km` around `centre`: at least every entry within `km` (great circle), each once.
  template <typename Visit>
  void VisitNear(domain::LatLon centre, double km, Visit&& visit) const {
    CellBox box = BoxAround(centre, km);
    for (int64_t row = box.first_row; row <= box.last_row; ++row) {
      uint64_t first = Key(row, box.first_column), last = Key(row, box.last_column);
      auto it = std::lower_bound(entries_.begin(), entries_.end(), first,
                                 [](const Entry& entry, uint64_t key) { return entry.key < key; });
      for (; it != entries_.end() && it->key <= last; ++it) visit(it->index);
    }
  }

  // Calls visit(index) for every entry.
  template <typename Visit>
  void VisitAll(Visit&& visit) const {
    for (const Entry& entry : entries_) visit(entry.index);
  }

 private:
  struct Entry {
    uint64_t key = 0;
    int32_t index = 0;
  };
  struct CellBox {
    int64_t first_row = 0, last_row = -1, first_column = 0, last_column = -1;
  };
  static constexpr int64_t kColumns = 7201;  // 360° / 0.05°, plus one for 180° itself

  static uint64_t Key(int64_t row, int64_t column) {
    return static_cast<uint64_t>(row * kColumns + column);
  }
  static CellBox BoxAround(domain::LatLon centre, double km);

  std::vector<Entry> entries_;
};

}  // namespace knooppunt::match
