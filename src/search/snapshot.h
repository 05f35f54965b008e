// What the search index needs to know of the social map, read from the store in compact form:
// all of it for a rebuild, or only what a few changed services and organisations need.
// Thread-safety: a Snapshot is a plain value; build it on one thread.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/result.h"
#include "domain/schedule.h"

namespace knooppunt::domain {
class Record;
}
namespace knooppunt::store {
class Store;
}

namespace knooppunt::search {

struct Text {
  std::string language;  // ISO 639-1 of `text`
  std::string text;
};

struct Term {
  std::string taxonomy_id;
  std::string parent_id;
  std::vector<Text> labels;             // the name, then its translations
  std::vector<std::string> record_ids;  // the term and its translation records
};

struct Location {
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::vector<std::string> cities;     // as written in the addresses
  std::vector<std::string> postcodes;  // upper case, without spaces
  std::vector<domain::OpeningInterval> hours;
  std::vector<std::string> record_ids;  // the location, its addresses and schedules
};

struct ServiceAtLocation {
  std::string id = "";
  std::string location_id = "";
  std::vector<domain::OpeningInterval> hours = {};
  std::vector<std::string> record_ids = {};  // the link and its schedules
};

// Fields shared by services and organisations.
struct Listing {
  std::string id;
  std::string name;
  std::string alternate_name;
  std::string description;
  std::vector<Text> translations;       // name and description in other languages
  std::vector<std::string> term_ids;    // linked by attributes
  std::vector<std::string> record_ids;  // the listing and the records it is described by
};

struct Service : Listing {
  std::string organization_id;
  std::string eligibility;
  std::string status;
  std::string last_modified;  // normalised UTC date-time or empty
  std::optional<int> minimum_age;
  std::optional<int> maximum_age;
  std::vector<std::string> language_codes;  // lower case ISO 639
  std::vector<std::string> language_names;
  std::vector<domain::OpeningInterval> hours;
  std::vector<ServiceAtLocation> locations;
};

struct Organization : Listing {
  std::string verified_on;  // the last-verified date (YYYY-MM-DD) or empty
};

struct Snapshot {
  std::unordered_map<std::string, Term> terms;
  std::unordered_map<std::string, Organization> organizations;
  std::unordered_map<std::string, Service> services;
  std::unordered_map<std::string, Location> locations;
  // Organisation id → ids of its services.
  std::unordered_map<std::string, std::vector<std::string>> services_of;
  // Service-at-location id → service id.
  std::unordered_map<std::string, std::string> service_of_link;

  // Adds one record of any table the index reads; records of other tables are ignored.
  // Records must come parents first (terms, organisations, services, locations, links, then
  // schedules, languages, attributes and translations), as LoadAll and LoadFor do.
  void Add(const domain::Record& record);
};

// Everything the index needs, read table by table.
Result<Snapshot> LoadAll(store::Store& store);

// What the documents of these services and organisations need (an organisation brings all of
// its services). Ids that no longer exist are simply absent from the result.
Result<Snapshot> LoadFor(store::Store& store, const std::vector<std::string>& service_ids,
                         const std::vector<std::string>& organization_ids);

}  // namespace knooppunt::search
