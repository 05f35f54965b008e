#include "api/hsds_import.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "domain/uuid.h"
#include "store/store.h"
#include "testing/testing.h"

namespace knooppunt::api {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using domain::Table;

std::unique_ptr<store::Store> OpenTestStore(const fs::path& dir) {
  store::StoreOptions options{.database = "sqlite:" + (dir / "test.db").string()};
  auto migrated = store::Migrate(options);
  EXPECT_TRUE(migrated.ok()) << migrated.error().message;
  auto opened = store::OpenStore(options);
  EXPECT_TRUE(opened.ok()) << opened.error().message;
  return opened.ok() ? std::move(*opened) : nullptr;
}

fs::path SpecDir() {
  fs::path beside = testing::SourceDir() / ".." / "shared" / "hsds-3.0";
  return fs::exists(beside) ? beside : fs::path("/work/shared/hsds-3.0");
}

void WriteText(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

int64_t Count(store::Store& store, Table table) {
  auto count = store.Count(table);
  EXPECT_TRUE(count.ok());
  return count.ok() ? *count : -1;
}

int64_t Total(store::Store& store) {
  int64_t total = 0;
  for (const domain::TableSpec& spec : domain::AllTables()) total += Count(store, spec.table);
  return total;
}

std::string Id(std::string_view name) {
  return domain::NameUuid(std::string("import-test:") + std::string(name));
}

json::object Service(std::string_view key, std::string_view status = "active") {
  return json::object{{"id", Id(key)}, {"name", "Dienst " + std::string(key)}, {"status", status}};
}

// The 20 tables the specification's compiled examples touch, one record each.
std::map<std::string, int64_t> CompiledExampleCounts() {
  std::map<std::string, int64_t> counts;
  for (const char* table : {"accessibility",
                            "address",
                            "attribute",
                            "contact",
                            "cost_option",
                            "funding",
                            "language",
                            "location",
                            "metadata",
                            "organization",
                            "organization_identifier",
                            "phone",
                            "program",
                            "required_document",
                            "schedule",
                            "service",
                            "service_area",
                            "service_at_location",
                            "taxonomy",
                            "taxonomy_term"}) {
    counts[table] = 1;
  }
  return counts;
}

TEST(ImportHsds, ImportsTheSpecificationServiceExample) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  auto report = ImportHsds(*store, SpecDir() / "examples" / "service_full.json");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->records_per_table, CompiledExampleCounts());
  EXPECT_EQ(report->files, 1);
  EXPECT_EQ(Total(*store), 20);

