#include "search/snapshot.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <span>

#include "domain/model.h"
#include "domain/taxonomy.h"
#include "store/store.h"

namespace knooppunt::search {
namespace {

using domain::Record;
using domain::Table;

std::string Value(const Record& record, std::string_view field) {
  const auto& value = record.Get(field);
  return value ? *value : std::string();
}

std::optional<int> IntValue(const Record& record, std::string_view field) {
  const auto& value = record.Get(field);
  if (!value) return std::nullopt;
  return std::atoi(value->c_str());
}

std::optional<double> NumberValue(const Record& record, std::string_view field) {
  const auto& value = record.Get(field);
  if (!value) return std::nullopt;
  return std::strtod(value->c_str(), nullptr);
}

void Append(std::vector<domain::OpeningInterval>& to, const Record& schedule) {
  auto intervals = domain::OpeningIntervals(std::span<const Record>(&schedule, 1));
  to.insert(to.end(), intervals.begin(), intervals.end());
}

std::string Postcode(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// The order in which tables must be added (parents before the records that point at them).
constexpr std::array kLoadOrder = {
    Table::kTaxonomyTerm, Table::kOrganization,      Table::kService,  Table::kLocation,
    Table::kAddress,      Table::kServiceAtLocation, Table::kSchedule, Table::kLanguage,
    Table::kAttribute,    Table::kTranslation};

}  // namespace

void Snapshot::Add(const Record& record) {
  const std::string& id = record.id();
  switch (record.table()) {
    case Table::kTaxonomyTerm: {
      Term& term = terms[id];
      term.taxonomy_id = Value(record, "taxonomy_id");
      term.parent_id = Value(record, "parent_id");
      std::string language = Value(record, "language");
      term.labels.push_back({language.empty() ? "nl" : language, Value(record, "name")});
      term.record_ids.push_back(id);
      break;
    }
    case Table::kOrganization: {
      Organization& organization = organizations[id];
      organization.id = id;
      organization.name = Value(record, "name");
      organization.alternate_name = Value(record, "alternate_name");
      organization.description = Value(record, "description");
      organization.record_ids.push_back(id);
      break;
    }
    case Table::kService: {
      Service& service = services[id];
      service.id = id;
      service.organization_id = Value(record, "organization_id");
      service.name = Value(record, "name");
      service.alternate_name = Value(record, "alternate_name");
      service.description = Value(record, "description");
      service.eligibility = Value(record, "eligibility_description");
      service.status = Value(record, "status");
      service.last_modified = Value(record, "last_modified");
      service.minimum_age = IntValue(record, "minimum_age");
      service.maximum_age = IntValue(record, "maximum_age");
      service.record_ids.push_back(id);
      if (!service.organization_id.empty()) services_of[service.organization_id].push_back(id);
      break;
    }
    case Table::kLocation: {
      Location& location = locations[id];
      location.latitude = NumberValue(record, "latitude");
      location.longitude = NumberValue(record, "longitude");
      location.record_ids.push_back(id);
      break;
    }
    case Table::kAddress: {
      auto it = locations.find(Value(record, "location_id"));
      if (it == locations.end() || Value(record, "address_type") == "virtual") break;
      it->second.cities.push_back(Value(record, "city"));
      it->second.postcodes.push_back(Postcode(Value(record, "postal_code")));
      it->second.record_ids.push_back(id);
      break;
    }
    case Table::kServiceAtLocation: {
      auto it = services.find(Value(record, "service_id"));
      if (it == services.end()) break;
      it->second.locations.push_back({.id = id, .location_id = Value(record, "location_id")});
      it->second.locations.back().record_ids.push_back(id);
      service_of_link[id] = it->first;
      break;
    }
    case Table::kSchedule: {
      if (std::string link = Value(record, "service_at_location_id"); !link.empty()) {
        auto owner = service_of_link.find(link);
        if (owner == service_of_link.end()) break;
        for (ServiceAtLocation& at : services[owner->second].locations) {
          if (at.id != link) continue;
          Append(at.hours, record);
          at.record_ids.push_back(id);
        }
      } else if (auto service = services.find(Value(record, "service_id"));
                 service != services.end()) {
        Append(service->second.hours, record);
        service->second.record_ids.push_back(id);
      } else if (auto location = locations.find(Value(record, "location_id"));
                 location != locations.end()) {
        Append(location->second.hours, record);
        location->second.record_ids.push_back(id);
      }
      break;
    }
    case Table::kLanguage: {
      auto it = services.find(Value(record, "service_id"));
      if (it == services.end()) break;
      std::string code = Value(record, "code");
      std::transform(code.begin(), code.end(), code.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (!code.empty()) it->second.language_codes.push_back(code);
      if (std::string name = Value(record, "name"); !name.empty()) {
        it->second.language_names.push_back(name);
      }
      it->second.record_ids.push_back(id);
      break;
    }
    case Table::kAttribute: {
      std::string link = Value(record, "link_id");
      std::string term = Value(record, "taxonomy_term_id");
      Listing* listing = nullptr;
      if (auto it = services.find(link); it != services.end()) listing = &it->second;
      if (auto it = organizations.find(link); it != organizations.end()) {
        listing = &it->second;
        if (term == domain::LastVerifiedTermId()) it->second.verified_on = Value(record, "value");
      }
      if (listing == nullptr) break;
      if (!term.empty()) listing->term_ids.push_back(term);
      listing->record_ids.push_back(id);
      break;
    }
    case Table::kTranslation: {
      std::string target = Value(record, "record_id");
      Text text{Value(record, "language"), Value(record, "text")};
      std::string table = Value(record, "table_name");
      if (table == "taxonomy_term") {
        auto it = terms.find(target);
        if (it == terms.end() || Value(record, "field_name") != "name") break;
        it->second.labels.push_back(std::move(text));
        it->second.record_ids.push_back(id);
        break;
      }
      Listing* listing = nullptr;
      if (auto it = services.find(target); table == "service" && it != services.end()) {
        listing = &it->second;
      }
      if (auto it = organizations.find(target);
          table == "organization" && it != organizations.end()) {
        listing = &it->second;
      }
      if (listing == nullptr) break;
      listing->translations.push_back(std::move(text));
      listing->record_ids.push_back(id);
      break;
    }
    default:
      break;
  }
}

Result<Snapshot> LoadAll(store::Store& store) {
  Snapshot snapshot;
  for (Table table : kLoadOrder) {
    Status status = store.ForEach(table, [&](const Record& record) {
      snapshot.Add(record);
      return true;
    });
    if (!status.ok()) return status.error();
  }
  return snapshot;
}

Result<Snapshot> LoadFor(store::Store& store, const std::vector<std::string>& service_ids,
                         const std::vector<std::string>& organization_ids) {
  // Records per table, added in kLoadOrder at the end.
  std::unordered_map<Table, std::vector<Record>> found;
  auto find_by = [&](Table table, std::string_view field, const std::string& value) -> Status {
    auto records = store.FindBy(table, field, value);
    if (!records) return records.error();
    auto& into = found[table];
    into.insert(into.end(), std::make_move_iterator(records->begin()),
                std::make_move_iterator(records->end()));
    return {};
  };
  auto get = [&](Table table, const std::string& id) -> Result<bool> {
    auto record = store.Get(table, id);
    if (!record) return record.error();
    if (!*record) return false;
    found[table].push_back(std::move(**record));
    return true;
  };
#define KNOOPPUNT_TRY(expression)                         \
  do {                                                    \
    if (auto s = (expression); !s.ok()) return s.error(); \
  } while (false)

  Status terms = store.ForEach(Table::kTaxonomyTerm, [&](const Record& record) {
    found[Table::kTaxonomyTerm].push_back(record);
    return true;
  });
  if (!terms.ok()) return terms.error();
  KNOOPPUNT_TRY(find_by(Table::kTranslation, "table_name", "taxonomy_term"));

  std::vector<std::string> services = service_ids;
  std::vector<std::string> organizations = organization_ids;
  for (const std::string& id : organization_ids) {
    auto owned = store.FindBy(Table::kService, "organization_id", id);
    if (!owned) return owned.error();
    for (const Record& service : *owned) services.push_back(service.id());
  }
  std::sort(services.begin(), services.end());
  services.erase(std::unique(services.begin(), services.end()), services.end());

  for (const std::string& id : services) {
    auto exists = get(Table::kService, id);
    if (!exists) return exists.error();
    if (!*exists) continue;
    const Record& service = found[Table::kService].back();
    if (const auto& organization = service.Get("organization_id")) {
      organizations.push_back(*organization);
    }
    size_t links_before = found[Table::kServiceAtLocation].size();
    KNOOPPUNT_TRY(find_by(Table::kServiceAtLocation, "service_id", id));
    // Copy: find_by below may grow the vector.
    std::vector<Record> links(found[Table::kServiceAtLocation].begin() + links_before,
                              found[Table::kServiceAtLocation].end());
    for (const Record& link : links) {
      KNOOPPUNT_TRY(find_by(Table::kSchedule, "service_at_location_id", link.id()));
      const auto& location_id = link.Get("location_id");
      if (!location_id) continue;
      auto location = get(Table::kLocation, *location_id);
      if (!location) return location.error();
      if (!*location) continue;
      KNOOPPUNT_TRY(find_by(Table::kAddress, "location_id", *location_id));
      KNOOPPUNT_TRY(find_by(Table::kSchedule, "location_id", *location_id));
    }
    KNOOPPUNT_TRY(find_by(Table::kSchedule, "service_id", id));
    KNOOPPUNT_TRY(find_by(Table::kLanguage, "service_id", id));
    KNOOPPUNT_TRY(find_by(Table::kAttribute, "link_id", id));
    KNOOPPUNT_TRY(find_by(Table::kTranslation, "record_id", id));
  }
  std::sort(organizations.begin(), organizations.end());
  organizations.erase(std::unique(organizations.begin(), organizations.end()), organizations.end());
  for (const std::string& id : organizations) {
    auto exists = get(Table::kOrganization, id);
    if (!exists) return exists.error();
    if (!*exists) continue;
    KNOOPPUNT_TRY(find_by(Table::kAttribute, "link_id", id));
    KNOOPPUNT_TRY(find_by(Table::kTranslation, "record_id", id));
  }
#undef KNOOPPUNT_TRY

  Snapshot snapshot;
  for (Table table : kLoadOrder) {
    std::vector<Record>& records = found[table];
    // A location shared by several services is read once per service: keep the first.
    std::sort(records.begin(), records.end(),
              [](const Record& a, const Record& b) { return a.id() < b.id(); });
    records.erase(std::unique(records.begin(), records.end(),
                              [](const Record& a, const Record& b) { return a.id() == b.id(); }),
                  records.end());
    for (const Record& record : records) snapshot.Add(record);
  }
  return snapshot;
}

}  // namespace knooppunt::search
