// For the search tests only: a fresh SQLite store with the reference taxonomies, and short
// ways to write organisations and services with the fields search reads.
// Thread-safety: one MapWriter per test.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.h"
#include "domain/taxonomy.h"
#include "domain/uuid.h"
#include "store/store.h"
#include "testing/testing.h"

namespace knooppunt::search::testing {

struct Place {
  std::string city;
  double latitude = 0;
  double longitude = 0;
  std::string postcode = "9700 AA";
};

struct Hours {
  std::string byday;  // "MO,TU"
  std::string opens;  // "09:00"
  std::string closes;
};

struct ServiceSpec {
  std::string key;           // the id is NameUuid("service:" + key)
  std::string organization;  // key of the organisation
  std::string name;
  std::string description = "";
  std::vector<std::string> needs = {};      // slugs of need terms
  std::vector<std::string> languages = {};  // ISO 639 codes
  std::vector<Place> places = {};
  std::vector<Hours> hours = {};
  std::optional<int> minimum_age = std::nullopt;
  std::optional<int> maximum_age = std::nullopt;
};

struct OrganizationSpec {
  std::string key;
  std::string name;
  std::string kind = "foundation";  // organisation-kind slug
  std::string verified_on = "";     // YYYY-MM-DD or empty
  std::string description = "Een organisatie in de regio.";
};

inline std::string ServiceId(const std::string& key) { return domain::NameUuid("service:" + key); }
inline std::string OrganizationId(const std::string& key) { return domain::NameUuid("org:" + key); }

// The records of an organisation.
inline std::vector<domain::Record> OrganizationRecords(const OrganizationSpec& spec) {
  using domain::Record;
  using domain::Table;
  std::string id = OrganizationId(spec.key);
  std::vector<Record> records = {Record(Table::kOrganization)
                                     .With("id", id)
                                     .With("name", spec.name)
                                     .With("description", spec.description)};
  records.push_back(
      domain::TermAttribute("organization", id, domain::TermId("organization-kind", spec.kind)));
  if (!spec.verified_on.empty()) {
    records.push_back(
        domain::TermAttribute("organization", id, domain::LastVerifiedTermId(), spec.verified_on));
  }
  return records;
}

// The records of a service with its places, languages, needs and hours.
inline std::vector<domain::Record> ServiceRecords(const ServiceSpec& spec) {
  using domain::NameUuid;
  using domain::Record;
  using domain::Table;
  std::string id = ServiceId(spec.key);
  Record service = Record(Table::kService)
                       .With("id", id)
                       .With("organization_id", OrganizationId(spec.organization))
                       .With("name", spec.name)
                       .With("status", "active");
  if (!spec.description.empty()) service.With("description", spec.description);
  if (spec.minimum_age) service.With("minimum_age", std::to_string(*spec.minimum_age));
  if (spec.maximum_age) service.With("maximum_age", std::to_string(*spec.maximum_age));
  std::vector<Record> records = {service};
  for (const std::string& need : spec.needs) {
    records.push_back(domain::TermAttribute("service", id, domain::TermId("needs", need)));
  }
  for (const std::string& code : spec.languages) {
    records.push_back(Record(Table::kLanguage)
                          .With("id", NameUuid("language:" + spec.key + code))
                          .With("service_id", id)
                          .With("code", code));
  }
  int n = 0;
  for (const Place& place : spec.places) {
    std::string key = spec.key + ":" + std::to_string(n++);
    std::string location = NameUuid("location:" + key);
    records.push_back(Record(Table::kLocation)
                          .With("id", location)
                          .With("location_type", "physical")
                          .With("latitude", std::to_string(place.latitude))
                          .With("longitude", std::to_string(place.longitude)));
    records.push_back(Record(Table::kAddress)
                          .With("id", NameUuid("address:" + key))
                          .With("location_id", location)
                          .With("address_1", "Hoofdstraat 1")
                          .With("city", place.city)
                          .With("state_province", "Groningen")
                          .With("postal_code", place.postcode)
                          .With("country", "NL")
                          .With("address_type", "physical"));
    records.push_back(Record(Table::kServiceAtLocation)
                          .With("id", NameUuid("link:" + key))
                          .With("service_id", id)
                          .With("location_id", location));
  }
  n = 0;
  for (const Hours& hours : spec.hours) {
    records.push_back(Record(Table::kSchedule)
                          .With("id", NameUuid("schedule:" + spec.key + std::to_string(n++)))
                          .With("service_id", id)
                          .With("freq", "WEEKLY")
                          .With("byday", hours.byday)
                          .With("opens_at", hours.opens)
                          .With("closes_at", hours.closes));
  }
  return records;
}

// A migrated SQLite store in a temporary folder, with the reference taxonomies.
class TestMap {
 public:
  TestMap() {
    options_.database = "sqlite:" + (dir_.path() / "map.db").string();
    options_.pool_size = 2;
    auto migrated = store::Migrate(options_);
    EXPECT_TRUE(migrated.ok()) << migrated.error().message;
    auto opened = store::OpenStore(options_);
    EXPECT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(*opened);
    Write(domain::ReferenceRecords());
  }

  store::Store& store() { return *store_; }
  std::string index_path() const { return (dir_.path() / "search").string(); }
  const store::StoreOptions& options() const { return options_; }

  void Write(const std::vector<domain::Record>& records) {
    Status status = store_->Write(records);
    ASSERT_TRUE(status.ok()) << status.error().message;
  }
  void Add(const OrganizationSpec& spec) { Write(OrganizationRecords(spec)); }
  void Add(const ServiceSpec& spec) { Write(ServiceRecords(spec)); }

 private:
  knooppunt::testing::TempDir dir_;
  store::StoreOptions options_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace knooppunt::search::testing