  // The one phone is nested under the service, its service_at_location, the contact, the
  // location and the organization: every link is kept.
  auto phone = store->Get(Table::kPhone, "1554f2e2-a373-45db-a3fa-9fc48a61c15e");
  ASSERT_TRUE(phone.ok() && phone->has_value());
  EXPECT_EQ((*phone)->Get("service_id"), "ac148810-d857-441c-9679-408f346de14b");
  EXPECT_EQ((*phone)->Get("service_at_location_id"), "e94c9f38-1e8f-4564-91d4-d53501ab1765");
  EXPECT_EQ((*phone)->Get("contact_id"), "1e7efce3-639b-4880-940c-b95cd30cdb50");
  EXPECT_EQ((*phone)->Get("location_id"), "3a19ff88-4620-4d17-9830-ac1d859eb5d5");
  EXPECT_EQ((*phone)->Get("organization_id"), "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
  EXPECT_EQ((*phone)->Get("extension"), "100");

  auto service = store->Get(Table::kService, "ac148810-d857-441c-9679-408f346de14b");
  ASSERT_TRUE(service.ok() && service->has_value());
  EXPECT_EQ((*service)->Get("organization_id"), "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
  EXPECT_EQ((*service)->Get("program_id"), "e7ec2e57-4540-43fa-b2c7-6be5a0ef7f42");

  auto attribute = store->Get(Table::kAttribute, "ae58cc39-8b70-4ab1-8aea-786882e5ac8e");
  ASSERT_TRUE(attribute.ok() && attribute->has_value());
  EXPECT_EQ((*attribute)->Get("link_id"), "ac148810-d857-441c-9679-408f346de14b");
  EXPECT_EQ((*attribute)->Get("link_entity"), "link_entity");  // given, so kept
  EXPECT_EQ((*attribute)->Get("taxonomy_term_id"), "3f7b145d-84af-42d7-8fae-eaca714b02b2");
  auto term = store->Get(Table::kTaxonomyTerm, "3f7b145d-84af-42d7-8fae-eaca714b02b2");
  ASSERT_TRUE(term.ok() && term->has_value());
  EXPECT_EQ((*term)->Get("taxonomy_id"), "5c4d79d7-cc55-470e-9f1f-8cad074e4892");

  auto metadata = store->Get(Table::kMetadata, "6cd71e9f-1013-49d9-8370-26b8f59d3e5a");
  ASSERT_TRUE(metadata.ok() && metadata->has_value());
  EXPECT_EQ((*metadata)->Get("resource_id"), "ac148810-d857-441c-9679-408f346de14b");
  EXPECT_EQ((*metadata)->Get("resource_type"), "location");  // given, so kept
}

TEST(ImportHsds, ImportsTheSpecificationOrganizationExample) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  auto report = ImportHsds(*store, SpecDir() / "examples" / "organization_full.json");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->records_per_table, CompiledExampleCounts());
  auto service = store->Get(Table::kService, "ac148810-d857-441c-9679-408f346de14b");
  ASSERT_TRUE(service.ok() && service->has_value());
  EXPECT_EQ((*service)->Get("organization_id"), "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
}

TEST(ImportHsds, ImportsTheSpecificationServiceAtLocationExample) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  auto report = ImportHsds(*store, SpecDir() / "examples" / "service_at_location_full.json");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->records_per_table.at("service_at_location"), 1);
  EXPECT_EQ(report->records_per_table.at("location"), 1);
  EXPECT_EQ(report->records_per_table.at("service"), 1);
}

TEST(ImportHsds, ImportsEveryJsonExampleOfTheSpecification) {
  for (const auto& entry : fs::directory_iterator(SpecDir() / "examples")) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "base.json") continue;
    testing::TempDir dir;
    auto store = OpenTestStore(dir.path());
    auto report = ImportHsds(*store, entry.path());
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(Total(*store), [&] {
      int64_t sum = 0;
      for (const auto& [table, count] : report->records_per_table) sum += count;
      return sum;
    }()) << entry.path();
  }
  // Named after their table, so their records are not taken for organizations.
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  auto taxonomy = ImportHsds(*store, SpecDir() / "examples" / "taxonomy.json");
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.error().message;
  EXPECT_EQ(taxonomy->records_per_table, (std::map<std::string, int64_t>{{"taxonomy", 1}}));
  auto location = ImportHsds(*store, SpecDir() / "examples" / "location.json");
  ASSERT_TRUE(location.ok()) << location.error().message;
  EXPECT_EQ(location->records_per_table.count("organization"), 0u);
  EXPECT_EQ(location->records_per_table.at("location"), 1);
  auto tabular = ImportHsds(*store, SpecDir() / "examples" / "tabular.json");
  ASSERT_TRUE(tabular.ok()) << tabular.error().message;
  EXPECT_EQ(tabular->records_per_table.size(), 21u);
}

TEST(ImportHsds, ImportsTheSpecificationCsvPackage) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  auto report = ImportHsds(*store, SpecDir() / "examples" / "csv");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->files, 21);
  EXPECT_EQ(report->records_per_table.size(), 21u);
  for (const auto& [table, count] : report->records_per_table) EXPECT_EQ(count, 1) << table;
  EXPECT_EQ(report->records_per_table.count("meta_table_description"), 1u);
  EXPECT_EQ(Total(*store), 21);
  auto phone = store->Get(Table::kPhone, "1554f2e2-a373-45db-a3fa-9fc48a61c15e");
  ASSERT_TRUE(phone.ok() && phone->has_value());
  EXPECT_EQ((*phone)->Get("number"), "\"+44 1234 234567\"");
}

