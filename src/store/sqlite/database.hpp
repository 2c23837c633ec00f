// A SQLite file (WAL mode) behind one connection that one thread at a time
// uses: Database::connect() hands out a Connection, a locked handle, and SQL
// runs only through it, as prepared statements. Opening the file applies the
// schema migrations that bring it up to date.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/connection_mutex.hpp"
#include "store/transaction.hpp"

namespace cairn::store::sqlite {

// Thrown for broken infrastructure (disk full, corrupt file): bugs, not user errors.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Connection;

// One prepared statement. Made only by Connection::prepare and neither copied
// nor moved, so it cannot outlive the lock it was made under.
class Statement {
 public:
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
  friend class Connection;
  // `in_use` is the cache slot's flag for a cached statement (reset and handed
  // back on destruction), nullptr for one of its own (finalized).
  Statement(sqlite3* db, sqlite3_stmt* stmt, bool* in_use)
      : db_(db), stmt_(stmt), in_use_(in_use) {}
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool* in_use_;
};

class Database {
 public:
  // Opens (creating if needed) the file and applies pending migrations.
  explicit Database(const std::filesystem::path& file);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Waits for the connection and holds it while the Connection lives. A thread
  // already holding one passes it down: asking again throws std::logic_error.
  Connection connect();

 private:
  friend class Connection;
  struct CachedStatement {
    sqlite3_stmt* stmt;
    bool in_use;
  };
  sqlite3* db_ = nullptr;
  ConnectionMutex mutex_;
  // Statements by SQL text, kept prepared between uses; only touched under
  // mutex_. The texts are built from constants, so the set stays small.
  std::unordered_map<std::string, CachedStatement> statements_;
};

// The connection, locked for this handle's lifetime: the only way to run SQL.
class Connection {
 public:
  ~Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Statement prepare(std::string_view sql);
  // Runs one or more statements without parameters (pragmas, schema, BEGIN).
  void exec(std::string_view sql);
  std::int64_t last_insert_id() const;
  int schema_version();

 private:
  friend class Database;
  explicit Connection(Database& db) : lock_(db.mutex_), db_(db) {}
  ConnectionMutex::Lock lock_;
  Database& db_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if not committed.
class Transaction : public BasicTransaction<Connection> {
 public:
  explicit Transaction(Connection& db) : BasicTransaction(db, "BEGIN IMMEDIATE") {}
};

}  // namespace cairn::store::sqlite
