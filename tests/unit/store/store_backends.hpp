// The back ends the store contract suites run on: SQLite in a temporary folder
// and PostgreSQL in a fresh database of the test cluster CTest starts
// (CAIRN_TEST_PG_DIR, see tests/postgres/throwaway_postgres.mjs). A typed
// suite (TYPED_TEST_SUITE(..., StoreBackends)) runs each test on both.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>

#include "store/store.hpp"

namespace cairn::testing {

class SqliteBackend {
 public:
  static constexpr const char* kName = "SQLite";
  SqliteBackend() {
    dir_ = std::filesystem::temp_directory_path() /
           ("cairn-contract-" + std::to_string(::getpid()) + "-" + std::to_string(++made_));
    std::filesystem::remove_all(dir_);
  }
  ~SqliteBackend() { std::filesystem::remove_all(dir_); }
  SqliteBackend(const SqliteBackend&) = delete;
  SqliteBackend& operator=(const SqliteBackend&) = delete;

  // Another Store on the same database, as a second node (or thread) opens it.
  std::unique_ptr<store::Store> open() { return store::open_sqlite_store(dir_); }

 private:
  static inline int made_ = 0;
  std::filesystem::path dir_;
};

class PostgresBackend {
 public:
  static constexpr const char* kName = "PostgreSQL";
  PostgresBackend() {
    const char* dir = std::getenv("CAIRN_TEST_PG_DIR");
    std::ifstream port_file(dir ? std::filesystem::path(dir) / "port" : std::filesystem::path());
    int port = 0;
    if (!(port_file >> port)) {
      ADD_FAILURE() << "no test PostgreSQL: run through ctest (fixture 'postgres'), or start one "
                       "with `node tests/postgres/throwaway_postgres.mjs start /tmp/pg` and set "
                       "CAIRN_TEST_PG_DIR=/tmp/pg";
      return;
    }
    server_ = "postgresql://postgres@127.0.0.1:" + std::to_string(port) + "/";
    std::random_device random;
    name_ = "cairn_" + std::to_string(::getpid()) + "_" + std::to_string(random() % 1000000000);
    admin("CREATE DATABASE " + name_);
  }
  ~PostgresBackend() {
    if (!name_.empty())
      admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  PostgresBackend(const PostgresBackend&) = delete;
  PostgresBackend& operator=(const PostgresBackend&) = delete;

  std::string url() const { return server_ + name_; }
  std::unique_ptr<store::Store> open() {
    if (name_.empty())
      throw std::runtime_error("no test PostgreSQL");
    auto store = store::open_postgres_store(url(), 4);
    if (!store)
      throw std::runtime_error(store.error().message);
    return std::move(store.value());
  }

 private:
  void admin(const std::string& sql) {
    PGconn* conn = PQconnectdb((server_ + "postgres").c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
      ADD_FAILURE() << "test PostgreSQL: " << PQerrorMessage(conn);
    } else {
      PGresult* r = PQexec(conn, sql.c_str());
      if (PQresultStatus(r) != PGRES_COMMAND_OK)
        ADD_FAILURE() << sql << ": " << PQerrorMessage(conn);
      PQclear(r);
    }
    PQfinish(conn);
  }

  std::string server_;
  std::string name_;
};

using StoreBackends = ::testing::Types<SqliteBackend, PostgresBackend>;

// Names the typed tests "SQLite" and "PostgreSQL" in ctest's list.
struct BackendNames {
  template <class T>
  static std::string GetName(int) {
    return T::kName;
  }
};

// A fixture holding one store on the back end; store() is the first "node",
// backend.open() makes others on the same database.
template <class Backend>
class StoreContract : public ::testing::Test {
 protected:
  StoreContract() : store_(backend_.open()) {}
  store::Store& store() { return *store_; }
  Backend backend_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace cairn::testing