TEST(ImportHsds, ImportingTwiceGivesTheSameCounts) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  for (const fs::path& path :
       {SpecDir() / "examples" / "csv", SpecDir() / "examples" / "service_full.json"}) {
    auto first = ImportHsds(*store, path);
    ASSERT_TRUE(first.ok()) << first.error().message;
    int64_t total = Total(*store);
    auto second = ImportHsds(*store, path);
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(first->records_per_table, second->records_per_table);
    EXPECT_EQ(Total(*store), total);
  }
}

TEST(ImportHsds, BadRecordWritesNothingAndNamesFileRecordAndField) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  json::object good = Service("good");
  good["phones"] = json::array{json::object{{"id", Id("phone")}, {"number", "010 123"}}};
  json::array services{good, Service("bad", "open")};
  WriteText(dir.path() / "batch.json", json::serialize(services));

  auto report = ImportHsds(*store, dir.path() / "batch.json");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(report.error().field, "status");
  const std::string& message = report.error().message;
  EXPECT_NE(message.find("batch.json object 2"), std::string::npos) << message;
  EXPECT_NE(message.find(Id("bad")), std::string::npos) << message;
  EXPECT_NE(message.find("service.status must be one of"), std::string::npos) << message;
  EXPECT_EQ(Total(*store), 0);
}

TEST(ImportHsds, BadNestedRecordNamesItsPlace) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  json::object service = Service("nested");
  service["phones"] = json::array{json::object{{"id", Id("phone-ok")}, {"number", "1"}},
                                  json::object{{"id", Id("phone-bad")}}};
  WriteText(dir.path() / "one.json", json::serialize(service));
  auto report = ImportHsds(*store, dir.path() / "one.json");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().field, "number");
  EXPECT_NE(report.error().message.find("one.json at phones[1] (id " + Id("phone-bad") +
                                        "): phone.number is required"),
            std::string::npos)
      << report.error().message;
  EXPECT_EQ(Total(*store), 0);
}

TEST(ImportHsds, BadCsvRowWritesNothingAndNamesFileLineIdAndField) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  fs::path package = dir.path() / "package";
  fs::create_directory(package);
  WriteText(package / "organizations.csv",
            "id,name,description\n" + Id("org") + ",Org,\"Multi\nline\"\n");
  WriteText(package / "services.csv", "id,organization_id,name,status\n" + Id("s1") + "," +
                                          Id("org") + ",Een,active\n" + Id("s2") + "," + Id("org") +
                                          ",Twee,open\n");
  auto report = ImportHsds(*store, package);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().field, "status");
  EXPECT_NE(report.error().message.find("services.csv line 3 (id " + Id("s2") +
                                        "): service.status must be one of: active"),
            std::string::npos)
      << report.error().message;
  EXPECT_EQ(Total(*store), 0);
}

TEST(ImportHsds, MissingReferenceNamesTheField) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  json::object service = Service("orphan");
  service["organization_id"] = Id("nowhere");
  WriteText(dir.path() / "orphan.json", json::serialize(service));
  auto report = ImportHsds(*store, dir.path() / "orphan.json");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().field, "organization_id");
  EXPECT_NE(report.error().message.find("orphan.json (id " + Id("orphan") +
                                        "): service.organization_id refers to organization"),
            std::string::npos)
      << report.error().message;
  EXPECT_EQ(Total(*store), 0);
}

TEST(ImportHsds, RefusesJsonBomb) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  WriteText(dir.path() / "bomb.json", std::string(100000, '['));
  auto report = ImportHsds(*store, dir.path() / "bomb.json");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(report.error().message.find("bomb.json"), std::string::npos);
  EXPECT_NE(report.error().message.find("nested deeper than 64"), std::string::npos)
      << report.error().message;
}

TEST(ImportHsds, RefusesTruncatedCsvNamingTheLine) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  fs::path package = dir.path() / "package";
  fs::copy(SpecDir() / "examples" / "csv", package);
  std::string services = testing::ReadFile(package / "services.csv");
  fs::permissions(package / "services.csv", fs::perms::owner_write, fs::perm_options::add);
  WriteText(package / "services.csv", services.substr(0, services.find("Suitable for")));
  auto report = ImportHsds(*store, package);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("services.csv line 2:"), std::string::npos)
      << report.error().message;
  EXPECT_NE(report.error().message.find("never closed"), std::string::npos);
  EXPECT_EQ(Total(*store), 0);
}

