#include "api/hsds_export.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "api/hsds_import.h"
#include "api/hsds_json.h"
#include "domain/taxonomy.h"
#include "domain/uuid.h"
#include "store/store.h"
#include "testing/testing.h"

namespace knooppunt::api {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using domain::Record;
using domain::Table;

std::unique_ptr<store::Store> OpenTestStore(const fs::path& file) {
  store::StoreOptions options{.database = "sqlite:" + file.string()};
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

std::string Id(std::string_view name) {
  return domain::NameUuid(std::string("export-test:") + std::string(name));
}

// A small social map: an organisation with two services at two locations, a service without an
// organisation, and the details Knooppunt uses (attributes to reference terms, translations).
std::vector<Record> SmallDataset() {
  const std::string org = Id("org"), s1 = Id("s1"), s2 = Id("s2"), s3 = Id("s3");
  const std::string l1 = Id("l1"), l2 = Id("l2"), l3 = Id("l3");
  std::vector<Record> records = {
      Record(Table::kOrganization)
          .With("id", org)
          .With("name", "Stichting \"De Brug\", Amsterdam")
          .With("description", " Hulp bij schulden,\nvoedsel en kleding — voor iedereen. ")
          .With("email", "info@debrug.example")
          .With("website", "https://debrug.example")
          .With("year_incorporated", "1998"),
      Record(Table::kLocation)
          .With("id", l1)
          .With("location_type", "physical")
          .With("organization_id", org)
          .With("name", "Buurthuis Oost")
          .With("latitude", "52.370216")
          .With("longitude", "4.895168"),
      Record(Table::kLocation)
          .With("id", l2)
          .With("location_type", "physical")
          .With("organization_id", org)
          .With("name", "Kerkzaal")
          .With("latitude", "-9.146229953197121")  // Boost.JSON 1.81 alone misreads these two
          .With("longitude", "-172.43127776997827"),
      Record(Table::kLocation)
          .With("id", l3)
          .With("location_type", "virtual")
          .With("url", "https://meet.example/x"),
      Record(Table::kAddress)
          .With("id", Id("a1"))
          .With("location_id", l1)
          .With("address_1", "Dapperstraat 1")
          .With("city", "Amsterdam")
          .With("state_province", "Noord-Holland")
          .With("postal_code", "1093 BS")
          .With("country", "NL")
          .With("address_type", "physical"),
      Record(Table::kAddress)
          .With("id", Id("a2"))
          .With("location_id", l2)
          .With("address_1", "Kerkplein 3")
          .With("city", "Amsterdam")
          .With("state_province", "Noord-Holland")
          .With("postal_code", "1011 AA")
          .With("country", "NL")
          .With("address_type", "postal"),
      Record(Table::kService)
          .With("id", s1)
          .With("organization_id", org)
          .With("name", "Voedselpakketten")
          .With("description", "Elke week, op vertoon van \"verwijsbrief\"")
          .With("status", "active")
          .With("minimum_age", "18")
          .With("last_modified", "2024-05-01T10:00:00Z"),
      Record(Table::kService)
          .With("id", s2)
          .With("organization_id", org)
          .With("name", "Kledingbank")
          .With("status", "temporarily closed"),
      Record(Table::kService)
          .With("id", s3)
          .With("name", "Online spreekuur")
          .With("status", "active"),
      Record(Table::kServiceAtLocation)
          .With("id", Id("sal1"))
          .With("service_id", s1)
          .With("location_id", l1),
      Record(Table::kServiceAtLocation)
          .With("id", Id("sal2"))
          .With("service_id", s2)
          .With("location_id", l2),
      Record(Table::kServiceAtLocation)
          .With("id", Id("sal3"))
          .With("service_id", s3)
          .With("location_id", l3),
      Record(Table::kSchedule)
          .With("id", Id("sch1"))
          .With("service_id", s1)
          .With("byday", "MO,WE")
          .With("freq", "WEEKLY")
          .With("opens_at", "09:00")
          .With("closes_at", "12:30")
          .With("timezone", "1.5"),
      Record(Table::kSchedule)
          .With("id", Id("sch2"))
          .With("service_at_location_id", Id("sal2"))
          .With("byday", "SA")
          .With("opens_at", "10:00:00"),
      Record(Table::kSchedule)
          .With("id", Id("sch3"))
          .With("location_id", l1)
          .With("description", "Open op werkdagen"),
      Record(Table::kLanguage)
          .With("id", Id("lang1"))
          .With("service_id", s1)
          .With("code", "ar")
          .With("name", "Arabisch"),
      Record(Table::kLanguage).With("id", Id("lang2")).With("location_id", l1).With("code", "nl"),
      Record(Table::kPhone)
          .With("id", Id("p1"))
          .With("service_id", s1)
          .With("number", "+31 20 123 4567")
          .With("extension", "12"),
      Record(Table::kPhone)
          .With("id", Id("p2"))
          .With("location_id", l2)
          .With("number", "020-7654321"),
      Record(Table::kPhone)
          .With("id", Id("p3"))
          .With("organization_id", org)
          .With("number", "0800-0000"),
      Record(Table::kLanguage)
          .With("id", Id("lang3"))
          .With("phone_id", Id("p1"))
          .With("code", "tr"),
      Record(Table::kContact)
          .With("id", Id("c1"))
          .With("organization_id", org)
          .With("name", "Coördinator"),
      Record(Table::kPhone)
          .With("id", Id("p4"))
          .With("contact_id", Id("c1"))
          .With("number", "06 12345678"),
      Record(Table::kMetadata)
          .With("id", Id("m1"))
          .With("resource_id", s1)
          .With("resource_type", "service")
          .With("last_action_date", "2024-05-01")
          .With("last_action_type", "update")
          .With("field_name", "name")
          .With("previous_value", "Voedsel")
          .With("replacement_value", "Voedselpakketten")
          .With("updated_by", "Beheer"),
      domain::TermAttribute(
          "organization", org,
          domain::TermId("organization-kind", domain::OrganizationKindTerms()[0].slug)),
      domain::TermAttribute("organization", org, domain::LastVerifiedTermId(), "2024-04-30"),
      domain::TermAttribute("service", s1, domain::TermId("needs", domain::NeedTerms()[0].slug)),
      domain::TermAttribute("service", s2, domain::TermId("needs", domain::NeedTerms()[1].slug)),
      domain::TermAttribute("service", s3,
                            domain::TermId("community", domain::CommunityTerms()[0].slug)),
      Record(Table::kTranslation)
          .With("id", Id("t1"))
          .With("table_name", "service")
          .With("record_id", s1)
          .With("field_name", "name")
          .With("language", "en")
          .With("text", "Food parcels"),
      Record(Table::kTranslation)
          .With("id", Id("t2"))
          .With("table_name", "organization")
          .With("record_id", org)
          .With("field_name", "description")
          .With("language", "ar")
          .With("text", "مساعدة في الديون"),
  };
  for (Record& record : records) {
    auto valid = domain::Validate(record);
    EXPECT_TRUE(valid.ok()) << valid.error().message;
    if (valid.ok()) record = std::move(*valid);
  }
  return records;
}

// The spec's CSV example, Knooppunt's reference taxonomies and the small dataset.
std::unique_ptr<store::Store> SourceStore(const fs::path& file) {
  auto store = OpenTestStore(file);
  auto reference = domain::ReferenceRecords();
  EXPECT_TRUE(store->Write(reference).ok());
  auto imported = ImportHsds(*store, SpecDir() / "examples" / "csv");
  EXPECT_TRUE(imported.ok()) << imported.error().message;
  Status written = store->Write(SmallDataset());
  EXPECT_TRUE(written.ok()) << written.error().message;
  return store;
}

std::vector<Record> AllRecords(store::Store& store, Table table) {
  std::vector<Record> records;
  Status status = store.ForEach(table, [&](const Record& record) {
    records.push_back(record);
    return true;
  });
  EXPECT_TRUE(status.ok());
  return records;
}

// Every service and organisation compiles to the same full JSON in both stores.
void ExpectSameCompiledObjects(store::Store& source, store::Store& target) {
  HsdsWriter from(source, ""), to(target, "");
  int compared = 0;
  for (const Record& service : AllRecords(source, Table::kService)) {
    auto copy = target.Get(Table::kService, service.id());
    ASSERT_TRUE(copy.ok() && copy->has_value()) << "service " << service.id() << " missing";
    auto expected = from.Service(service, Depth::kFull);
    auto actual = to.Service(**copy, Depth::kFull);
    ASSERT_TRUE(expected.ok() && actual.ok());
    EXPECT_EQ(json::serialize(*actual), json::serialize(*expected)) << "service " << service.id();
    ++compared;
  }
  for (const Record& organization : AllRecords(source, Table::kOrganization)) {
    auto copy = target.Get(Table::kOrganization, organization.id());
    ASSERT_TRUE(copy.ok() && copy->has_value())
        << "organization " << organization.id() << " missing";
    auto expected = from.Organization(organization, Depth::kFull, Depth::kFull);
    auto actual = to.Organization(**copy, Depth::kFull, Depth::kFull);
    ASSERT_TRUE(expected.ok() && actual.ok());
    EXPECT_EQ(json::serialize(*actual), json::serialize(*expected))
        << "organization " << organization.id();
    ++compared;
  }
  EXPECT_EQ(compared, 6);  // 4 services and 2 organisations
}

std::map<std::string, int64_t> StoreCounts(store::Store& store) {
  std::map<std::string, int64_t> counts;
  for (const domain::TableSpec& spec : domain::AllTables()) {
    auto count = store.Count(spec.table);
    EXPECT_TRUE(count.ok());
    if (count.ok() && *count > 0) counts[std::string(spec.name)] = *count;
  }
  return counts;
}

TEST(ExportHsds, JsonRoundTripKeepsEveryServiceAndOrganization) {
  testing::TempDir dir;
  auto source = SourceStore(dir.path() / "source.db");
  auto exported = ExportHsds(*source, ExportFormat::kJson, dir.path() / "json");
  ASSERT_TRUE(exported.ok()) << exported.error().message;
  for (const char* file : {"organizations.json", "services.json", "taxonomies.json",
                           "taxonomy_terms.json", "translations.json"}) {
    EXPECT_TRUE(fs::exists(dir.path() / "json" / file)) << file;
    EXPECT_FALSE(fs::exists(dir.path() / "json" / (std::string(file) + ".tmp"))) << file;
  }

  auto target = OpenTestStore(dir.path() / "target.db");
  auto imported = ImportHsds(*target, dir.path() / "json");
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_EQ(imported->files, 5);
  EXPECT_EQ(imported->records_per_table, *exported);
  EXPECT_EQ(StoreCounts(*target), *exported);
  ExpectSameCompiledObjects(*source, *target);
  EXPECT_EQ(AllRecords(*target, Table::kTranslation), AllRecords(*source, Table::kTranslation));
  EXPECT_EQ(AllRecords(*target, Table::kTaxonomyTerm), AllRecords(*source, Table::kTaxonomyTerm));
}

TEST(ExportHsds, CsvRoundTripKeepsEveryRecord) {
  testing::TempDir dir;
  auto source = SourceStore(dir.path() / "source.db");
  auto exported = ExportHsds(*source, ExportFormat::kCsv, dir.path() / "csv");
  ASSERT_TRUE(exported.ok()) << exported.error().message;
  EXPECT_EQ(*exported, StoreCounts(*source));

  auto target = OpenTestStore(dir.path() / "target.db");
  auto imported = ImportHsds(*target, dir.path() / "csv");
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_EQ(imported->files, static_cast<int64_t>(domain::AllTables().size()));
  EXPECT_EQ(imported->records_per_table, *exported);
  ExpectSameCompiledObjects(*source, *target);
  for (const domain::TableSpec& spec : domain::AllTables()) {
    EXPECT_EQ(AllRecords(*target, spec.table), AllRecords(*source, spec.table)) << spec.name;
  }
}

TEST(ExportHsds, CsvExportOfTheSpecificationExampleReimportsWithTheSameCounts) {
  testing::TempDir dir;
  auto first = OpenTestStore(dir.path() / "first.db");
  auto original = ImportHsds(*first, SpecDir() / "examples" / "csv");
  ASSERT_TRUE(original.ok()) << original.error().message;
  auto exported = ExportHsds(*first, ExportFormat::kCsv, dir.path() / "out");
  ASSERT_TRUE(exported.ok()) << exported.error().message;
  EXPECT_EQ(*exported, original->records_per_table);

  auto second = OpenTestStore(dir.path() / "second.db");
  auto again = ImportHsds(*second, dir.path() / "out");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->records_per_table, original->records_per_table);
  EXPECT_EQ(StoreCounts(*second), StoreCounts(*first));
}

TEST(ExportHsds, CsvPackageDescribesEveryTable) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path() / "store.db");
  auto exported = ExportHsds(*store, ExportFormat::kCsv, dir.path() / "out" / "nested");
  ASSERT_TRUE(exported.ok()) << exported.error().message;
  EXPECT_TRUE(exported->empty());
  EXPECT_EQ(testing::ReadFile(dir.path() / "out" / "nested" / "taxonomies.csv"),
            "id,name,description,uri,version\n");

  json::value package =
      json::parse(testing::ReadFile(dir.path() / "out" / "nested" / "datapackage.json"));
  const json::array& resources = package.at("resources").as_array();
  ASSERT_EQ(resources.size(), domain::AllTables().size());
  const json::object* service = nullptr;
  for (const json::value& resource : resources) {
    if (resource.at("name") == "service") service = &resource.as_object();
  }
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->at("path"), "services.csv");
  bool found_age = false;
  for (const json::value& field : service->at("schema").at("fields").as_array()) {
    if (field.at("name") == "minimum_age") {
      EXPECT_EQ(field.at("type"), "integer");
      found_age = true;
    }
  }
  EXPECT_TRUE(found_age);

  // The package imports, and an empty one imports as nothing.
  auto reimported = ImportHsds(*store, dir.path() / "out" / "nested");
  ASSERT_TRUE(reimported.ok()) << reimported.error().message;
  EXPECT_TRUE(reimported->records_per_table.empty());
}

TEST(ExportHsds, ReportsTheFileThatCannotBeWritten) {
  testing::TempDir dir;
  auto store = OpenTestStore(dir.path() / "store.db");
  fs::create_directories(dir.path() / "out" / "organizations.json");  // a folder in the way
  auto exported = ExportHsds(*store, ExportFormat::kJson, dir.path() / "out");
  ASSERT_FALSE(exported.ok());
  EXPECT_EQ(exported.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(exported.error().message.find("organizations.json"), std::string::npos)
      << exported.error().message;
  EXPECT_FALSE(fs::exists(dir.path() / "out" / "organizations.json.tmp"));

  std::ofstream(dir.path() / "file") << "x";
  exported = ExportHsds(*store, ExportFormat::kCsv, dir.path() / "file" / "sub");
  ASSERT_FALSE(exported.ok());
  EXPECT_EQ(exported.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace knooppunt::api
