// A SQLite connection (WAL mode) with prepared statements only, and the schema
// migrations that bring a file up to date.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace cairn::store::sqlite {

// Thrown for broken infrastructure (disk full, corrupt file): bugs, not user errors.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds are 1-based like SQLite's own.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind_null(int index);
  Statement& bind_blob(int index, std::string_view bytes);

  // True while a row is available.
  bool step();
  // Runs to completion (for INSERT/UPDATE/DELETE).
  void run();
  void reset();

  std::string text(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // Opens (creating if needed) the file and applies pending migrations.
  explicit Database(const std::filesystem::path& file);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // One writer at a time; callers hold this while they use the connection.
  std::unique_lock<std::recursive_mutex> lock() { return std::unique_lock(mutex_); }
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  void exec(std::string_view sql);
  std::int64_t last_insert_id() const;
  int schema_version();

 private:
  void migrate();
  sqlite3* db_ = nullptr;
  std::recursive_mutex mutex_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if not committed.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace cairn::store::sqlite
