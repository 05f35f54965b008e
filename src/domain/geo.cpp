#include "domain/geo.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>

namespace knooppunt::domain {
namespace {

constexpr double kEarthRadiusMetres = 6371008.8;  // IUGG mean radius
constexpr double kRadiansPerDegree = std::numbers::pi / 180;

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The whole of `text` as a finite decimal number; nullopt otherwise ("nan", "1e400", "1x").
std::optional<double> ParseDegrees(std::string_view text) {
  text = Trim(text);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

bool IsValid(LatLon point) {
  return std::isfinite(point.latitude) && std::isfinite(point.longitude) &&
         std::fabs(point.latitude) <= 90 && std::fabs(point.longitude) <= 180;
}

double DistanceMetres(LatLon a, LatLon b) {
  double lat_a = a.latitude * kRadiansPerDegree, lat_b = b.latitude * kRadiansPerDegree;
  double sin_lat = std::sin((lat_b - lat_a) / 2);
  double sin_lon = std::sin((b.longitude - a.longitude) * kRadiansPerDegree / 2);
  double h = sin_lat * sin_lat + std::cos(lat_a) * std::cos(lat_b) * sin_lon * sin_lon;
  // Rounding can push h just past 1 for antipodal points.
  return 2 * kEarthRadiusMetres * std::asin(std::sqrt(std::clamp(h, 0.0, 1.0)));
}

NearbyMetres::NearbyMetres(LatLon centre)
    : centre_(centre),
      metres_per_degree_latitude_(kEarthRadiusMetres * kRadiansPerDegree),
      metres_per_degree_longitude_(metres_per_degree_latitude_ *
                                   std::cos(centre.latitude * kRadiansPerDegree)) {}

double NearbyMetres::operator()(LatLon point) const {
  double north = (point.latitude - centre_.latitude) * metres_per_degree_latitude_;
  double east = (point.longitude - centre_.longitude) * metres_per_degree_longitude_;
  return std::sqrt(north * north + east * east);
}

std::optional<LatLon> ParseLatLon(std::string_view text) {
  std::size_t comma = text.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  auto latitude = ParseDegrees(text.substr(0, comma));
  auto longitude = ParseDegrees(text.substr(comma + 1));
  if (!latitude || !longitude) return std::nullopt;
  LatLon point{.latitude = *latitude, .longitude = *longitude};
  if (!IsValid(point)) return std::nullopt;
  return point;
}

}  // namespace knooppunt::domain
