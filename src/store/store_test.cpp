// The store's contract, run against SQLite always and against PostgreSQL when the test command
// provides a server (KNOOPPUNT_TEST_POSTGRESQL=postgresql://USER@HOST:PORT/postgres).
#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>

#include "domain/taxonomy.h"
#include "domain/uuid.h"
#include "store/test_database.h"
#include "testing/testing.h"

namespace knooppunt::store {
namespace {

using domain::Record;
using domain::Table;

using testing_support::TestDatabase;

Record Organization(const std::string& key, const std::string& name) {
  return Record(Table::kOrganization)
      .With("id", domain::NameUuid("org:" + key))
      .With("name", name)
      .With("description", "Beschrijving van " + name);
}

Record Service(const std::string& key, const std::string& org_key, const std::string& name,
               const std::string& modified = "2026-01-01T00:00:00.000Z") {
  return Record(Table::kService)
      .With("id", domain::NameUuid("service:" + key))
      .With("organization_id", domain::NameUuid("org:" + org_key))
      .With("name", name)
      .With("description", "Hulp bij " + name)
      .With("status", "active")
      .With("last_modified", modified);
}

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgresql && std::getenv("KNOOPPUNT_TEST_POSTGRESQL") == nullptr) {
      GTEST_SKIP() << "KNOOPPUNT_TEST_POSTGRESQL is not set; the test command sets it";
    }
    database_ = std::make_unique<TestDatabase>(GetParam());
    options_.database = database_->url();
    options_.pool_size = 2;
    auto applied = Migrate(options_);
    ASSERT_TRUE(applied.ok()) << applied.error().message;
    auto store = OpenStore(options_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Write(domain::ReferenceRecords()).ok());
  }

  std::unique_ptr<TestDatabase> database_;
  StoreOptions options_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, MigrateIsIdempotent) {
  auto again = Migrate(options_);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, 0);
}

TEST_P(StoreTest, ReadsBackWhatItWrote) {
  Record org = Organization("a", "Voedselbank Enschede");
  org.With("year_incorporated", "1998").With("website", "https://voedselbank.example");
  Record location = Record(Table::kLocation)
                        .With("id", domain::NameUuid("loc:a"))
                        .With("location_type", "physical")
                        .With("latitude", "52.2215")
                        .With("longitude", "6.8937");
  ASSERT_TRUE(store_->Write(std::vector<Record>{org, location}).ok());
  auto read = store_->Get(Table::kOrganization, org.id());
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_TRUE(read->has_value());
  EXPECT_EQ(**read, org);
  auto read_location = store_->Get(Table::kLocation, location.id());
  ASSERT_TRUE(read_location.ok() && read_location->has_value());
  EXPECT_EQ((*read_location)->Get("latitude"), "52.2215");
}

TEST_P(StoreTest, GetOfUnknownIdIsEmpty) {
  auto read = store_->Get(Table::kService, domain::NameUuid("nothing"));
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
}

TEST_P(StoreTest, SameIdUpdatesInsteadOfDuplicating) {
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a", "Oude naam")}).ok());
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a", "Nieuwe naam")}).ok());
  EXPECT_EQ(*store_->Count(Table::kOrganization), 1);
  EXPECT_EQ((*store_->Get(Table::kOrganization, domain::NameUuid("org:a")))->Get("name"),
            "Nieuwe naam");
}

TEST_P(StoreTest, WriteIsAllOrNothing) {
  std::vector<Record> batch = {Organization("a", "Stichting A"),
                               Service("s", "missing", "Taalcafé")};
  Status status = store_->Write(batch);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(*store_->Count(Table::kOrganization), 0);
  EXPECT_EQ(*store_->Count(Table::kService), 0);
}

TEST_P(StoreTest, RecordsMayArriveBeforeWhatTheyReferTo) {
  std::vector<Record> batch = {Service("s", "a", "Taalcafé"), Organization("a", "Bibliotheek")};
  Status status = store_->Write(batch);
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(*store_->Count(Table::kService), 1);
}

TEST_P(StoreTest, DeletingAnOrganizationRemovesItsServices) {
  ASSERT_TRUE(
      store_->Write(std::vector<Record>{Organization("a", "A"), Service("s", "a", "S")}).ok());
  std::vector<RecordKey> deletes = {{Table::kOrganization, domain::NameUuid("org:a")}};
  ASSERT_TRUE(store_->Write({}, deletes).ok());
  EXPECT_EQ(*store_->Count(Table::kService), 0);
}

