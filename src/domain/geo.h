// Points on the Earth in WGS 84 decimal degrees (HSDS location.latitude/longitude), the distance
// between them, and the "LAT,LON" text form used in query parameters.
// Thread-safety: pure functions, safe from any thread.
#pragma once

#include <optional>
#include <string_view>

namespace knooppunt::domain {

struct LatLon {
  double latitude = 0;   // degrees, -90 (south) .. 90 (north)
  double longitude = 0;  // degrees, -180 (west) .. 180 (east)
};

// True when both are finite, latitude is in [-90, 90] and longitude in [-180, 180].
bool IsValid(LatLon point);

// Great-circle distance in metres (haversine, mean Earth radius 6371008.8 m). Both points are
// expected to be valid; the result for invalid points is unspecified.
double DistanceMetres(LatLon a, LatLon b);

// Distances in metres from one centre, on the flat map at the centre's latitude (no trigonometry
// per point): within 0.5 % of DistanceMetres up to about 100 km, for weighing and filtering many
// candidates. Show people DistanceMetres.
class NearbyMetres {
 public:
  explicit NearbyMetres(LatLon centre);
  double operator()(LatLon point) const;

 private:
  LatLon centre_;
  double metres_per_degree_latitude_;
  double metres_per_degree_longitude_;
};

// Parses "LAT,LON" in decimal degrees, spaces allowed around the comma and at either end.
// Returns nullopt when malformed, not finite or out of range.
std::optional<LatLon> ParseLatLon(std::string_view text);

}  // namespace knooppunt::domain
