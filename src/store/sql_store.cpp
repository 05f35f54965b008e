// SqlStore: the Store on SOCI, one implementation for SQLite and PostgreSQL. The statements are
// constant text: table and column names come only from the constant table descriptions in
// domain/model.h, and every value is bound as a parameter, never spliced into SQL.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <deque>
#include <filesystem>
#include <map>

#include "domain/time.h"
#include "store/migrations.h"
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

std::optional<std::string> ColumnText(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return std::nullopt;
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(i);
    case soci::dt_double: {
      std::array<char, 32> buffer{};
      auto end =
          std::to_chars(buffer.data(), buffer.data() + buffer.size(), row.get<double>(i)).ptr;
      return std::string(buffer.data(), end);
    }
    case soci::dt_integer:
      return std::to_string(row.get<int>(i));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return std::to_string(row.get<unsigned long long>(i));
    default:
      return row.get<std::string>(i);
  }
}

Record ReadRecord(Table table, const soci::row& row) {
  Record record(table);
  auto& values = record.mutable_values();
  for (std::size_t i = 0; i < values.size() && i < row.size(); ++i) values[i] = ColumnText(row, i);
  return record;
}

std::string Columns(const TableSpec& spec, std::string_view alias) {
  std::string out;
  for (const auto& field : spec.fields) {
    if (!out.empty()) out += ", ";
    out += std::string(alias) + "." + std::string(field.name);
  }
  return out;
}

// A bound parameter list that can grow at run time (SOCI's `use` needs stable addresses, hence
// deques). Flags and counts are bound as integers: SQLite never finds the text '0' equal to 0.
class Params {
 public:
  void Text(std::optional<std::string> value) {
    texts_.push_back(value.value_or(""));
    indicators_.push_back(value ? soci::i_ok : soci::i_null);
    order_.push_back(Kind::kText);
  }
  void Flag(bool value) { Int(value ? 1 : 0); }
  void Int(int64_t value) {
    ints_.push_back(static_cast<long long>(value));
    order_.push_back(Kind::kInt);
  }
  template <typename Prep>
  void BindTo(Prep& prep) {
    std::size_t text = 0, number = 0;
    for (Kind kind : order_) {
      if (kind == Kind::kText) {
        prep, soci::use(texts_[text], indicators_[text]);
        ++text;
      } else {
        prep, soci::use(ints_[number++]);
      }
    }
  }

 private:
  enum class Kind { kText, kInt };
  std::vector<Kind> order_;
  std::deque<std::string> texts_;
  std::deque<soci::indicator> indicators_;
  std::deque<long long> ints_;
};

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

