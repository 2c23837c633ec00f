// A PostgreSQL database (libpq) behind one connection that one thread at a time
// uses: Database::connect() hands out a Connection, a locked handle, and SQL
// runs only through it, as parameterised queries. Also a transaction guard and
// the schema migrations that bring a database up to date. Reads like
// store/sqlite/database.hpp.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/connection_mutex.hpp"
#include "store/transaction.hpp"

namespace cairn::store::postgres {

// Thrown for broken infrastructure (server gone, schema out of step): like
// sqlite::DatabaseError, these are not user errors.
class PgError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
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

 private:
  PGresult* result_;
};

class Connection;

class Database {
 public:
  // Connects to `url` (postgresql://user@host:port/db or "key=value ..."); a
  // server that cannot be reached is an Errc::unavailable a person can act on.
  static Result<std::unique_ptr<Database>> open(const std::string& url);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Waits for the connection and holds it while the Connection lives. A thread
  // already holding one passes it down: asking again throws std::logic_error.
  Connection connect();

 private:
  friend class Connection;
  explicit Database(PGconn* conn) : conn_(conn) {}
  PGconn* conn_;
  ConnectionMutex mutex_;
};

// The connection, locked for this handle's lifetime: the only way to run SQL.
class Connection {
 public:
  ~Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // One statement; parameters are $1, $2, ... sent apart from the SQL text.
  PgResult exec(std::string_view sql, const std::vector<std::string>& params = {});
  int schema_version();

 private:
  friend class Database;
  explicit Connection(Database& db) : lock_(db.mutex_), conn_(db.conn_) {}
  ConnectionMutex::Lock lock_;
  PGconn* conn_;
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

}  // namespace cairn::store::postgres
