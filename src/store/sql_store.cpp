// SqlStore: the Store on SOCI, one implementation for SQLite and PostgreSQL. The statements are
// constant text: table and column names come only from the constant table descriptions in
// domain/model.h, and every value is bound as a parameter, never spliced into SQL.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "domain/time.h"
#include "store/connection_pool.h"
#include "store/migrations.h"
#include "store/sql_account_store.h"
#include "store/sql_posting_store.h"
#include "store/store.h"

namespace knooppunt::store {
namespace {

using domain::Record;
using domain::Table;
using domain::TableSpec;

struct Target {
  Backend backend;
  std::string connect;  // what SOCI's backend receives
};

std::string PercentDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() + 0 &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string ConninfoValue(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// SOCI 4.0 mangles libpq URIs, so postgresql://user:pw@host:port/db?k=v becomes the key=value
// form libpq also accepts.
Result<std::string> PostgresqlConninfo(std::string_view uri) {
  uri.remove_prefix(uri.find("://") + 3);
  std::string_view query;
  if (auto q = uri.find('?'); q != std::string_view::npos) {
    query = uri.substr(q + 1);
    uri = uri.substr(0, q);
  }
  std::string_view path;
  if (auto slash = uri.find('/'); slash != std::string_view::npos) {
    path = uri.substr(slash + 1);
    uri = uri.substr(0, slash);
  }
  std::string conninfo;
  auto add = [&](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    conninfo += (conninfo.empty() ? "" : " ") + std::string(key) + "=" +
                ConninfoValue(PercentDecode(value));
  };
  if (auto at = uri.rfind('@'); at != std::string_view::npos) {
    std::string_view credentials = uri.substr(0, at);
    uri = uri.substr(at + 1);
    auto colon = credentials.find(':');
    add("user", credentials.substr(0, colon));
    if (colon != std::string_view::npos) add("password", credentials.substr(colon + 1));
  }
  std::string_view host = uri, port;
  if (auto colon = uri.rfind(':');
      colon != std::string_view::npos && uri.find(']') == std::string_view::npos) {
    host = uri.substr(0, colon);
    port = uri.substr(colon + 1);
  }
  if (!port.empty() && port.find_first_not_of("0123456789") != std::string_view::npos) {
    return InvalidArgument("database", "the PostgreSQL port must be a number");
  }
  add("host", host);
  add("port", port);
  add("dbname", path);
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos)
      return InvalidArgument("database", "malformed option in the PostgreSQL address");
    add(pair.substr(0, eq), pair.substr(eq + 1));
  }
  return conninfo;
}

Result<Target> ParseDatabase(std::string_view database) {
  if (database.starts_with("sqlite:")) {
    std::string path(database.substr(7));
    if (path.empty())
      return InvalidArgument("database",
                             "sqlite: needs a file path, e.g. sqlite:data/knooppunt.db");
    if (path.find_first_of("\"'") != std::string::npos) {
      return InvalidArgument("database", "the SQLite file path may not contain quotes");
    }
    return Target{Backend::kSqlite, path};
  }
  if (database.starts_with("postgresql://") || database.starts_with("postgres://")) {
    auto conninfo = PostgresqlConninfo(database);
    if (!conninfo) return conninfo.error();
    return Target{Backend::kPostgresql, *conninfo};
  }
  return InvalidArgument("database",
                         "the database must be sqlite:PATH or postgresql://USER@HOST:PORT/NAME");
}

std::string Columns(const TableSpec& spec, std::string_view alias) {
  std::string out;
  for (const auto& field : spec.fields) {
    if (!out.empty()) out += ", ";
    out += std::string(alias) + "." + std::string(field.name);
  }
  return out;
}

// Words of `search` become one LIKE pattern on lower-case text ("!" escapes % and _).
std::string LikePattern(std::string_view search) {
  std::string out = "%";
  for (char c : search) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out + "%";
}

// Conditions shared by the service and service_at_location lists (alias s = service).
constexpr std::string_view kServiceConditions = R"sql(
  (:has_org = 0 OR s.organization_id = :org)
  AND (:has_term = 0 OR EXISTS (SELECT 1 FROM attribute a
       WHERE a.link_id = s.id AND a.taxonomy_term_id = :term))
  AND (:has_taxonomy = 0 OR EXISTS (SELECT 1 FROM attribute a
       JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
       WHERE a.link_id = s.id AND t.taxonomy_id = :taxonomy))
  AND (:has_modified = 0 OR s.last_modified >= :modified)
  AND (:has_search = 0 OR lower(s.name) LIKE :search1 ESCAPE '!'
       OR lower(COALESCE(s.description, '')) LIKE :search2 ESCAPE '!'))sql";