TEST_P(StoreTest, ServiceFiltersCombineWithAnd) {
  std::string food = domain::TermId("needs", "voedsel");
  std::vector<Record> batch = {
      Organization("a", "A"),
      Organization("b", "B"),
      Service("1", "a", "Voedselpakket", "2026-03-01T00:00:00.000Z"),
      Service("2", "a", "Taalles", "2026-03-01T00:00:00.000Z"),
      Service("3", "b", "Voedselbank", "2025-01-01T00:00:00.000Z"),
      domain::TermAttribute("service", domain::NameUuid("service:1"), food),
      domain::TermAttribute("service", domain::NameUuid("service:3"), food),
  };
  ASSERT_TRUE(store_->Write(batch).ok());
  ServiceFilter filter{.organization_id = domain::NameUuid("org:a"), .taxonomy_term_id = food};
  auto page = store_->ListServices(filter, {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->records[0].Get("name"), "Voedselpakket");

  ServiceFilter by_taxonomy{.taxonomy_id = domain::NeedsTaxonomyId(),
                            .modified_after = "2026-01-01T00:00:00.000Z"};
  page = store_->ListServices(by_taxonomy, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1);

  page = store_->ListServices(ServiceFilter{.search = "VOEDSEL"}, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);
}

TEST_P(StoreTest, SearchTreatsWildcardsAsText) {
  ASSERT_TRUE(
      store_->Write(std::vector<Record>{Organization("a", "A"), Service("1", "a", "Hulp")}).ok());
  auto page = store_->ListServices(ServiceFilter{.search = "%"}, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 0);
  page = store_->ListServices(ServiceFilter{.search = "'; DROP TABLE service; --"}, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(*store_->Count(Table::kService), 1);
}

TEST_P(StoreTest, PagesSliceTheOrderedList) {
  std::vector<Record> batch = {Organization("a", "A")};
  for (int i = 0; i < 7; ++i)
    batch.push_back(Service(std::to_string(i), "a", "Dienst " + std::to_string(i)));
  ASSERT_TRUE(store_->Write(batch).ok());
  auto page = store_->ListServices({}, PageRequest{.page = 3, .per_page = 3});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 7);
  ASSERT_EQ(page->records.size(), 1u);
  EXPECT_EQ(page->records[0].Get("name"), "Dienst 6");
}

TEST_P(StoreTest, TermFiltersFindTopLevelAndChildren) {
  auto top = store_->ListTaxonomyTerms(
      TermFilter{.taxonomy_id = domain::NeedsTaxonomyId(), .top_only = true}, {.per_page = 1000});
  ASSERT_TRUE(top.ok()) << top.error().message;
  auto children =
      store_->ListTaxonomyTerms(TermFilter{.parent_id = domain::TermId("needs", "armoede")}, {});
  ASSERT_TRUE(children.ok());
  EXPECT_EQ(children->total, 2);
  EXPECT_LT(top->total, static_cast<int64_t>(domain::NeedTerms().size()));
  for (const Record& term : top->records) EXPECT_FALSE(term.Get("parent_id").has_value());
}

TEST_P(StoreTest, ForEachVisitsEveryRecordInIdOrder) {
  std::vector<Record> batch;
  for (int i = 0; i < 1200; ++i)
    batch.push_back(Organization(std::to_string(i), "Org " + std::to_string(i)));
  ASSERT_TRUE(store_->Write(batch).ok());
  std::vector<std::string> ids;
  ASSERT_TRUE(store_
                  ->ForEach(Table::kOrganization,
                            [&](const Record& r) {
                              ids.push_back(r.id());
                              return true;
                            })
                  .ok());
  EXPECT_EQ(ids.size(), 1200u);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
}

TEST_P(StoreTest, EveryWriteIsInTheChangeLog) {
  int64_t before = *store_->LastChange();
  ASSERT_TRUE(
      store_->Write(std::vector<Record>{Organization("a", "A"), Organization("b", "B")}).ok());
  EXPECT_EQ(*store_->LastChange(), before + 2);
}

TEST_P(StoreTest, ChangesSinceListsWritesAndDeletesInOrder) {
  int64_t before = *store_->LastChange();
  ASSERT_TRUE(
      store_->Write(std::vector<Record>{Organization("a", "A"), Service("s", "a", "S")}).ok());
  ASSERT_TRUE(
      store_->Write({}, std::vector<RecordKey>{{Table::kService, Service("s", "a", "S").id()}})
          .ok());
  auto changes = store_->ChangesSince(before, 10);
  ASSERT_TRUE(changes.ok()) << changes.error().message;
  ASSERT_EQ(changes->size(), 3u);
  EXPECT_EQ((*changes)[0].table, Table::kOrganization);
  EXPECT_EQ((*changes)[1].table, Table::kService);
  EXPECT_FALSE((*changes)[1].deleted);
  EXPECT_TRUE((*changes)[2].deleted);
  EXPECT_EQ((*changes)[2].record_id, Service("s", "a", "S").id());
  EXPECT_EQ((*changes)[2].seq, *store_->LastChange());
  EXPECT_LT((*changes)[0].seq, (*changes)[1].seq);
  EXPECT_EQ((*changes)[0].changed_at.size(), 24u);  // 2026-11-21T10:00:00.000Z
  EXPECT_EQ(store_->ChangesSince(before, 2)->size(), 2u);
  EXPECT_TRUE(store_->ChangesSince(*store_->LastChange(), 10)->empty());
}

TEST_P(StoreTest, ReportsAreStoredForAServiceAndItsOrganisation) {
  Record service = Service("s", "a", "Kledingbank");
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a", "A"), service}).ok());
  Status stored = store_->AddReport({.id = domain::RandomUuid(),
                                     .service_id = service.id(),
                                     .message = "Het adres klopt niet; zie 'Markt 2' \"achter\"",
                                     .language = "ar"});
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  ASSERT_TRUE(store_
                  ->AddReport({.id = domain::RandomUuid(),
                               .service_id = service.id(),
                               .message = "Tweede",
                               .email = "a@b.nl",
                               .language = "nl"})
                  .ok());
  auto reports = store_->ReportsFor(service.id());
  ASSERT_TRUE(reports.ok()) << reports.error().message;
  ASSERT_EQ(reports->size(), 2u);
  // Written within the same millisecond, so their order is not fixed.
  if ((*reports)[0].message == "Tweede") std::swap((*reports)[0], (*reports)[1]);
  EXPECT_EQ((*reports)[0].message, "Het adres klopt niet; zie 'Markt 2' \"achter\"");
  EXPECT_EQ((*reports)[0].organization_id, domain::NameUuid("org:a"));
  EXPECT_FALSE((*reports)[0].email.has_value());
  EXPECT_EQ((*reports)[1].email, "a@b.nl");
  EXPECT_EQ((*reports)[1].status, "new");
  // A report about nothing is refused; the change log does not carry reports.
  int64_t before = *store_->LastChange();
  Status missing = store_->AddReport({.id = domain::RandomUuid(),
                                      .service_id = domain::RandomUuid(),
                                      .message = "x",
                                      .language = "nl"});
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(*store_->LastChange(), before);
  // Reports older than the cutoff go; newer ones stay.
  EXPECT_EQ(*store_->DeleteReportsBefore("2000-01-01T00:00:00.000Z"), 0);
  EXPECT_EQ(store_->ReportsFor(service.id())->size(), 2u);
  EXPECT_EQ(*store_->DeleteReportsBefore("2999-01-01T00:00:00.000Z"), 2);
  EXPECT_TRUE(store_->ReportsFor(service.id())->empty());
  ASSERT_TRUE(store_
                  ->AddReport({.id = domain::RandomUuid(),
                               .service_id = service.id(),
                               .message = "Derde",
                               .language = "nl"})
                  .ok());
  // Deleting the service deletes its reports (and the personal data in them).
  ASSERT_TRUE(store_->Write({}, std::vector<RecordKey>{{Table::kService, service.id()}}).ok());
  EXPECT_TRUE(store_->ReportsFor(service.id())->empty());
}

TEST_P(StoreTest, AnOrganizationSeesAndDeletesOnlyItsOwnReports) {
  Record mine = Service("m", "a", "Kledingbank");
  Record theirs = Service("t", "b", "Voedselbank");
  ASSERT_TRUE(
      store_
          ->Write(std::vector<Record>{Organization("a", "A"), Organization("b", "B"), mine, theirs})
          .ok());
  std::string first = domain::RandomUuid(), other = domain::RandomUuid();
  ASSERT_TRUE(
      store_->AddReport({.id = first, .service_id = mine.id(), .message = "Oud", .language = "nl"})
          .ok());
  ASSERT_TRUE(
      store_->AddReport({.id = other, .service_id = theirs.id(), .message = "B", .language = "nl"})
          .ok());
  auto reports = store_->ReportsOfOrganization(domain::NameUuid("org:a"));
  ASSERT_TRUE(reports.ok()) << reports.error().message;
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_EQ((*reports)[0].message, "Oud");
  // Another organisation's report cannot be deleted through this one.
  EXPECT_EQ(store_->DeleteReport(other, domain::NameUuid("org:a")).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(store_->ReportsOfOrganization(domain::NameUuid("org:b"))->size(), 1u);
  EXPECT_TRUE(store_->DeleteReport(first, domain::NameUuid("org:a")).ok());
  EXPECT_TRUE(store_->ReportsOfOrganization(domain::NameUuid("org:a"))->empty());
}

TEST_P(StoreTest, WriteValidatesAndNormalises) {
  Record service = Service("n", "a", "Taalcafé", "2026-03-15T11:30:00+01:00");
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a", "A"), service}).ok());
  EXPECT_EQ((*store_->Get(Table::kService, service.id()))->Get("last_modified"),
            "2026-03-15T10:30:00.000Z");
  Status bad = store_->Write(std::vector<Record>{Service("m", "a", "X").With("status", "open")});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "status");
  EXPECT_EQ(*store_->Count(Table::kService), 1);
}

// Statements stay prepared on their connection between calls; a read must still see what another
// connection has written since.
TEST_P(StoreTest, ReadsSeeWritesOfOtherConnections) {
  auto other = OpenStore(options_);
  ASSERT_TRUE(other.ok()) << other.error().message;
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a", "A")}).ok());
  EXPECT_EQ(*store_->Count(Table::kService), 0);
  ASSERT_TRUE((*other)->Write(std::vector<Record>{Service("s", "a", "Taalcafé")}).ok());
  auto read = store_->Get(Table::kService, domain::NameUuid("service:s"));
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_TRUE(read->has_value());
  EXPECT_EQ(store_->FindBy(Table::kService, "organization_id", domain::NameUuid("org:a"))->size(),
            1u);
  EXPECT_EQ(*store_->Count(Table::kService), 1);
}

TEST_P(StoreTest, KeepsWorkingAfterAStatementFails) {
  auto translation = [](const std::string& key, const std::string& text) {
    return Record(Table::kTranslation)
        .With("id", domain::NameUuid("translation:" + key))
        .With("table_name", "organization")
        .With("record_id", domain::NameUuid("org:a"))
        .With("field_name", "name")
        .With("language", "en")
        .With("text", text);
  };
  ASSERT_TRUE(store_->Write(std::vector<Record>{Organization("a", "A")}).ok());
  // Two translations of the same field into the same language break a unique index.
  EXPECT_FALSE(
      store_->Write(std::vector<Record>{translation("1", "One"), translation("2", "Two")}).ok());
  Status status = store_->Write(std::vector<Record>{translation("1", "One")});
  ASSERT_TRUE(status.ok()) << status.error().message;
  auto read = store_->FindBy(Table::kTranslation, "record_id", domain::NameUuid("org:a"));
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read->size(), 1u);
  EXPECT_EQ(read->front().Get("text"), "One");
}

