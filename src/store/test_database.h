// For the store's tests: a fresh, empty database per test (SQLite in a temporary folder, or a
// new PostgreSQL database on KNOOPPUNT_TEST_POSTGRESQL's server), and raw SQL beside the store.
// Thread-safety: a TestDatabase belongs to one test.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "domain/uuid.h"
#include "store/store.h"
#include "testing/testing.h"

namespace knooppunt::store::testing_support {

// A fresh, empty database for one test; removed afterwards.
class TestDatabase {
 public:
  explicit TestDatabase(Backend backend) : backend_(backend) {
    if (backend == Backend::kSqlite) {
      url_ = "sqlite:" + (dir_.path() / "test.db").string();
      return;
    }
    const char* admin = std::getenv("KNOOPPUNT_TEST_POSTGRESQL");
    admin_ = admin != nullptr ? admin : "";
    name_ = "knooppunt_test_" + domain::RandomUuid().substr(0, 8);
    AdminCommand("CREATE DATABASE " + name_);
    url_ = admin_.substr(0, admin_.rfind('/') + 1) + name_;
  }
  ~TestDatabase() {
    if (backend_ == Backend::kPostgresql)
      AdminCommand("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  const std::string& url() const { return url_; }
  const std::filesystem::path& dir() const { return dir_.path(); }

  // Runs `sql` on a connection of its own, past the store, as an intruder or a careless
  // administrator would. Success: an empty string; failure: the database's message.
  std::string ExecuteDirectly(const std::string& sql) const {
    if (backend_ == Backend::kSqlite) {
      sqlite3* db = nullptr;
      std::string error;
      if (sqlite3_open(url_.substr(7).c_str(), &db) != SQLITE_OK) {
        error = db != nullptr ? sqlite3_errmsg(db) : "cannot open the database";
      } else {
        sqlite3_busy_timeout(db, 5000);
        char* message = nullptr;
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
          error = message != nullptr ? message : "failed";
        }
        sqlite3_free(message);
      }
      sqlite3_close(db);
      return error;
    }
    PGconn* connection = PQconnectdb(url_.c_str());
    std::string error;
    if (PQstatus(connection) != CONNECTION_OK) {
      error = PQerrorMessage(connection);
    } else {
      PGresult* result = PQexec(connection, sql.c_str());
      if (PQresultStatus(result) != PGRES_COMMAND_OK && PQresultStatus(result) != PGRES_TUPLES_OK) {
        error = PQerrorMessage(connection);
      }
      PQclear(result);
    }
    PQfinish(connection);
    return error;
  }

 private:
  void AdminCommand(const std::string& command) {
    PGconn* connection = PQconnectdb(admin_.c_str());
    ASSERT_EQ(PQstatus(connection), CONNECTION_OK) << PQerrorMessage(connection);
    PGresult* result = PQexec(connection, command.c_str());
    EXPECT_EQ(PQresultStatus(result), PGRES_COMMAND_OK) << PQerrorMessage(connection);
    PQclear(result);
    PQfinish(connection);
  }

  Backend backend_;
  knooppunt::testing::TempDir dir_;
  std::string admin_, name_, url_;
};

}  // namespace knooppunt::store::testing_support
