// A synthetic Dutch social map for the benchmarks: organisations of every kind with services in
// plain Dutch, need terms, languages, locations in real cities, opening hours and ages, written
// as HSDS records. The same services and seed give the same map (ids included) on any machine;
// only the last-verified dates follow the month of the run.
// Thread-safety: a SyntheticMapGenerator is used by one thread; the free functions are safe.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.h"
#include "domain/result.h"

namespace knooppunt::store {
class Store;
}

namespace knooppunt::bench {

// A city the map places locations in: its centre and how much of the map it gets.
struct SyntheticCity {
  std::string_view name;
  std::string_view province;
  double latitude;   // centre
  double longitude;  // centre
  int weight;        // roughly the population in thousands
  int postcode_low;  // four-digit postcodes of the city run from low to high
  int postcode_high;
  std::string_view districts;  // comma-separated neighbourhoods
};

std::span<const SyntheticCity> SyntheticCities();

// Makes the map one organisation at a time, so that a map of any size never sits in memory whole.
class SyntheticMapGenerator {
 public:
  SyntheticMapGenerator(int services, uint32_t seed);

  // Appends the records of the next organisation, its locations and its services to `out` in an
  // order the store accepts (everything referred to comes first). Returns false, appending
  // nothing, once `services` services have been made.
  bool Next(std::vector<domain::Record>& out);

  int services_made() const { return services_made_; }
  int organizations_made() const { return organizations_made_; }
  int locations_made() const { return locations_made_; }

 private:
  std::string Id(std::string_view kind, int64_t number) const;

  int services_;
  uint32_t seed_;
  std::mt19937 random_;
  int services_made_ = 0;
  int organizations_made_ = 0;
  int locations_made_ = 0;
};

// The whole map at once; for small maps.
std::vector<domain::Record> SyntheticMap(int services, uint32_t seed);

struct WriteStats {
  int organizations = 0;
  int services = 0;
  int locations = 0;
  int64_t records = 0;  // reference records included
};

// Writes domain::ReferenceRecords() and the map into `store`, which must be migrated, in
// transactions of about `batch` records. Failure: the store's error; batches already written
// stay written.
Result<WriteStats> WriteSyntheticMap(store::Store& store, int services, uint32_t seed,
                                     int batch = 5000);

}  // namespace knooppunt::bench