constexpr std::string_view kPostcodeCondition = R"sql(
  AND (:has_postcode = 0 OR EXISTS (SELECT 1 FROM address ad
       WHERE ad.location_id = sal.location_id
       AND replace(upper(ad.postal_code), ' ', '') = :postcode)))sql";

constexpr std::string_view kNameSearchCondition = R"sql(
  (:has_search = 0 OR lower(x.name) LIKE :search1 ESCAPE '!'
   OR lower(COALESCE(x.description, '')) LIKE :search2 ESCAPE '!'))sql";

constexpr std::string_view kTermConditions = R"sql(
  AND (:has_taxonomy = 0 OR x.taxonomy_id = :taxonomy)
  AND (:has_parent = 0 OR x.parent_id = :parent)
  AND (:top_only = 0 OR x.parent_id IS NULL))sql";

void AddServiceParams(const ServiceFilter& filter, Params& params) {
  auto add = [&](const std::optional<std::string>& value) {
    params.Flag(value.has_value());
    params.Text(value.value_or(""));
  };
  add(filter.organization_id);
  add(filter.taxonomy_term_id);
  add(filter.taxonomy_id);
  add(filter.modified_after);
  params.Flag(filter.search.has_value());
  params.Text(LikePattern(filter.search.value_or("")));
  params.Text(LikePattern(filter.search.value_or("")));
}

void AddSearchParams(const std::optional<std::string>& search, Params& params) {
  params.Flag(search.has_value());
  params.Text(LikePattern(search.value_or("")));
  params.Text(LikePattern(search.value_or("")));
}

