#include "domain/geo.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>

namespace knooppunt::domain {
namespace {

constexpr LatLon kGroningen{.latitude = 53.2194, .longitude = 6.5665};
constexpr LatLon kAmsterdam{.latitude = 52.3676, .longitude = 4.9041};
constexpr double kHalfCircumference = std::numbers::pi * 6371008.8;

TEST(Geo, DistanceBetweenGroningenAndAmsterdam) {
  // 146.5 km by the haversine formula on a sphere of the mean radius (computed independently).
  double metres = DistanceMetres(kGroningen, kAmsterdam);
  EXPECT_NEAR(metres, 146503.5, 1);
  EXPECT_DOUBLE_EQ(DistanceMetres(kAmsterdam, kGroningen), metres);
}

TEST(Geo, DistanceToItselfIsZero) {
  EXPECT_EQ(DistanceMetres(kGroningen, kGroningen), 0);
  EXPECT_NEAR(DistanceMetres({90, 0}, {90, 120}), 0, 1e-6);  // longitudes meet at the pole
}

TEST(Geo, AntipodesAreHalfACircumferenceApart) {
  EXPECT_NEAR(DistanceMetres({0, 0}, {0, 180}), kHalfCircumference, 1e-6);
  EXPECT_NEAR(DistanceMetres({90, 0}, {-90, 0}), kHalfCircumference, 1e-6);
  // Haversine loses a little precision near antipodes: within a metre is plenty.
  EXPECT_NEAR(DistanceMetres(kAmsterdam, {-52.3676, 4.9041 - 180}), kHalfCircumference, 1);
  EXPECT_FALSE(std::isnan(DistanceMetres({45, 10}, {-45, -170})));
}

TEST(Geo, OneDegreeOfLongitudeAtTheEquator) {
  EXPECT_NEAR(DistanceMetres({0, 0}, {0, 1}), kHalfCircumference / 180, 1e-6);
  EXPECT_NEAR(DistanceMetres({0, 179.5}, {0, -179.5}), kHalfCircumference / 180, 1e-6);
}

TEST(Geo, NearbyMetresAgreesWithTheGreatCircleWithinHalfAPercent) {
  const LatLon groningen{53.2194, 6.5665};
  const NearbyMetres from_groningen(groningen);
  EXPECT_EQ(from_groningen(groningen), 0);
  // Assen (28 km south), Leeuwarden (50 km west), Zwolle (95 km south-west).
  for (LatLon place : {LatLon{52.9928, 6.5642}, LatLon{53.2012, 5.7999}, LatLon{52.5168, 6.0830}}) {
    double exact = DistanceMetres(groningen, place);
    EXPECT_NEAR(from_groningen(place), exact, exact * 0.005);
  }
}

TEST(Geo, IsValidChecksRangesAndFiniteness) {
  EXPECT_TRUE(IsValid(kAmsterdam));
  EXPECT_TRUE(IsValid({90, 180}));
  EXPECT_TRUE(IsValid({-90, -180}));
  EXPECT_FALSE(IsValid({90.0001, 0}));
  EXPECT_FALSE(IsValid({0, -180.0001}));
  EXPECT_FALSE(IsValid({std::numeric_limits<double>::quiet_NaN(), 0}));
  EXPECT_FALSE(IsValid({0, std::numeric_limits<double>::infinity()}));
}

TEST(Geo, ParsesLatLon) {
  auto point = ParseLatLon("53.2194,6.5665");
  ASSERT_TRUE(point);
  EXPECT_DOUBLE_EQ(point->latitude, 53.2194);
  EXPECT_DOUBLE_EQ(point->longitude, 6.5665);
  for (const char* text : {"53.2194, 6.5665", "53.2194 ,6.5665", " 53.2194 , 6.5665 "}) {
    auto spaced = ParseLatLon(text);
    ASSERT_TRUE(spaced) << text;
    EXPECT_DOUBLE_EQ(spaced->latitude, 53.2194) << text;
    EXPECT_DOUBLE_EQ(spaced->longitude, 6.5665) << text;
  }
  auto south_west = ParseLatLon("-33.8688,-151");
  ASSERT_TRUE(south_west);
  EXPECT_DOUBLE_EQ(south_west->latitude, -33.8688);
  EXPECT_DOUBLE_EQ(south_west->longitude, -151);
  EXPECT_TRUE(ParseLatLon("90,180"));
  EXPECT_TRUE(ParseLatLon("-90,-180"));
  EXPECT_TRUE(ParseLatLon("0,0"));
}

TEST(Geo, RejectsMalformedLatLon) {
  for (const char* text : {"",         ",",        "abc",     "52.2",      "52.2,",      ",4.9",
                           "95,5",     "-90.5,5",  "5,180.5", "5,-181",    "nan,1",      "1,nan",
                           "inf,1",    "1e400,3",  "3,1e400", "52.2,4.9x", "52.2,4.9,1", "52.2;4.9",
                           "52.2 4.9", "52,2,4,9", "0x10,5",  "52.2,,4.9", "52.2,4.9 km"}) {
    EXPECT_FALSE(ParseLatLon(text)) << text;
  }
}

}  // namespace
}  // namespace knooppunt::domain
