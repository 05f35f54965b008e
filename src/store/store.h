// The store: the one interface to persistence of the social map. SQLite (embedded default) and
// PostgreSQL sit behind it through SOCI; migrations are numbered files per backend (schema/).
// Thread-safety: every method may be called from any thread at once; each call borrows its own
// connection from a pool.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.h"
#include "domain/result.h"
#include "store/account_store.h"
#include "store/posting_store.h"

namespace knooppunt::store {

enum class Backend { kSqlite, kPostgresql };

struct StoreOptions {
  // "sqlite:PATH" (the file is created when missing) or "postgresql://user@host:port/db".
  std::string database = "sqlite:data/knooppunt.db";
  // Connections kept open; one per server thread plus one is enough.
  int pool_size = 4;
  // How long a writer waits for a SQLite lock before giving up, in milliseconds.
  int busy_timeout_ms = 5000;
};

// 1-based page number and page size, already validated by the caller.
struct PageRequest {
  int64_t page = 1;
  int64_t per_page = 50;
};

struct Page {
  std::vector<domain::Record> records;
  int64_t total = 0;  // matching records on all pages together
};

// The HSDS list filters; each one set narrows the result (AND).
struct ServiceFilter {
  std::optional<std::string> organization_id = std::nullopt;
  std::optional<std::string> taxonomy_term_id = std::nullopt;
  std::optional<std::string> taxonomy_id = std::nullopt;
  std::optional<std::string> modified_after =
      std::nullopt;                                  // normalised UTC date-time (domain/time.h)
  std::optional<std::string> search = std::nullopt;  // words that must occur in name or description
  std::optional<std::string> postcode =
      std::nullopt;  // service_at_locations only: the address postcode
};

struct TermFilter {
  std::optional<std::string> taxonomy_id = std::nullopt;
  std::optional<std::string> parent_id = std::nullopt;
  std::optional<std::string> search = std::nullopt;
  bool top_only = false;  // only terms without a parent
};

struct RecordKey {
  domain::Table table;
  std::string id;
};

// One entry of the change log: a record written or deleted.
struct Change {
  int64_t seq = 0;  // increasing; the order of the writes
  domain::Table table = domain::Table::kService;
  std::string record_id;
  bool deleted = false;
  std::string changed_at;  // normalised UTC date-time of the write
};

// A visitor's "report a mistake" message about a service.
struct Report {
  std::string id;
  std::string service_id;
  std::string organization_id = "";  // of the service, when it has one; set by the store
  std::string message;
  std::optional<std::string> email = std::nullopt;  // only when the visitor gave it
  std::string language;                             // the page's language
  std::string created_at = "";                      // set by AddReport
  std::string status = "new";
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Backend backend() const = 0;

  // Success when the database answers a trivial query; kUnavailable otherwise.
  virtual Status Ping() = 0;

  // The record with this id, or nullopt when there is none.
  virtual Result<std::optional<domain::Record>> Get(domain::Table table, std::string_view id) = 0;

  // Records whose `field` equals `value`, in id order. `field` must be a field of the table
  // (kInternal otherwise: a programming error, never user input).
  virtual Result<std::vector<domain::Record>> FindBy(domain::Table table, std::string_view field,
                                                     std::string_view value) = 0;

  // Pages of the HSDS list endpoints, ordered by name then id.
  virtual Result<Page> ListServices(const ServiceFilter& filter, PageRequest page) = 0;
  virtual Result<Page> ListServiceAtLocations(const ServiceFilter& filter, PageRequest page) = 0;
  virtual Result<Page> ListOrganizations(const std::optional<std::string>& search,
                                         PageRequest page) = 0;
  virtual Result<Page> ListTaxonomies(const std::optional<std::string>& search,
                                      PageRequest page) = 0;
  virtual Result<Page> ListTaxonomyTerms(const TermFilter& filter, PageRequest page) = 0;

  // Calls `visit` for every record of a table in id order, reading in batches; stops early when
  // `visit` returns false.
  virtual Status ForEach(domain::Table table,
                         const std::function<bool(const domain::Record&)>& visit) = 0;

  // Inserts or updates `upserts` (same id → update) and removes `deletes`, all in one
  // transaction: on any failure nothing is written. Records are checked and normalised with
  // domain::Validate first (an invalid one → kInvalidArgument naming table, id and field). Each
  // change is appended to the change log. A reference to a missing record → kInvalidArgument.
  virtual Status Write(std::span<const domain::Record> upserts,
                       std::span<const RecordKey> deletes = {}) = 0;

  virtual Result<int64_t> Count(domain::Table table) = 0;

  // The sequence number of the newest change-log entry (0 when empty).
  virtual Result<int64_t> LastChange() = 0;

  // Stores a report (created_at is set to now). A service that does not exist → kNotFound.
  virtual Status AddReport(Report report) = 0;
  // The reports about a service, oldest first (reports of the same millisecond in any order).
  virtual Result<std::vector<Report>> ReportsFor(std::string_view service_id) = 0;
  // The reports about the services of an organisation, newest first.
  virtual Result<std::vector<Report>> ReportsOfOrganization(std::string_view organization_id) = 0;
  // Deletes one report of the organisation (it was dealt with). kNotFound when the organisation
  // has no report with this id.
  virtual Status DeleteReport(std::string_view id, std::string_view organization_id) = 0;
  // Deletes reports created before `cutoff` (a normalised UTC date-time). Success: how many.
  virtual Result<int64_t> DeleteReportsBefore(std::string_view cutoff) = 0;

  // Up to `limit` change-log entries with a sequence number above `after`, oldest first.
  // Entries of tables Knooppunt no longer knows are skipped.
  virtual Result<std::vector<Change>> ChangesSince(int64_t after, int64_t limit) = 0;

  // Accounts, sessions, audit log and outbox, in the same database (store/account_store.h).
  virtual AccountStore& accounts() = 0;

  // Postings, profiles, matching rounds, matches and messages, in the same database
  // (store/posting_store.h).
  virtual PostingStore& postings() = 0;
};

// Opens the database named in options.database and checks that its schema is current.
// Failure: kInvalidArgument for a malformed name, kUnavailable when it cannot be reached,
// kConflict when migrations are missing ("run `knooppunt migrate`").
Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options);

// Applies the migrations the database lacks, in order, each in its own transaction.
// Success: the number applied (0 when already current).
Result<int> Migrate(const StoreOptions& options);

}  // namespace knooppunt::store
