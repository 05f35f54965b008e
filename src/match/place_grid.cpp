#include "match/place_grid.h"

#include <cmath>
#include <numbers>

namespace knooppunt::match {
namespace {

constexpr double kCellDegrees = 0.05;
constexpr int64_t kLastRow = 3600;  // 180° / 0.05°
constexpr int64_t kLastColumn = 7200;
constexpr double kEarthRadiusKm = 6371.0088;  // as domain::DistanceMetres
constexpr double kDegrees = 180 / std::numbers::pi;
// Widens every box a little, so that rounding never drops an entry on its edge.
constexpr double kMarginDegrees = 1e-6;

int64_t Row(double latitude) {
  return std::clamp<int64_t>(static_cast<int64_t>(std::floor((latitude + 90) / kCellDegrees)), 0,
                             kLastRow);
}

int64_t Column(double longitude) {
  return std::clamp<int64_t>(static_cast<int64_t>(std::floor((longitude + 180) / kCellDegrees)), 0,
                             kLastColumn);
}

}  // namespace

void PlaceGrid::Add(domain::LatLon place, int32_t index) {
  entries_.push_back(Entry{Key(Row(place.latitude), Column(place.longitude)), index});
}

void PlaceGrid::Finish() {
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.index < b.index;
  });
}

// The bounding box of a spherical cap: latitude ± the angular radius; longitude ± asin(sin r /
// cos latitude) unless a pole lies inside the cap or the box crosses 180°, when every column is
// taken.
PlaceGrid::CellBox PlaceGrid::BoxAround(domain::LatLon centre, double km) {
  CellBox box;
  if (!(km >= 0)) return box;  // empty
  double radius = km / kEarthRadiusKm;
  if (radius >= std::numbers::pi) return CellBox{0, kLastRow, 0, kLastColumn};
  double latitude = centre.latitude / kDegrees;
  double south = latitude - radius, north = latitude + radius;
  box.first_row = Row(south * kDegrees - kMarginDegrees);
  box.last_row = Row(north * kDegrees + kMarginDegrees);
  box.first_column = 0;
  box.last_column = kLastColumn;
  if (north < std::numbers::pi / 2 && south > -std::numbers::pi / 2) {
    double spread = std::asin(std::min(1.0, std::sin(radius) / std::cos(latitude))) * kDegrees;
    double west = centre.longitude - spread - kMarginDegrees;
    double east = centre.longitude + spread + kMarginDegrees;
    if (west >= -180 && east <= 180) {
      box.first_column = Column(west);
      box.last_column = Column(east);
    }
  }
  return box;
}

}  // namespace knooppunt::match