Error FromSoci(const std::exception& e, std::string_view doing) {
  std::string what = e.what();
  std::string lower = what;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (lower.find("foreign key") != std::string::npos) {
    return InvalidArgument("reference", "a record refers to another record that does not exist");
  }
  if (lower.find("connect") != std::string::npos || lower.find("locked") != std::string::npos ||
      lower.find("busy") != std::string::npos) {
    return Unavailable("the database is not available (" + std::string(doing) + ")");
  }
  return Internal("database error while " + std::string(doing) + ": " + what);
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
        pool_size_(static_cast<std::size_t>(std::max(1, options.pool_size))),
        pool_(pool_size_) {
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
      s.select = "SELECT " + Columns(spec, "x") + " FROM " + table + " x";
      s.upsert = "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders +
                 ") ON CONFLICT (id) DO UPDATE SET " + updates;
      s.remove = "DELETE FROM " + table + " WHERE id = :id";
      s.count = "SELECT COUNT(*) FROM " + table;
    }
  }

  // Opens every pooled connection. Failure: kUnavailable with the reason.
  Status Connect(const StoreOptions& options) {
    try {
      for (std::size_t i = 0; i < pool_size_; ++i) OpenSession(pool_.at(i), target_, options);
      soci::session sql(pool_);
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
      soci::session sql(pool_);
      int one = 0;
      sql << "SELECT 1", soci::into(one);
      if (one != 1) return Unavailable("the database gave a wrong answer");
      return {};
    } catch (const std::exception& e) {
      return Unavailable(std::string("the database does not answer: ") + e.what());
    }
  }

  Result<std::optional<Record>> Get(Table table, std::string_view id) override {
    Params params;
    params.Text(std::string(id));
    auto rows = Query(table, statements_.at(table).select + " WHERE x.id = :id", params);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<Record>();
    return std::optional<Record>(std::move(rows->front()));
  }

  Result<std::vector<Record>> FindBy(Table table, std::string_view field,
                                     std::string_view value) override {
    if (!domain::FieldIndex(domain::Spec(table), field)) {
      return Internal("no field " + std::string(field) + " in " +
                      std::string(domain::Spec(table).name));
    }
    Params params;
    params.Text(std::string(value));
    return Query(
        table,
        statements_.at(table).select + " WHERE x." + std::string(field) + " = :value ORDER BY x.id",
        params);
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
    const std::string query =
        statements_.at(table).select + " WHERE x.id > :after ORDER BY x.id LIMIT 500";
    while (true) {
      Params params;
      params.Text(after);
      auto rows = Query(table, query, params);
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
      soci::session sql(pool_);
      soci::transaction transaction(sql);
      for (const Record& given : upserts) {
        auto record = domain::Validate(given);
        if (!record) {
          Error error = record.error();
          error.message = std::string(given.spec().name) + " " + given.id() + ": " + error.message;
          return error;
        }
        doing = "writing " + std::string(record->spec().name) + " " + record->id();
        Params params;
        for (const auto& value : record->values()) params.Text(value);
        Execute(sql, statements_.at(record->table()).upsert, params);
        LogChange(sql, record->spec().name, record->id(), "upsert", now);
      }
      for (const RecordKey& key : deletes) {
        doing = "deleting " + std::string(domain::Spec(key.table).name) + " " + key.id;
        Params params;
        params.Text(key.id);
        Execute(sql, statements_.at(key.table).remove, params);
        LogChange(sql, domain::Spec(key.table).name, key.id, "delete", now);
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
      soci::session sql(pool_);
      long long count = 0;
      sql << statements_.at(table).count, soci::into(count);
      return static_cast<int64_t>(count);
    } catch (const std::exception& e) {
      return FromSoci(e, "counting");
    }
  }

  Result<int64_t> LastChange() override {
    try {
      soci::session sql(pool_);
      long long seq = 0;
      sql << kLastChange, soci::into(seq);
      return static_cast<int64_t>(seq);
    } catch (const std::exception& e) {
      return FromSoci(e, "reading the change log");
    }
  }

 private:
  struct Statements {
    std::string select;  // all columns, alias x, no WHERE
    std::string upsert;
    std::string remove;
    std::string count;
  };

  static void Execute(soci::session& sql, const std::string& query, Params& params) {
    auto prep = (sql.prepare << query);
    params.BindTo(prep);
    soci::statement statement(prep);
    statement.execute(true);
  }

  static void LogChange(soci::session& sql, std::string_view table, const std::string& id,
                        std::string_view action, const std::string& now) {
    Params params;
    params.Text(std::string(table));
    params.Text(id);
    params.Text(std::string(action));
    params.Text(now);
    Execute(sql, std::string(kAppendChange), params);
  }

  Result<std::vector<Record>> Query(Table table, const std::string& query, Params& params) {
    try {
      soci::session sql(pool_);
      return QueryIn(sql, table, query, params);
    } catch (const std::exception& e) {
      return FromSoci(e, "reading " + std::string(domain::Spec(table).name));
    }
  }

  static std::vector<Record> QueryIn(soci::session& sql, Table table, const std::string& query,
                                     Params& params) {
    auto prep = (sql.prepare << query);
    params.BindTo(prep);
    soci::rowset<soci::row> rows(prep);
    std::vector<Record> out;
    for (const soci::row& row : rows) out.push_back(ReadRecord(table, row));
    return out;
  }

  Result<Page> List(Table table, const std::string& select, const std::string& count, Params params,
                    PageRequest page) {
    try {
      soci::session sql(pool_);
      Page out;
      {
        Params count_params = params;
        long long total = 0;
        auto prep = (sql.prepare << count, soci::into(total));
        count_params.BindTo(prep);
        soci::statement statement(prep);
        statement.execute(true);
        out.total = total;
      }
      params.Int(page.per_page);
      params.Int((page.page - 1) * page.per_page);
      out.records = QueryIn(sql, table, select + " LIMIT :limit OFFSET :offset", params);
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
  std::size_t pool_size_;
  soci::connection_pool pool_;
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
