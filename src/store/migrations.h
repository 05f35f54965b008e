// The numbered schema migrations of each backend, compiled into the program from
// schema/sqlite/ and schema/postgresql/ (cmake/embed_migrations.cmake).
// Thread-safety: immutable data.
#pragma once

#include <span>
#include <string_view>

namespace knooppunt::store {

struct Migration {
  int version;            // from the file name: 0001_social_map.sql → 1
  std::string_view name;  // the file name without extension
  std::string_view sql;   // statements separated by ";" at the end of a line
};

std::span<const Migration> SqliteMigrations();
std::span<const Migration> PostgresqlMigrations();

}  // namespace knooppunt::store
