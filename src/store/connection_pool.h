// Internal to the store: SOCI connections in a pool, each keeping the statements it has prepared,
// so that a query is compiled once per connection instead of once per call.
// Thread-safety: a ConnectionPool may be used from any thread; a Lease, with the connection and
// the statements it holds, belongs to the one thread that took it until it is destroyed.
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/model.h"
#include "store/store.h"

namespace knooppunt::store {

// The values bound to a statement's parameters, in order. Flags and counts are bound as integers:
// SQLite never finds the text '0' equal to 0. SOCI keeps the addresses of bound values, so a
// list must not grow once bound.
class Params {
 public:
  // `expected`: how many values will be added, to allocate once.
  explicit Params(std::size_t expected = 0);

  void Text(std::optional<std::string> value);
  void Flag(bool value) { Int(value ? 1 : 0); }
  void Int(int64_t value);

  // Binds every value, in order, to `statement` by address: SOCI reads them at each execute.
  void BindTo(soci::statement& statement);
  // Copies the values of `other` into the bound buffers without moving them. False (and nothing
  // copied) when `other` does not hold the same kinds of value in the same order.
  bool Assign(const Params& other);

 private:
  enum class Kind { kText, kInt };
  std::vector<Kind> order_;
  std::vector<std::string> texts_;
  std::vector<soci::indicator> indicators_;
  std::vector<long long> ints_;
};

class ConnectionPool {
 public:
  // How PostgreSQL plans a statement; SQLite plans every statement once per connection.
  enum class Planning {
    kOnce,     // prepared once on the server: its best plan does not depend on the values
    kEachRun,  // planned for each run's values: the list filters, which values switch on and off
  };

  ConnectionPool(Backend backend, std::size_t size);
  ~ConnectionPool();

  std::size_t size() const { return statements_.size(); }
  // The session at `position`, for opening it; only before the pool is shared between threads.
  soci::session& at(std::size_t position) { return sessions_.at(position); }

  class Lease;

 private:
  enum class Output { kNone, kRows, kNumber };  // what a statement answers
  struct Prepared;
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>()(text);
    }
  };
  // The statements prepared on one connection, by SQL text. The texts come from a finite set
  // (tables × fields × the fixed queries), so nothing needs evicting.
  using Statements =
      std::unordered_map<std::string, std::unique_ptr<Prepared>, TextHash, std::equal_to<>>;

  Backend backend_;
  soci::connection_pool sessions_;
  std::vector<Statements> statements_;  // [i] is touched only by the holder of position i
};

// One connection, borrowed for the length of a call and given back on destruction. Each run
// binds new values to the statement prepared earlier on this connection for the same SQL text,
// preparing it the first time. A statement stays usable after a run that failed.
class ConnectionPool::Lease {
 public:
  // Waits for a free connection.
  explicit Lease(ConnectionPool& pool);
  ~Lease();
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  soci::session& session() { return pool_.sessions_.at(position_); }

  // Each throws what SOCI throws when the statement fails, and std::logic_error when one SQL text
  // is run with other kinds of parameters or results than before (a programming error).
  // The rows of `query`, read as records of `table` (the columns in the table's field order).
  std::vector<domain::Record> Query(domain::Table table, std::string_view query,
                                    const Params& params, Planning planning = Planning::kOnce);
  // The single number `query` answers (0 when it answers no row or null).
  long long Number(std::string_view query, const Params& params,
                   Planning planning = Planning::kOnce);
  // Runs a statement that answers no rows.
  void Execute(std::string_view query, const Params& params);

 private:
  Prepared& Prepare(std::string_view query, const Params& params, Output output, Planning planning);
  template <typename Body>
  auto Run(std::string_view query, const Params& params, Output output, Planning planning,
           Body body);

  ConnectionPool& pool_;
  std::size_t position_;
};

// --- One-off statements of the account and posting stores (not kept prepared).

// A result row, every column as text.
using Row = std::vector<std::string>;

// Runs `query` once with `params` bound in order. Success: the rows it answers, every column as
// text (NULL as "", doubles in their shortest exact form, integers in decimal). Throws what
// SOCI throws.
std::vector<Row> Rows(ConnectionPool::Lease& lease, std::string_view query, Params params);
// Runs a statement that answers no rows. Success: how many rows it changed. Throws what SOCI
// throws.
int64_t Exec(ConnectionPool::Lease& lease, std::string_view query, Params params);
// Params of text values, in order.
Params Texts(std::initializer_list<std::string_view> values);
// Optional columns hold NULL rather than "": an empty id would break a reference.
std::optional<std::string> Nullable(const std::optional<std::string>& value);
// Read back: NULL became "", which no optional column holds otherwise.
std::optional<std::string> Maybe(std::string text);
// The shortest text that reads back as the same double.
std::string FormatDouble(double value);
// The caller's time, or now when it left it empty.
std::string StampOrNow(const std::string& at);

// The store's error for a failed SOCI call while `doing` ("storing a report"): kInvalidArgument
// for a missing reference, kConflict for a duplicate key, kUnavailable for a lost or locked
// database, kInternal otherwise.
Error FromSoci(const std::exception& e, std::string_view doing);

}  // namespace knooppunt::store
