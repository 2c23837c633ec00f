// A PostgreSQL database (libpq) behind a pool of connections: Database::connect()
// lends one out as a Connection, and SQL runs only through it, as parameterised
// queries. Also a transaction guard and the schema migrations that bring a
// database up to date. Reads like store/sqlite/database.hpp.
#pragma once

#include <libpq-fe.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "store/store_unavailable.hpp"
#include "store/transaction.hpp"

namespace cairn::store::postgres {

// Thrown for broken infrastructure (server gone, schema out of step): like
// sqlite::DatabaseError, these are not user errors.
class PgError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The server went away (restarting, unreachable): nothing was written, and the
// pool reconnects on a later connect().
class PgUnavailable : public StoreUnavailable {
 public:
  using StoreUnavailable::StoreUnavailable;
};

// One query's rows; owns the PGresult.
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result) {}
  ~PgResult() { PQclear(result_); }
  PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  PgResult& operator=(PgResult&&) = delete;
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;

  // PGRES_FATAL_ERROR when libpq could not even allocate the result.
  ExecStatusType status() const { return result_ ? PQresultStatus(result_) : PGRES_FATAL_ERROR; }
  int rows() const { return PQntuples(result_); }
  // Rows and columns are 0-based like libpq's own.
  std::string text(int row, int column) const;
  std::int64_t integer(int row, int column) const;
  bool is_null(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
  // The SQLSTATE of a failed statement ("23505" a unique violation), or nullptr.
  const char* sql_state() const {
    return result_ ? PQresultErrorField(result_, PG_DIAG_SQLSTATE) : nullptr;
  }

 private:
  PGresult* result_;
};

class Connection;

class Database {
 public:
  // Connects to `url` (postgresql://user@host:port/db or "key=value ..."); a
  // server that cannot be reached is an Errc::unavailable a person can act on.
  // The pool opens up to `pool_size` connections, the first one now.
  static Result<std::unique_ptr<Database>> open(const std::string& url, int pool_size = 1);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Waits for a free connection and holds it while the Connection lives. A
  // thread already holding one passes it down: asking again throws
  // std::logic_error (as the SQLite store does) rather than risk a deadlock.
  // Throws PgUnavailable when the server cannot be reached.
  Connection connect();
  const std::string& url() const { return url_; }

 private:
  friend class Connection;
  Database(std::string url, int pool_size, PGconn* first);
  void give_back(PGconn* conn);

  std::string url_;
  int pool_size_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<PGconn*> idle_;
  // Per connection, the statements prepared on it (SQL text -> name): only the
  // Connection that holds it touches its entry; the map itself is guarded.
  std::unordered_map<PGconn*, std::unordered_map<std::string, std::string>> prepared_;
  int lent_ = 0;
  int open_ = 0;
};

// Opens one connection with Cairn's defaults (UTF-8, a 10 s connect timeout,
// notices off); nullptr and `error` set when it fails.
PGconn* connect_to(const std::string& url, std::string& error);

// A pooled connection, lent for this handle's lifetime: the only way to run SQL.
class Connection {
 public:
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // One statement; parameters are $1, $2, ... sent apart from the SQL text.
  PgResult exec(std::string_view sql, const std::vector<std::string>& params = {});
  int schema_version();
  PGconn* raw() { return conn_; }
  // Throws PgUnavailable or PgError for a statement that failed.
  [[noreturn]] void fail(const PgResult& result);

 private:
  friend class Database;
  Connection(Database& db, PGconn* conn, std::unordered_map<std::string, std::string>& prepared)
      : db_(db), conn_(conn), prepared_(prepared) {}
  Database& db_;
  PGconn* conn_;
  std::unordered_map<std::string, std::string>& prepared_;
};

// BEGIN ... COMMIT, rolled back if not committed.
class Transaction : public BasicTransaction<Connection> {
 public:
  explicit Transaction(Connection& db) : BasicTransaction(db, "BEGIN") {}
};

// Applies pending migrations in one transaction, holding an advisory lock so
// nodes starting together do not race. Throws PgError.
void migrate(Connection& db);

// Advisory lock keys (pg_advisory_xact_lock), one per purpose.
inline constexpr std::int64_t kMigrationLock = 0x636169726e01;  // "cairn" 01
inline constexpr std::int64_t kChangeFeedLock = 0x636169726e02;
// Writers of one area take its lock for their transaction, so a read-then-write
// is as safe across nodes as under SQLite's BEGIN IMMEDIATE.
inline constexpr std::int64_t kPagesLock = 0x636169726e03;
inline constexpr std::int64_t kAccountsLock = 0x636169726e04;
inline constexpr std::int64_t kForumLock = 0x636169726e05;
inline constexpr std::int64_t kHelplineLock = 0x636169726e06;
inline constexpr std::int64_t kOutboxLock = 0x636169726e07;
inline constexpr std::int64_t kEditorialLock = 0x636169726e08;

// Holds `key` until the caller's transaction ends.
void lock_for_transaction(Connection& db, std::int64_t key);

// The database's time now as ISO 8601 UTC text, as SQLite's
// strftime('%Y-%m-%dT%H:%M:%SZ','now') gives it.
inline constexpr std::string_view kNowIso =
    "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

}  // namespace cairn::store::postgres