TEST_P(StoreTest, PingAnswers) { EXPECT_TRUE(store_->Ping().ok()); }

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgresql),
                         [](const auto& info) {
                           return info.param == Backend::kSqlite ? "Sqlite" : "Postgresql";
                         });

TEST(OpenStore, RefusesAnUnmigratedDatabase) {
  testing::TempDir dir;
  auto store = OpenStore({.database = "sqlite:" + (dir.path() / "new.db").string()});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kConflict);
  EXPECT_NE(store.error().message.find("knooppunt migrate"), std::string::npos);
}

TEST(OpenStore, RejectsAnUnknownDatabaseKind) {
  auto store = OpenStore({.database = "mysql://localhost/x"});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kInvalidArgument);
}

TEST(OpenStore, SqliteRunsInWalModeWithForeignKeys) {
  testing::TempDir dir;
  std::string path = (dir.path() / "wal.db").string();
  ASSERT_TRUE(Migrate({.database = "sqlite:" + path}).ok());
  auto store = OpenStore({.database = "sqlite:" + path});
  ASSERT_TRUE(store.ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal");
  sqlite3_finalize(statement);
  sqlite3_close(db);
  // Foreign keys are on for the store's own connections: a dangling reference is refused.
  EXPECT_FALSE((*store)->Write(std::vector<Record>{Service("x", "nowhere", "X")}).ok());
}

}  // namespace
}  // namespace knooppunt::store
