#include "app/demo_data.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/taxonomy.h"

namespace knooppunt::app {
namespace {

using domain::Record;
using domain::Table;

const std::vector<Record>& Demo() {
  static const std::vector<Record> kRecords = BuildDemoData();
  return kRecords;
}

std::vector<const Record*> Rows(Table table) {
  std::vector<const Record*> rows;
  for (const Record& record : Demo()) {
    if (record.table() == table) rows.push_back(&record);
  }
  return rows;
}

std::string Value(const Record& record, std::string_view field) {
  const auto& value = record.Get(field);
  return value ? *value : std::string();
}

// Ids of the records of each table, demo and reference together.
const std::map<Table, std::set<std::string>>& IdsByTable() {
  static const std::map<Table, std::set<std::string>> kIds = [] {
    std::map<Table, std::set<std::string>> ids;
    for (const Record& record : Demo()) ids[record.table()].insert(record.id());
    for (const Record& record : domain::ReferenceRecords()) ids[record.table()].insert(record.id());
    return ids;
  }();
  return kIds;
}

bool HasId(Table table, const std::string& id) {
  auto ids = IdsByTable().find(table);
  return ids != IdsByTable().end() && ids->second.contains(id);
}

// The region each demo city belongs to.
const std::map<std::string, std::string>& RegionOfCity() {
  static const std::map<std::string, std::string> kRegions = {
      {"Den Haag", "Haaglanden"},   {"Rijswijk", "Haaglanden"},  {"Zoetermeer", "Haaglanden"},
      {"Delft", "Haaglanden"},      {"Utrecht", "Utrecht"},      {"Enschede", "Twente"},
      {"Groningen", "Groningen"},   {"Hoogezand", "Groningen"},  {"Veendam", "Groningen"},
      {"Stadskanaal", "Groningen"}, {"Leeuwarden", "Friesland"}, {"Drachten", "Friesland"},
      {"Heerenveen", "Friesland"},  {"Sneek", "Friesland"}};
  return kRegions;
}

TEST(DemoData, EveryRecordPassesValidation) {
  for (const Record& record : Demo()) {
    auto valid = domain::Validate(record);
    EXPECT_TRUE(valid.ok()) << record.spec().name << "." << valid.error().field << ": "
                            << valid.error().message << " (id " << record.id() << ")";
  }
}

TEST(DemoData, ComesInTableOrder) {
  for (std::size_t i = 1; i < Demo().size(); ++i) {
    ASSERT_LE(Demo()[i - 1].table(), Demo()[i].table()) << "record " << i;
  }
}

TEST(DemoData, HasAtLeast150OrganisationsAnd400Services) {
  EXPECT_GE(Rows(Table::kOrganization).size(), 150u);
  EXPECT_GE(Rows(Table::kService).size(), 400u);
}

TEST(DemoData, EveryServiceIsAtALocationWithAnAddressInTheNetherlands) {
  std::map<std::string, const Record*> locations;
  for (const Record* location : Rows(Table::kLocation)) locations[location->id()] = location;
  std::map<std::string, const Record*> addresses;  // by location id
  for (const Record* address : Rows(Table::kAddress))
    addresses[Value(*address, "location_id")] = address;
  std::map<std::string, int> places;  // service id -> locations found
  for (const Record* place : Rows(Table::kServiceAtLocation)) {
    auto location = locations.find(Value(*place, "location_id"));
    ASSERT_NE(location, locations.end()) << "service_at_location " << place->id();
    const Record& l = *location->second;
    EXPECT_EQ(Value(l, "location_type"), "physical");
    const double latitude = std::stod(Value(l, "latitude"));
    const double longitude = std::stod(Value(l, "longitude"));
    EXPECT_TRUE(latitude > 50.7 && latitude < 53.6) << l.id() << " latitude " << latitude;
    EXPECT_TRUE(longitude > 3.3 && longitude < 7.3) << l.id() << " longitude " << longitude;
    auto address = addresses.find(l.id());
    ASSERT_NE(address, addresses.end()) << "location without address: " << Value(l, "name");
    EXPECT_EQ(Value(*address->second, "country"), "NL");
    EXPECT_TRUE(RegionOfCity().contains(Value(*address->second, "city")));
    ++places[Value(*place, "service_id")];
  }
  for (const Record* service : Rows(Table::kService)) {
    EXPECT_GE(places[service->id()], 1) << "service without location: " << Value(*service, "name");
  }
}

TEST(DemoData, EveryReferencePointsAtADemoOrReferenceRecord) {
  std::set<std::string> ids;
  for (const Record& record : Demo()) ids.insert(record.id());
  for (const Record& record : domain::ReferenceRecords()) ids.insert(record.id());
  for (const Record& record : Demo()) {
    const auto& fields = record.spec().fields;
    for (std::size_t i = 1; i < fields.size(); ++i) {
      const auto& value = record.values()[i];
      if (fields[i].type != domain::FieldType::kUuid || !value) continue;
      EXPECT_TRUE(ids.contains(*value)) << record.spec().name << "." << fields[i].name << " of "
                                        << record.id() << " points at nothing";
    }
  }
  for (const Record* attribute : Rows(Table::kAttribute)) {
    EXPECT_TRUE(HasId(Table::kTaxonomyTerm, Value(*attribute, "taxonomy_term_id")))
        << attribute->id();
    const auto entity = domain::TableByName(Value(*attribute, "link_entity"));
    ASSERT_TRUE(entity.has_value()) << attribute->id();
    EXPECT_TRUE(HasId(*entity, Value(*attribute, "link_id"))) << attribute->id();
  }
  for (const Record* translation : Rows(Table::kTranslation)) {
    const auto table = domain::TableByName(Value(*translation, "table_name"));
    ASSERT_TRUE(table.has_value()) << translation->id();
    EXPECT_TRUE(HasId(*table, Value(*translation, "record_id"))) << translation->id();
  }
}

TEST(DemoData, IdsAreUniqueAndDistinctFromReferenceIds) {
  std::set<std::string> ids;
  for (const Record& record : domain::ReferenceRecords()) ids.insert(record.id());
  for (const Record& record : Demo()) {
    EXPECT_TRUE(ids.insert(record.id()).second)
        << record.spec().name << " " << record.id() << " is used twice";
  }
}

TEST(DemoData, EachRegionHasOrganisationsInItsProvince) {
  const std::map<std::string, std::string> province = {{"Haaglanden", "Zuid-Holland"},
                                                       {"Utrecht", "Utrecht"},
                                                       {"Twente", "Overijssel"},
                                                       {"Groningen", "Groningen"},
                                                       {"Friesland", "Fryslân"}};
  std::map<std::string, std::string> location_organisation;
  for (const Record* location : Rows(Table::kLocation)) {
    location_organisation[location->id()] = Value(*location, "organization_id");
  }
  std::map<std::string, std::set<std::string>> organisations;  // region -> organisation ids
  for (const Record* address : Rows(Table::kAddress)) {
    const std::string region = RegionOfCity().at(Value(*address, "city"));
    EXPECT_EQ(Value(*address, "state_province"), province.at(region)) << Value(*address, "city");
    // The help desk of the region verifies the organisation (HSDS address.region).
    EXPECT_EQ(Value(*address, "region"), region) << Value(*address, "city");
    organisations[region].insert(location_organisation[Value(*address, "location_id")]);
  }
  for (const auto& [region, name] : province) {
    EXPECT_GE(organisations[region].size(), 10u) << region;
  }
}

TEST(DemoData, ServicesSpeakDutchAndTheNewcomersLanguages) {
  std::set<std::string> codes;
  std::set<std::string> dutch;  // service ids that offer Dutch
  for (const Record* language : Rows(Table::kLanguage)) {
    codes.insert(Value(*language, "code"));
    EXPECT_FALSE(Value(*language, "name").empty()) << Value(*language, "code");
    if (Value(*language, "code") == "nl") dutch.insert(Value(*language, "service_id"));
  }
  for (std::string code : {"nl", "en", "ar", "ti", "tr", "zgh", "uk", "fa", "so", "pl"}) {
    EXPECT_TRUE(codes.contains(code)) << code;
  }
  for (const Record* service : Rows(Table::kService)) {
    EXPECT_TRUE(dutch.contains(service->id())) << Value(*service, "name");
  }
}

TEST(DemoData, EveryOrganisationHasExactlyOneKindAndALastVerifiedDate) {
  std::set<std::string> kinds;
  for (const auto& term : domain::OrganizationKindTerms()) {
    kinds.insert(domain::TermId("organization-kind", term.slug));
  }
  std::map<std::string, int> kind_count;
  std::map<std::string, std::string> verified;
  for (const Record* attribute : Rows(Table::kAttribute)) {
    const std::string term = Value(*attribute, "taxonomy_term_id");
    if (kinds.contains(term)) ++kind_count[Value(*attribute, "link_id")];
    if (term == domain::LastVerifiedTermId())
      verified[Value(*attribute, "link_id")] = Value(*attribute, "value");
  }
  for (const Record* organisation : Rows(Table::kOrganization)) {
    EXPECT_EQ(kind_count[organisation->id()], 1) << Value(*organisation, "name");
    const std::string date = verified[organisation->id()];
    EXPECT_TRUE(date >= "2025-01-01" && date <= "2026-11-01")
        << Value(*organisation, "name") << " " << date;
  }
}

TEST(DemoData, EveryNeedIsUsedByAService) {
  std::set<std::string> services;
  for (const Record* service : Rows(Table::kService)) services.insert(service->id());
  std::set<std::string> used;
  for (const Record* attribute : Rows(Table::kAttribute)) {
    if (services.contains(Value(*attribute, "link_id")))
      used.insert(Value(*attribute, "taxonomy_term_id"));
  }
  for (const auto& need : domain::NeedTerms()) {
    EXPECT_TRUE(used.contains(domain::TermId("needs", need.slug))) << need.slug;
  }
}

TEST(DemoData, ContactDetailsAreFictional) {
  for (const Record* contact : Rows(Table::kContact)) {
    EXPECT_EQ(contact->Get("name"), std::nullopt) << "contacts name a role, never a person";
    EXPECT_FALSE(Value(*contact, "title").empty());
  }
  for (const Record& record : Demo()) {
    for (std::string_view field : {"email", "website"}) {
      const std::string value = Value(record, field);
      if (value.empty()) continue;
      EXPECT_TRUE(value.ends_with(".example"))
          << record.spec().name << "." << field << " " << value;
    }
  }
  for (const Record* phone : Rows(Table::kPhone)) {  // an area code, never 112, 0800 or 0900
    const std::string number = Value(*phone, "number");
    EXPECT_TRUE(number.starts_with("0") && !number.starts_with("08") && !number.starts_with("09"))
        << number;
  }
}

TEST(DemoData, IsTheSameOnEveryRun) { EXPECT_EQ(BuildDemoData(), BuildDemoData()); }

TEST(TaxonomyLabels, EveryTermHasALabelInEveryUiLanguageInOrder) {
  const auto languages = domain::UiLanguages();
  for (auto terms :
       {domain::NeedTerms(), domain::OrganizationKindTerms(), domain::CommunityTerms()}) {
    for (const auto& term : terms) {
      ASSERT_EQ(term.labels.size(), languages.size()) << term.slug;
      for (std::size_t i = 0; i < languages.size(); ++i) {
        EXPECT_EQ(term.labels[i].language, languages[i]) << term.slug;
        EXPECT_FALSE(term.labels[i].text.empty()) << term.slug << " " << languages[i];
      }
    }
  }
}

}  // namespace
}  // namespace knooppunt::app
