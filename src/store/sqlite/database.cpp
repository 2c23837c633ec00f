#include "store/sqlite/database.hpp"

#include "store/sqlite/migrations.hpp"

namespace cairn::store::sqlite {

namespace {

// Past this many distinct texts statements are prepared afresh each time, so
// a caller that built SQL from data could not grow the cache without bound.
constexpr std::size_t kMaxCachedStatements = 256;

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw DatabaseError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "no connection"));
}

sqlite3_stmt* compile(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    fail(db, "prepare");
  }
  return stmt;
}

void migrate(Connection& db) {
  db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "description TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT "
      "(strftime('%Y-%m-%dT%H:%M:%SZ','now')))");
  int current = db.schema_version();
  for (const auto& m : migrations()) {
    if (m.version <= current)
      continue;
    Transaction tx(db);
    db.exec(m.sql);
    db.prepare("INSERT INTO schema_migrations (version, description) VALUES (?, ?)")
        .bind(1, m.version)
        .bind(2, m.description)
        .run();
    tx.commit();
  }
}

}  // namespace

Statement::~Statement() {
  if (in_use_) {
    // Back to the cache as a fresh prepare would give it: no rows pending, no binds.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *in_use_ = false;
  } else {
    sqlite3_finalize(stmt_);
  }
}

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK)
    fail(db_, "bind");
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK)
    fail(db_, "bind");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK)
    fail(db_, "bind");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK)
    fail(db_, "bind");
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  if (sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK)
    fail(db_, "bind");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW)
    return true;
  if (rc == SQLITE_DONE)
    return false;
  fail(db_, "step");
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}
double Statement::real(int column) const {
  return sqlite3_column_double(stmt_, column);
}
bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Database::Database(const std::filesystem::path& file) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(file.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw DatabaseError("cannot open " + file.string() + ": " + message);
  }
  sqlite3_busy_timeout(db_, 5000);
  try {
    auto db = connect();
    db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
    migrate(db);
  } catch (...) {
    // The destructor does not run for a half-built object.
    for (auto& [sql, cached] : statements_) sqlite3_finalize(cached.stmt);
    sqlite3_close(db_);
    throw;
  }
}

Database::~Database() {
  // No Connection outlives the Database, so no cached statement is in use.
  for (auto& [sql, cached] : statements_) sqlite3_finalize(cached.stmt);
  sqlite3_close(db_);
}

Connection Database::connect() {
  return Connection(*this);
}

Statement Connection::prepare(std::string_view sql) {
  sqlite3* handle = db_.db_;
  auto& cache = db_.statements_;
  auto found = cache.find(std::string(sql));
  if (found != cache.end()) {
    if (found->second.in_use)  // the same text twice at once: the second gets its own
      return Statement(handle, compile(handle, sql), nullptr);
    found->second.in_use = true;
    return Statement(handle, found->second.stmt, &found->second.in_use);
  }
  sqlite3_stmt* stmt = compile(handle, sql);
  if (cache.size() >= kMaxCachedStatements)
    return Statement(handle, stmt, nullptr);
  try {
    // Map nodes stay put as the map grows, so the flag's address is stable.
    auto slot = cache.emplace(std::string(sql), Database::CachedStatement{stmt, true}).first;
    return Statement(handle, stmt, &slot->second.in_use);
  } catch (...) {
    sqlite3_finalize(stmt);
    throw;
  }
}

void Connection::exec(std::string_view sql) {
  std::string copy(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_.db_, copy.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = err ? err : "unknown";
    sqlite3_free(err);
    throw DatabaseError("exec: " + message);
  }
}

std::int64_t Connection::last_insert_id() const {
  return sqlite3_last_insert_rowid(db_.db_);
}

int Connection::schema_version() {
  auto st = prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

}  // namespace cairn::store::sqlite