TEST(ImportHsds, RefusesInvalidUtf8NamingTheFile) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  WriteText(dir.path() / "latin1.json",
            "{\"id\": \"" + Id("x") + "\",\n \"name\": \"Caf\xE9\", \"status\": \"active\"}");
  auto report = ImportHsds(*store, dir.path() / "latin1.json");
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("latin1.json line 2"), std::string::npos)
      << report.error().message;
  EXPECT_NE(report.error().message.find("UTF-8"), std::string::npos);

  fs::create_directory(dir.path() / "package");
  WriteText(dir.path() / "package" / "taxonomies.csv",
            "id,name,description\n" + Id("t") + ",Caf\xE9,x\n");
  report = ImportHsds(*store, dir.path() / "package");
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("taxonomies.csv line 2"), std::string::npos)
      << report.error().message;
  EXPECT_EQ(Total(*store), 0);
}

TEST(ImportHsds, RefusesWrongJsonTypeNamingTheField) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  json::object location{{"id", Id("loc")}, {"location_type", "physical"}, {"latitude", "north"}};
  json::object at_location{{"id", Id("sal")}, {"location", location}};
  json::object service = Service("typed");
  service["service_at_locations"] = json::array{at_location};
  WriteText(dir.path() / "typed.json", json::serialize(service));
  auto report = ImportHsds(*store, dir.path() / "typed.json");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().field, "latitude");
  EXPECT_NE(report.error().message.find("at service_at_locations[0].location (id " + Id("loc") +
                                        "): location.latitude must be a number, not a string"),
            std::string::npos)
      << report.error().message;

  json::object flagged = Service("flagged");
  flagged["name"] = true;
  WriteText(dir.path() / "flagged.json", json::serialize(flagged));
  report = ImportHsds(*store, dir.path() / "flagged.json");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().field, "name");
  EXPECT_NE(report.error().message.find("service.name must be a string, not a boolean"),
            std::string::npos)
      << report.error().message;

  json::object listed = Service("listed");
  listed["phones"] = json::object{};
  WriteText(dir.path() / "listed.json", json::serialize(listed));
  report = ImportHsds(*store, dir.path() / "listed.json");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().field, "phones");
  EXPECT_EQ(Total(*store), 0);
}

TEST(ImportHsds, AcceptsNumbersAsStringsAndIgnoresExtensions) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  json::object location{{"id", Id("loc")},
                        {"location_type", "physical"},
                        {"latitude", "52.370216"},
                        {"longitude", -172.43127776997827},  // Boost.JSON 1.81 misreads it
                        {"x_wheelchair_ramp", json::object{{"width_cm", 90}}}};
  json::object service = Service("extended");
  service["minimum_age"] = 12.0;
  service["x_funder_reference"] = json::array{1, 2, 3};
  service["service_at_locations"] =
      json::array{json::object{{"id", Id("sal")}, {"location", location}}};
  WriteText(dir.path() / "extended.json", json::serialize(service));
  auto report = ImportHsds(*store, dir.path() / "extended.json");
  ASSERT_TRUE(report.ok()) << report.error().message;
  auto stored = store->Get(Table::kLocation, Id("loc"));
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->Get("latitude"), "52.370216");
  EXPECT_EQ((*stored)->Get("longitude"), "-172.43127776997827");
  auto stored_service = store->Get(Table::kService, Id("extended"));
  ASSERT_TRUE(stored_service.ok() && stored_service->has_value());
  EXPECT_EQ((*stored_service)->Get("minimum_age"), "12");
  auto link = store->Get(Table::kServiceAtLocation, Id("sal"));
  ASSERT_TRUE(link.ok() && link->has_value());
  EXPECT_EQ((*link)->Get("service_id"), Id("extended"));
  EXPECT_EQ((*link)->Get("location_id"), Id("loc"));
}

