#include "store/postgres/connection.hpp"

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

Result<std::unique_ptr<Database>> Database::open(const std::string& url) {
  // Defaults first: values in the URL (expanded from "dbname") override them.
  const char* keywords[] = {"connect_timeout", "application_name", "client_encoding", "dbname",
                            nullptr};
  const char* values[] = {"10", "cairn", "UTF8", url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, 1);
  if (conn == nullptr)
    return make_error(Errc::unavailable, "cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = first_line(PQerrorMessage(conn));
    PQfinish(conn);
    return make_error(Errc::unavailable, "cannot connect to PostgreSQL: " + message);
  }
  PQsetNoticeProcessor(conn, ignore_notice, nullptr);
  return std::unique_ptr<Database>(new Database(conn));
}

Database::~Database() {
  PQfinish(conn_);
}

Connection Database::connect() {
  return Connection(*this);
}

PgResult Connection::exec(std::string_view sql, const std::vector<std::string>& params) {
  std::string text(sql);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p.c_str());
  PgResult result(PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0));
  ExecStatusType status = result.status();
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw PgError("PostgreSQL: " + first_line(PQerrorMessage(conn_)));
  return result;
}

int Connection::schema_version() {
  auto r = exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return static_cast<int>(r.integer(0, 0));
}

}  // namespace cairn::store::postgres
