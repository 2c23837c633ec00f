#include "store/postgres/connection.hpp"

#include <algorithm>
#include <charconv>

namespace cairn::store::postgres {

namespace {

// libpq prints NOTICEs (e.g. "relation already exists, skipping") to stderr by
// default; a command's output should hold only what it reports.
void ignore_notice(void*, const char*) {}

std::string first_line(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

std::string PgResult::text(int row, int column) const {
  return std::string(PQgetvalue(result_, row, column),
                     static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

std::int64_t PgResult::integer(int row, int column) const {
  const char* begin = PQgetvalue(result_, row, column);
  const char* end = begin + PQgetlength(result_, row, column);
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end)
    throw PgError("not an integer: " + std::string(begin, end));
  return value;
}

PGconn* connect_to(const std::string& url, std::string& error) {
  // Defaults first: values in the URL (expanded from "dbname") override them.
  const char* keywords[] = {"connect_timeout", "application_name", "client_encoding", "dbname",
                            nullptr};
  const char* values[] = {"10", "cairn", "UTF8", url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, 1);
  if (conn == nullptr) {
    error = "out of memory";
    return nullptr;
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    error = first_line(PQerrorMessage(conn));
    PQfinish(conn);
    return nullptr;
  }
  PQsetNoticeProcessor(conn, ignore_notice, nullptr);
  return conn;
}

namespace {

// The databases this thread holds a connection of: asking one twice would wait
// for itself once the pool is empty.
thread_local std::vector<const Database*> held_here;

bool held_by_this_thread(const Database* db) {
  return std::find(held_here.begin(), held_here.end(), db) != held_here.end();
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const std::string& url, int pool_size) {
  std::string error;
  PGconn* conn = connect_to(url, error);
  if (conn == nullptr)
    return make_error(Errc::unavailable, "cannot connect to PostgreSQL: " + error);
  return std::unique_ptr<Database>(new Database(url, std::max(1, pool_size), conn));
}

Database::Database(std::string url, int pool_size, PGconn* first)
    : url_(std::move(url)), pool_size_(pool_size), idle_{first}, open_(1) {}

Database::~Database() {
  for (PGconn* conn : idle_) PQfinish(conn);
}

Connection Database::connect() {
  if (held_by_this_thread(this))
    throw std::logic_error("database connection asked for twice by one thread");
  PGconn* conn = nullptr;
  {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [this] { return !idle_.empty() || open_ < pool_size_; });
    if (!idle_.empty()) {
      conn = idle_.back();
      idle_.pop_back();
    } else {
      ++open_;  // reserved; opened below, outside the lock
    }
    ++lent_;
  }
  bool reset = conn != nullptr && PQstatus(conn) != CONNECTION_OK;
  if (reset)
    PQreset(conn);  // the server restarted since this one was last used: a new session
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    std::string error;
    if (conn != nullptr) {
      error = first_line(PQerrorMessage(conn));
      PQfinish(conn);
      conn = nullptr;
    } else {
      conn = connect_to(url_, error);
    }
    if (conn == nullptr) {
      {
        std::lock_guard lock(mutex_);
        --open_;
        --lent_;
      }
      freed_.notify_one();
      throw PgUnavailable("the database cannot be reached just now: " + error);
    }
  }
  std::unordered_map<std::string, std::string>* prepared = nullptr;
  {
    std::lock_guard lock(mutex_);
    prepared = &prepared_[conn];
    if (reset)
      prepared->clear();  // a new session has none of the old statements
  }
  held_here.push_back(this);
  return Connection(*this, conn, *prepared);
}

void Database::give_back(PGconn* conn) {
  // A connection left inside a transaction (an exception between BEGIN and the
  // guard's ROLLBACK) or broken is closed rather than lent again.
  bool reusable = PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) == PQTRANS_IDLE;
  if (!reusable)
    PQfinish(conn);
  {
    std::lock_guard lock(mutex_);
    if (!reusable)
      prepared_.erase(conn);
    --lent_;
    if (reusable)
      idle_.push_back(conn);
    else
      --open_;
  }
  freed_.notify_one();
}

Connection::~Connection() {
  auto it = std::find(held_here.begin(), held_here.end(), &db_);
  if (it != held_here.end())
    held_here.erase(it);
  db_.give_back(conn_);
}

namespace {

// Statements run again and again are prepared once per connection; schema
// changes and transaction control are not worth keeping.
bool worth_preparing(std::string_view sql) {
  while (!sql.empty() && (sql.front() == ' ' || sql.front() == '\n')) sql.remove_prefix(1);
  for (std::string_view verb : {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"}) {
    if (sql.starts_with(verb))
      return true;
  }
  return false;
}

}  // namespace

PgResult Connection::exec(std::string_view sql, const std::vector<std::string>& params) {
  std::string text(sql);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p.c_str());
  const int count = static_cast<int>(values.size());
  const std::string* name = nullptr;
  if (worth_preparing(text)) {
    auto found = prepared_.find(text);
    if (found == prepared_.end()) {
      std::string fresh = "cairn_" + std::to_string(prepared_.size() + 1);
      PgResult made(PQprepare(conn_, fresh.c_str(), text.c_str(), count, nullptr));
      if (made.status() != PGRES_COMMAND_OK)
        fail(made);
      found = prepared_.emplace(text, std::move(fresh)).first;
    }
    name = &found->second;
  }
  PgResult result(
      name ? PQexecPrepared(conn_, name->c_str(), count, values.data(), nullptr, nullptr, 0)
           : PQexecParams(conn_, text.c_str(), count, nullptr, values.data(), nullptr, nullptr, 0));
  ExecStatusType status = result.status();
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    fail(result);
  return result;
}

void Connection::fail(const PgResult& result) {
  std::string message = first_line(PQerrorMessage(conn_));
  // The server went away mid-statement (or is shutting down: 57P01 and kin).
  const char* state = result.sql_state();
  if (PQstatus(conn_) != CONNECTION_OK ||
      (state != nullptr && std::string_view(state).starts_with("57P")))
    throw PgUnavailable("the database cannot be reached just now: " + message);
  throw PgError("PostgreSQL: " + message);
}

void lock_for_transaction(Connection& db, std::int64_t key) {
  db.exec("SELECT pg_advisory_xact_lock($1::bigint)", {std::to_string(key)});
}

int Connection::schema_version() {
  auto r = exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return static_cast<int>(r.integer(0, 0));
}

}  // namespace cairn::store::postgres