TEST(ImportHsds, ImportsAPageEnvelope) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  json::object page{{"total_items", 2},
                    {"page_number", 1},
                    {"contents", json::array{Service("p1"), Service("p2")}}};
  WriteText(dir.path() / "page.json", json::serialize(page));
  auto report = ImportHsds(*store, dir.path() / "page.json");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->records_per_table, (std::map<std::string, int64_t>{{"service", 2}}));
}

TEST(ImportHsds, NdjsonErrorsNameTheLine) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  std::string good = json::serialize(Service("n1"));
  WriteText(dir.path() / "syntax.ndjson", good + "\n\n{\"id\": \n");
  auto report = ImportHsds(*store, dir.path() / "syntax.ndjson");
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("syntax.ndjson line 3: not valid JSON"), std::string::npos)
      << report.error().message;

  WriteText(dir.path() / "record.ndjson",
            good + "\r\n" + json::serialize(Service("n2", "gone")) + "\r\n");
  report = ImportHsds(*store, dir.path() / "record.ndjson");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().field, "status");
  EXPECT_NE(report.error().message.find("record.ndjson line 2 (id " + Id("n2") + ")"),
            std::string::npos)
      << report.error().message;
  EXPECT_EQ(Total(*store), 0);

  WriteText(dir.path() / "fine.ndjson", good + "\n" + json::serialize(Service("n3")) + "\n");
  auto fine = ImportHsds(*store, dir.path() / "fine.ndjson");
  ASSERT_TRUE(fine.ok()) << fine.error().message;
  EXPECT_EQ(Count(*store, Table::kService), 2);
}

TEST(ImportHsds, RefusesFilesOver256MiB) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  WriteText(dir.path() / "huge.json", "[");
  fs::resize_file(dir.path() / "huge.json", kMaxImportFileBytes + 1);  // sparse: no disk used
  auto report = ImportHsds(*store, dir.path() / "huge.json");
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("huge.json is larger than 256 MiB"), std::string::npos)
      << report.error().message;
}

TEST(ImportHsds, ReadsResourcePathsFromAValidDataPackage) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  fs::path package = dir.path() / "package";
  fs::create_directories(package / "data");
  WriteText(package / "data" / "orgs.csv",
            "id,name,description,x_extra\n" + Id("org") + ",Org,Beschrijving,1\n");
  WriteText(package / "datapackage.json",
            R"({"resources": [{"name": "organization", "path": "data/orgs.csv"},
                              {"name": "notes", "path": "notes.csv"}]})");
  auto report = ImportHsds(*store, package);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->records_per_table, (std::map<std::string, int64_t>{{"organization", 1}}));

  WriteText(package / "datapackage.json",
            R"({"resources": [{"name": "organization", "path": "../outside/organizations.csv"}]})");
  report = ImportHsds(*store, package);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("not a file inside the package"), std::string::npos)
      << report.error().message;
}

TEST(ImportHsds, ReportsMissingPath) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path());
  auto report = ImportHsds(*store, dir.path() / "nothing-here.json");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kNotFound);
}

TEST(FlattenHsdsObject, FillsKeysFromTheNesting) {
  json::object organization{{"id", Id("org")}, {"name", "Org"}, {"description", "D"}};
  organization["services"] = json::array{Service("s")};
  organization["services"].as_array()[0].as_object()["languages"] =
      json::array{json::object{{"id", Id("lang")}, {"code", "nl"}}};
  organization["attributes"] = json::array{json::object{{"id", Id("attr")}}};
  auto records = FlattenHsdsObject(organization, Table::kOrganization);
  ASSERT_TRUE(records.ok()) << records.error().message;
  ASSERT_EQ(records->size(), 4u);
  EXPECT_EQ((*records)[1].Get("organization_id"), Id("org"));
  EXPECT_EQ((*records)[2].Get("service_id"), Id("s"));
  EXPECT_EQ((*records)[3].Get("link_id"), Id("org"));
  EXPECT_EQ((*records)[3].Get("link_entity"), "organization");
}

}  // namespace
}  // namespace knooppunt::api
