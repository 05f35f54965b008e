#include "store/connection_pool.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <stdexcept>

#include "domain/time.h"

namespace knooppunt::store {

std::string FormatDouble(double value) {
  std::array<char, 32> buffer{};
  auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
  return std::string(buffer.data(), end);
}

namespace {

using domain::Record;
using domain::Table;

std::optional<std::string> ColumnText(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return std::nullopt;
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(i);
    case soci::dt_double:
      return FormatDouble(row.get<double>(i));
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

}  // namespace

Params::Params(std::size_t expected) {
  order_.reserve(expected);
  texts_.reserve(expected);
  indicators_.reserve(expected);
}

void Params::Text(std::optional<std::string> value) {
  indicators_.push_back(value ? soci::i_ok : soci::i_null);
  texts_.push_back(value ? std::move(*value) : std::string());
  order_.push_back(Kind::kText);
}

void Params::Int(int64_t value) {
  ints_.push_back(static_cast<long long>(value));
  order_.push_back(Kind::kInt);
}

void Params::BindTo(soci::statement& statement) {
  std::size_t text = 0, number = 0;
  for (Kind kind : order_) {
    if (kind == Kind::kText) {
      statement.exchange(soci::use(texts_[text], indicators_[text]));
      ++text;
    } else {
      statement.exchange(soci::use(ints_[number++]));
    }
  }
}

bool Params::Assign(const Params& other) {
  if (order_ != other.order_) return false;
  for (std::size_t i = 0; i < texts_.size(); ++i) {
    texts_[i] = other.texts_[i];
    indicators_[i] = other.indicators_[i];
  }
  for (std::size_t i = 0; i < ints_.size(); ++i) ints_[i] = other.ints_[i];
  return true;
}

// A statement prepared on one connection. SOCI binds parameters and results by address, so their
// buffers live here beside it and are refilled before each run.
struct ConnectionPool::Prepared {
  Output output = Output::kNone;
  Planning planning = Planning::kOnce;
  Params params;
  soci::row row;
  long long number = 0;
  soci::indicator number_indicator = soci::i_ok;
  std::unique_ptr<soci::statement> statement;
};

ConnectionPool::ConnectionPool(Backend backend, std::size_t size)
    : backend_(backend), sessions_(size), statements_(size) {}

// The statements go before the sessions they use (members are destroyed in reverse order).
// Closing a PostgreSQL connection frees the statements prepared on it, so they are not
// deallocated one by one: SOCI 4.0 does that in a destructor that ends the program when it fails,
// as it does once the connection is lost.
ConnectionPool::~ConnectionPool() {
  if (backend_ != Backend::kPostgresql) return;
  for (Statements& statements : statements_) {
    for (auto& [query, prepared] : statements) {
      static_cast<soci::postgresql_statement_backend*>(prepared->statement->get_backend())
          ->statementName_.clear();
    }
  }
}

ConnectionPool::Lease::Lease(ConnectionPool& pool)
    : pool_(pool), position_(pool.sessions_.lease()) {}

ConnectionPool::Lease::~Lease() { pool_.sessions_.give_back(position_); }

ConnectionPool::Prepared& ConnectionPool::Lease::Prepare(std::string_view query,
                                                         const Params& params, Output output,
                                                         Planning planning) {
  Statements& statements = pool_.statements_.at(position_);
  if (auto found = statements.find(query); found != statements.end()) {
    Prepared& prepared = *found->second;
    if (prepared.output != output || prepared.planning != planning ||
        !prepared.params.Assign(params)) {
      throw std::logic_error("one SQL text used with other parameters or results: " +
                             std::string(query));
    }
    return prepared;
  }
  auto prepared = std::make_unique<Prepared>();
  prepared->output = output;
  prepared->planning = planning;
  prepared->params = params;
  prepared->statement = std::make_unique<soci::statement>(session());
  soci::statement& statement = *prepared->statement;
  if (output == Output::kRows) statement.exchange(soci::into(prepared->row));
  if (output == Output::kNumber) {
    statement.exchange(soci::into(prepared->number, prepared->number_indicator));
  }
  prepared->params.BindTo(statement);
  statement.alloc();
  // On PostgreSQL a repeatable statement is a named one on the server, which after a few runs
  // settles on one generic plan; a one-time statement is parsed and planned at every run.
  bool each_run = pool_.backend_ == Backend::kPostgresql && planning == Planning::kEachRun;
  statement.prepare(std::string(query), each_run ? soci::details::st_one_time_query
                                                 : soci::details::st_repeatable_query);
  statement.define_and_bind();
  return *statements.emplace(std::string(query), std::move(prepared)).first->second;
}

template <typename Body>
auto ConnectionPool::Lease::Run(std::string_view query, const Params& params, Output output,
                                Planning planning, Body body) {
  Prepared& prepared = Prepare(query, params, output, planning);
  // A SQLite statement that has not run to its end holds a read snapshot open on the connection;
  // resetting it after every run, a failed one too, lets the next call see the newest data.
  auto reset = [&] {
    if (pool_.backend_ != Backend::kSqlite) return;
    auto* backend =
        static_cast<soci::sqlite3_statement_backend*>(prepared.statement->get_backend());
    sqlite_api::sqlite3_reset(backend->stmt_);
  };
  try {
    auto result = body(prepared);
    reset();
    return result;
  } catch (...) {
    reset();
    throw;
  }
}

std::vector<Record> ConnectionPool::Lease::Query(Table table, std::string_view query,
                                                 const Params& params, Planning planning) {
  return Run(query, params, Output::kRows, planning, [table](Prepared& prepared) {
    std::vector<Record> out;
    for (bool more = prepared.statement->execute(true); more; more = prepared.statement->fetch()) {
      out.push_back(ReadRecord(table, prepared.row));
    }
    return out;
  });
}

long long ConnectionPool::Lease::Number(std::string_view query, const Params& params,
                                        Planning planning) {
  return Run(query, params, Output::kNumber, planning, [](Prepared& prepared) {
    prepared.number = 0;
    bool found = prepared.statement->execute(true);
    return found && prepared.number_indicator != soci::i_null ? prepared.number : 0LL;
  });
}

void ConnectionPool::Lease::Execute(std::string_view query, const Params& params) {
  Run(query, params, Output::kNone, Planning::kOnce,
      [](Prepared& prepared) { return prepared.statement->execute(true); });
}

// Sorts a SOCI failure into the store's error codes: a broken reference is the caller's mistake,
// a duplicate a conflict, a lost or locked database unavailable, anything else internal.

std::vector<Row> Rows(ConnectionPool::Lease& lease, std::string_view query, Params params) {
  soci::row row;
  soci::statement statement(lease.session());
  statement.exchange(soci::into(row));
  params.BindTo(statement);
  statement.alloc();
  statement.prepare(std::string(query), soci::details::st_one_time_query);
  statement.define_and_bind();
  std::vector<Row> rows;
  for (bool more = statement.execute(true); more; more = statement.fetch()) {
    Row& out = rows.emplace_back();
    out.reserve(row.size());
    for (std::size_t i = 0; i < row.size(); ++i) out.push_back(ColumnText(row, i).value_or(""));
  }
  return rows;
}

int64_t Exec(ConnectionPool::Lease& lease, std::string_view query, Params params) {
  soci::statement statement(lease.session());
  params.BindTo(statement);
  statement.alloc();
  statement.prepare(std::string(query), soci::details::st_one_time_query);
  statement.define_and_bind();
  statement.execute(true);
  return static_cast<int64_t>(statement.get_affected_rows());
}

Params Texts(std::initializer_list<std::string_view> values) {
  Params params(values.size());
  for (std::string_view value : values) params.Text(std::string(value));
  return params;
}

std::optional<std::string> Nullable(const std::optional<std::string>& value) {
  if (value && value->empty()) return std::nullopt;
  return value;
}

std::optional<std::string> Maybe(std::string text) {
  if (text.empty()) return std::nullopt;
  return text;
}

std::string StampOrNow(const std::string& at) {
  return at.empty() ? domain::FormatUtc(domain::Now()) : at;
}

Error FromSoci(const std::exception& e, std::string_view doing) {
  std::string what = e.what();
  std::string lower = what;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (lower.find("foreign key") != std::string::npos) {
    return InvalidArgument("reference", "a record refers to another record that does not exist");
  }
  if (lower.find("unique constraint") != std::string::npos ||
      lower.find("duplicate key") != std::string::npos) {
    return Error{
        ErrorCode::kConflict, "the record exists already (" + std::string(doing) + ")", {}};
  }
  if (lower.find("connect") != std::string::npos || lower.find("locked") != std::string::npos ||
      lower.find("busy") != std::string::npos) {
    return Unavailable("the database is not available (" + std::string(doing) + ")");
  }
  return Internal("database error while " + std::string(doing) + ": " + what);
}

}  // namespace knooppunt::store