std::vector<std::string> SplitStatements(std::string_view sql) {
  std::vector<std::string> out;
  std::string current;
  std::size_t start = 0;
  while (start < sql.size()) {
    std::size_t end = sql.find('\n', start);
    if (end == std::string_view::npos) end = sql.size();
    std::string_view line = sql.substr(start, end - start);
    start = end + 1;
    if (line.starts_with("--")) continue;
    current += line;
    current += '\n';
    std::string_view trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\r'))
      trimmed.remove_suffix(1);
    if (trimmed.ends_with(";")) {
      out.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \n\r\t") != std::string::npos) out.push_back(current);
  return out;
}

std::span<const Migration> MigrationsFor(Backend backend) {
  return backend == Backend::kSqlite ? SqliteMigrations() : PostgresqlMigrations();
}

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
    "NULL, applied_at TEXT NOT NULL)";
constexpr std::string_view kCurrentVersion =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kRecordMigration =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, :at)";
constexpr std::string_view kAppendChange =
    "INSERT INTO change_log (table_name, record_id, action, changed_at) VALUES (:t, :id, :action, "
    ":at)";
constexpr std::string_view kLastChange = "SELECT COALESCE(MAX(seq), 0) FROM change_log";
constexpr std::string_view kAddReport =
    "INSERT INTO report (id, service_id, organization_id, message, email, language, created_at, "
    "status) SELECT :id, s.id, s.organization_id, :message, :email, :language, :at, :status "
    "FROM service s WHERE s.id = :service";
constexpr std::string_view kReportsFor =
    "SELECT id, service_id, COALESCE(organization_id, ''), message, COALESCE(email, ''), "
    "language, created_at, status FROM report WHERE service_id = :service ORDER BY created_at, id";
constexpr std::string_view kReportsOfOrganization =
    "SELECT id, service_id, COALESCE(organization_id, ''), message, COALESCE(email, ''), "
    "language, created_at, status FROM report WHERE organization_id = :organization "
    "ORDER BY created_at DESC, id";
constexpr std::string_view kDeleteReport =
    "DELETE FROM report WHERE id = :id AND organization_id = :organization";
constexpr std::string_view kDeleteOldReports = "DELETE FROM report WHERE created_at < :cutoff";
// Every column as text, so that both backends read them the same way.
constexpr std::string_view kChangesSince =
    "SELECT CAST(seq AS TEXT), table_name, record_id, action, changed_at FROM change_log "
    "WHERE seq > :after ORDER BY seq LIMIT :count";
constexpr std::string_view kPing = "SELECT 1";

void OpenSession(soci::session& sql, const Target& target, const StoreOptions& options) {
  if (target.backend == Backend::kSqlite) {
    std::filesystem::path path(target.connect);
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    sql.open(soci::sqlite3, "db=\"" + target.connect + "\"");
    std::string mode;
    sql << "PRAGMA journal_mode=WAL", soci::into(mode);
    sql << "PRAGMA foreign_keys=ON";
    sql << "PRAGMA synchronous=NORMAL";
    sql << "PRAGMA busy_timeout=" + std::to_string(options.busy_timeout_ms);
  } else {
    sql.open(soci::postgresql, target.connect);
  }
}

int CurrentVersion(soci::session& sql) {
  long long version = 0;
  sql << kCurrentVersion, soci::into(version);
  return static_cast<int>(version);
}

bool HasMigrationsTable(soci::session& sql, Backend backend) {
  long long found = 0;
  if (backend == Backend::kSqlite) {
    sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
        soci::into(found);
  } else {
    sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_migrations' "
           "AND table_schema = current_schema()",
        soci::into(found);
  }
  return found > 0;
}

class SqlStore final : public Store {
 public:
  SqlStore(Target target, const StoreOptions& options)
      : target_(std::move(target)),
        pool_(target_.backend, static_cast<std::size_t>(std::max(1, options.pool_size))),
        accounts_(MakeSqlAccountStore(pool_, target_.backend)),
        postings_(MakeSqlPostingStore(pool_, target_.backend)) {
    for (const TableSpec& spec : domain::AllTables()) {
      std::string columns, placeholders, updates;
      for (const auto& field : spec.fields) {
        std::string name(field.name);
        columns += (columns.empty() ? "" : ", ") + name;
        placeholders += (placeholders.empty() ? ":" : ", :") + name;
        if (name != "id") updates += (updates.empty() ? "" : ", ") + name + " = excluded." + name;
      }
      std::string table(spec.name);
      Statements& s = statements_[spec.table];
      std::string select = "SELECT " + Columns(spec, "x") + " FROM " + table + " x";
      s.get = select + " WHERE x.id = :id";
      for (const auto& field : spec.fields) {
        s.find_by.push_back(select + " WHERE x." + std::string(field.name) +
                            " = :value ORDER BY x.id");
      }
      s.batch = select + " WHERE x.id > :after ORDER BY x.id LIMIT 500";
      s.upsert = "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders +
                 ") ON CONFLICT (id) DO UPDATE SET " + updates;
      s.remove = "DELETE FROM " + table + " WHERE id = :id";
      s.count = "SELECT COUNT(*) FROM " + table;
    }
  }

  // Opens every pooled connection. Failure: kUnavailable with the reason.
  Status Connect(const StoreOptions& options) {
    try {
      for (std::size_t i = 0; i < pool_.size(); ++i) {
        OpenSession(pool_.at(i), target_, options);
      }
      ConnectionPool::Lease lease(pool_);
      soci::session& sql = lease.session();
      if (!HasMigrationsTable(sql, target_.backend)) {
        return Error{
            ErrorCode::kConflict, "the database has no tables yet: run `knooppunt migrate`", {}};
      }
      int have = CurrentVersion(sql);
      int want = MigrationsFor(target_.backend).back().version;
      if (have < want) {
        return Error{ErrorCode::kConflict,
                     "the database is at schema version " + std::to_string(have) +
                         ", this program needs " + std::to_string(want) +
                         ": run `knooppunt migrate`",
                     {}};
      }
      if (have > want) {
        return Error{ErrorCode::kConflict,
                     "the database (schema version " + std::to_string(have) +
                         ") is newer than this program (" + std::to_string(want) + ")",
                     {}};
      }
      return {};
    } catch (const std::exception& e) {
      return Unavailable(std::string("cannot open the database: ") + e.what());
    }
  }

  Backend backend() const override { return target_.backend; }

  Status Ping() override {
    try {
      ConnectionPool::Lease lease(pool_);
      if (lease.Number(kPing, Params()) != 1) {
        return Unavailable("the database gave a wrong answer");
      }
      return {};
    } catch (const std::exception& e) {
      return Unavailable(std::string("the database does not answer: ") + e.what());
    }
  }

  Result<std::optional<Record>> Get(Table table, std::string_view id) override {
    Params params;
    params.Text(std::string(id));
    auto rows = Query(table, statements_.at(table).get, params);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<Record>();
    return std::optional<Record>(std::move(rows->front()));
  }

  Result<std::vector<Record>> FindBy(Table table, std::string_view field,
                                     std::string_view value) override {
    auto index = domain::FieldIndex(domain::Spec(table), field);
    if (!index) {
      return Internal("no field " + std::string(field) + " in " +
                      std::string(domain::Spec(table).name));
    }
    Params params;
    params.Text(std::string(value));
    return Query(table, statements_.at(table).find_by.at(*index), params);
  }

  Result<Page> ListServices(const ServiceFilter& filter, PageRequest page) override {
    Params params;
    AddServiceParams(filter, params);
    std::string from = "FROM service s WHERE " + std::string(kServiceConditions);
    return List(Table::kService,
                "SELECT " + Columns(domain::Spec(Table::kService), "s") + " " + from +
                    " ORDER BY s.name, s.id",
                "SELECT COUNT(*) " + from, params, page);
  }

  Result<Page> ListServiceAtLocations(const ServiceFilter& filter, PageRequest page) override {
    Params params;
    AddServiceParams(filter, params);
    std::string postcode;
    if (filter.postcode) {
      for (char c : *filter.postcode) {
        if (c != ' ') postcode += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      }
    }
    params.Flag(filter.postcode.has_value());
    params.Text(postcode);
    std::string from =
        "FROM service_at_location sal JOIN service s ON s.id = sal.service_id WHERE " +
        std::string(kServiceConditions) + std::string(kPostcodeCondition);
    return List(Table::kServiceAtLocation,
                "SELECT " + Columns(domain::Spec(Table::kServiceAtLocation), "sal") + " " + from +
                    " ORDER BY s.name, sal.id",
                "SELECT COUNT(*) " + from, params, page);
  }

  Result<Page> ListOrganizations(const std::optional<std::string>& search,
                                 PageRequest page) override {
    return ListNamed(Table::kOrganization, search, page);
  }

  Result<Page> ListTaxonomies(const std::optional<std::string>& search, PageRequest page) override {
    return ListNamed(Table::kTaxonomy, search, page);
  }

  Result<Page> ListTaxonomyTerms(const TermFilter& filter, PageRequest page) override {
    Params params;
    AddSearchParams(filter.search, params);
    params.Flag(filter.taxonomy_id.has_value());
    params.Text(filter.taxonomy_id.value_or(""));
    params.Flag(filter.parent_id.has_value());
    params.Text(filter.parent_id.value_or(""));
    params.Flag(filter.top_only);
    std::string from = "FROM taxonomy_term x WHERE " + std::string(kNameSearchCondition) +
                       std::string(kTermConditions);
    return List(Table::kTaxonomyTerm,
                "SELECT " + Columns(domain::Spec(Table::kTaxonomyTerm), "x") + " " + from +
                    " ORDER BY x.name, x.id",
                "SELECT COUNT(*) " + from, params, page);
  }

  Status ForEach(Table table, const std::function<bool(const Record&)>& visit) override {
    std::string after;
    while (true) {
      Params params;
      params.Text(after);
      auto rows = Query(table, statements_.at(table).batch, params);
      if (!rows) return rows.error();
      if (rows->empty()) return {};
      for (const Record& record : *rows) {
        if (!visit(record)) return {};
      }
      after = rows->back().id();
    }
  }

  Status Write(std::span<const Record> upserts, std::span<const RecordKey> deletes) override {
    std::string now = domain::FormatUtc(domain::Now());
    std::string doing = "writing";
    try {
      ConnectionPool::Lease lease(pool_);
      soci::transaction transaction(lease.session());
      for (const Record& given : upserts) {
        auto record = domain::Validate(given);
        if (!record) {
          Error error = record.error();
          error.message = std::string(given.spec().name) + " " + given.id() + ": " + error.message;
          return error;
        }
        std::string id = record->id();
        doing = "writing " + std::string(record->spec().name) + " " + id;
        Params params(record->values().size());
        for (auto& value : record->mutable_values()) params.Text(std::move(value));
        lease.Execute(statements_.at(record->table()).upsert, params);
        LogChange(lease, record->spec().name, id, "upsert", now);
      }
      for (const RecordKey& key : deletes) {
        doing = "deleting " + std::string(domain::Spec(key.table).name) + " " + key.id;
        Params params;
        params.Text(key.id);
        lease.Execute(statements_.at(key.table).remove, params);
        LogChange(lease, domain::Spec(key.table).name, key.id, "delete", now);
      }
      doing = "committing";
      transaction.commit();
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, doing);
    }
  }

  Result<int64_t> Count(Table table) override {
    try {
      ConnectionPool::Lease lease(pool_);
      return static_cast<int64_t>(lease.Number(statements_.at(table).count, Params()));
    } catch (const std::exception& e) {
      return FromSoci(e, "counting");
    }
  }

  Result<int64_t> LastChange() override {
    try {
      ConnectionPool::Lease lease(pool_);
      return static_cast<int64_t>(lease.Number(kLastChange, Params()));
    } catch (const std::exception& e) {
      return FromSoci(e, "reading the change log");
    }
  }

  Status AddReport(Report report) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::string at = domain::FormatUtc(domain::Now());
      std::optional<std::string> email = report.email;
      soci::indicator email_indicator = email ? soci::i_ok : soci::i_null;
      std::string email_value = email.value_or("");
      soci::statement insert =
          (lease.session().prepare << std::string(kAddReport), soci::use(report.id, "id"),
           soci::use(report.message, "message"), soci::use(email_value, email_indicator, "email"),
           soci::use(report.language, "language"), soci::use(at, "at"),
           soci::use(report.status, "status"), soci::use(report.service_id, "service"));
      insert.execute(true);
      if (insert.get_affected_rows() == 0)
        return NotFound("no service with id " + report.service_id);
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "storing a report");
    }
  }

  Result<std::vector<Report>> ReportsFor(std::string_view service_id) override {
    return ReadReports(kReportsFor, "service", service_id);
  }

  Result<std::vector<Report>> ReportsOfOrganization(std::string_view organization_id) override {
    return ReadReports(kReportsOfOrganization, "organization", organization_id);
  }

  Status DeleteReport(std::string_view id, std::string_view organization_id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::string id_value(id), organization(organization_id);
      soci::statement remove = (lease.session().prepare << std::string(kDeleteReport),
                                soci::use(id_value, "id"), soci::use(organization, "organization"));
      remove.execute(true);
      if (remove.get_affected_rows() == 0) return NotFound("no such report of this organisation");
      return {};
    } catch (const std::exception& e) {
      return FromSoci(e, "deleting a report");
    }
  }

  Result<int64_t> DeleteReportsBefore(std::string_view cutoff) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::string value(cutoff);
      soci::statement remove =
          (lease.session().prepare << std::string(kDeleteOldReports), soci::use(value, "cutoff"));
      remove.execute(true);
      return static_cast<int64_t>(remove.get_affected_rows());
    } catch (const std::exception& e) {
      return FromSoci(e, "deleting old reports");
    }
  }

  AccountStore& accounts() override { return *accounts_; }
  PostingStore& postings() override { return *postings_; }

  Result<std::vector<Change>> ChangesSince(int64_t after, int64_t limit) override {
    try {
      ConnectionPool::Lease lease(pool_);
      long long after_value = after;
      long long count = limit;
      soci::rowset<soci::row> rows = (lease.session().prepare << std::string(kChangesSince),
                                      soci::use(after_value, "after"), soci::use(count, "count"));
      std::vector<Change> changes;
      for (const soci::row& row : rows) {
        auto table = domain::TableByName(row.get<std::string>(1));
        if (!table) continue;
        changes.push_back({.seq = std::stoll(row.get<std::string>(0)),
                           .table = *table,
                           .record_id = row.get<std::string>(2),
                           .deleted = row.get<std::string>(3) == "delete",
                           .changed_at = row.get<std::string>(4)});
      }
      return changes;
    } catch (const std::exception& e) {
      return FromSoci(e, "reading the change log");
    }
  }

 private:
  struct Statements {
    std::string get;                   // the record with an id
    std::vector<std::string> find_by;  // [i]: the records whose field i equals a value
    std::string batch;                 // up to 500 records after an id, for ForEach
    std::string upsert;
    std::string remove;
    std::string count;
  };

  // The reports `query` selects with one parameter `name` = `value`.
  Result<std::vector<Report>> ReadReports(std::string_view query, const char* name,
                                          std::string_view value) {
    try {
      ConnectionPool::Lease lease(pool_);
      std::string bound(value);
      soci::rowset<soci::row> rows =
          (lease.session().prepare << std::string(query), soci::use(bound, name));
      std::vector<Report> reports;
      for (const soci::row& row : rows) {
        Report report{.id = row.get<std::string>(0),
                      .service_id = row.get<std::string>(1),
                      .organization_id = row.get<std::string>(2),
                      .message = row.get<std::string>(3),
                      .language = row.get<std::string>(5),
                      .created_at = row.get<std::string>(6),
                      .status = row.get<std::string>(7)};
        if (std::string email = row.get<std::string>(4); !email.empty()) report.email = email;
        reports.push_back(std::move(report));
      }
      return reports;
    } catch (const std::exception& e) {
      return FromSoci(e, "reading reports");
    }
  }

  static void LogChange(ConnectionPool::Lease& lease, std::string_view table, const std::string& id,
                        std::string_view action, const std::string& now) {
    Params params(4);
    params.Text(std::string(table));
    params.Text(id);
    params.Text(std::string(action));
    params.Text(now);
    lease.Execute(kAppendChange, params);
  }

  Result<std::vector<Record>> Query(Table table, const std::string& query, const Params& params) {
    try {
      ConnectionPool::Lease lease(pool_);
      return lease.Query(table, query, params);
    } catch (const std::exception& e) {
      return FromSoci(e, "reading " + std::string(domain::Spec(table).name));
    }
  }

  Result<Page> List(Table table, const std::string& select, const std::string& count, Params params,
                    PageRequest page) {
    try {
      ConnectionPool::Lease lease(pool_);
      Page out;
      out.total = lease.Number(count, params, ConnectionPool::Planning::kEachRun);
      params.Int(page.per_page);
      params.Int((page.page - 1) * page.per_page);
      out.records = lease.Query(table, select + " LIMIT :limit OFFSET :offset", params,
                                ConnectionPool::Planning::kEachRun);
      return out;
    } catch (const std::exception& e) {
      return FromSoci(e, "listing " + std::string(domain::Spec(table).name));
    }
  }

  Result<Page> ListNamed(Table table, const std::optional<std::string>& search, PageRequest page) {
    Params params;
    AddSearchParams(search, params);
    const TableSpec& spec = domain::Spec(table);
    std::string from =
        "FROM " + std::string(spec.name) + " x WHERE " + std::string(kNameSearchCondition);
    return List(table, "SELECT " + Columns(spec, "x") + " " + from + " ORDER BY x.name, x.id",
                "SELECT COUNT(*) " + from, params, page);
  }

  Target target_;
  ConnectionPool pool_;
  std::unique_ptr<AccountStore> accounts_;  // shares pool_
  std::unique_ptr<PostingStore> postings_;  // shares pool_
  std::map<Table, Statements> statements_;  // built in the constructor, then only read
};

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options) {
  auto target = ParseDatabase(options.database);
  if (!target) return target.error();
  auto store = std::make_unique<SqlStore>(std::move(*target), options);
  if (Status status = store->Connect(options); !status) return status.error();
  return std::unique_ptr<Store>(std::move(store));
}

Result<int> Migrate(const StoreOptions& options) {
  auto target = ParseDatabase(options.database);
  if (!target) return target.error();
  int applied = 0;
  std::string doing = "connecting";
  try {
    soci::session sql;
    OpenSession(sql, *target, options);
    doing = "creating schema_migrations";
    sql << kCreateMigrationsTable;
    int have = CurrentVersion(sql);
    for (const Migration& migration : MigrationsFor(target->backend)) {
      if (migration.version <= have) continue;
      doing = "applying " + std::string(migration.name);
      soci::transaction transaction(sql);
      for (const std::string& statement : SplitStatements(migration.sql)) sql << statement;
      std::string name(migration.name), now = domain::FormatUtc(domain::Now());
      int version = migration.version;
      sql << kRecordMigration, soci::use(version), soci::use(name), soci::use(now);
      transaction.commit();
      ++applied;
    }
    return applied;
  } catch (const std::exception& e) {
    return Error{ErrorCode::kUnavailable, "migration failed while " + doing + ": " + e.what(), {}};
  }
}

}  // namespace knooppunt::store
