#include "store/postgres/pg_rate_limits.hpp"

#include <charconv>

namespace cairn::store::postgres {

namespace {

using TimePoint = std::chrono::system_clock::time_point;

// Forgotten buckets are swept out every so many updates, so the table follows
// live traffic as the in-memory limiter's map does.
constexpr std::size_t kSweepEvery = 1024;

std::int64_t to_ms(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

TimePoint from_ms(std::int64_t ms) {
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(std::chrono::milliseconds(ms)));
}

// Attempt times as "ms,ms,ms": the list is short (at most a limit's allowance).
std::string attempts_text(const std::vector<TimePoint>& attempts) {
  std::string out;
  for (auto t : attempts) {
    if (!out.empty())
      out += ',';
    out += std::to_string(to_ms(t));
  }
  return out;
}

std::vector<TimePoint> parse_attempts(std::string_view text) {
  std::vector<TimePoint> out;
  while (!text.empty()) {
    auto comma = text.find(',');
    auto item = text.substr(0, comma);
    std::int64_t ms = 0;
    if (std::from_chars(item.data(), item.data() + item.size(), ms).ec == std::errc())
      out.push_back(from_ms(ms));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
  }
  return out;
}

constexpr std::string_view kColumns = "attempts, last_ms, strikes, quiet_s";

RateLimitBucket read_bucket(const PgResult& r) {
  RateLimitBucket bucket;
  bucket.attempts = parse_attempts(r.text(0, 0));
  bucket.last = from_ms(r.integer(0, 1));
  bucket.strikes = static_cast<std::size_t>(r.integer(0, 2));
  bucket.quiet = std::chrono::seconds(r.integer(0, 3));
  return bucket;
}

}  // namespace

Status PgRateLimits::update(std::string_view key, bool create,
                            const std::function<Status(RateLimitBucket&)>& rule) {
  const std::string k(key);
  auto db = db_.connect();
  Transaction tx(db);
  if (create)
    db.exec("INSERT INTO rate_limits (key) VALUES ($1) ON CONFLICT DO NOTHING", {k});
  auto row = db.exec(
      "SELECT " + std::string(kColumns) + " FROM rate_limits WHERE key = $1 FOR UPDATE", {k});
  if (row.rows() == 0)
    return Ok{};
  RateLimitBucket bucket = read_bucket(row);
  Status outcome = rule(bucket);
  const auto last = to_ms(bucket.last);
  const auto forget_at = last + bucket.quiet.count() * 1000;
  db.exec(
      "UPDATE rate_limits SET attempts = $2, last_ms = $3, strikes = $4, quiet_s = $5, "
      "forget_at_ms = $6 WHERE key = $1",
      {k, attempts_text(bucket.attempts), std::to_string(last), std::to_string(bucket.strikes),
       std::to_string(bucket.quiet.count()), std::to_string(forget_at)});
  if (++updates_ % kSweepEvery == 0 && bucket.last != TimePoint{})
    db.exec("DELETE FROM rate_limits WHERE forget_at_ms < $1", {std::to_string(last)});
  tx.commit();
  return outcome;
}

std::optional<RateLimitBucket> PgRateLimits::find(std::string_view key) {
  auto db = db_.connect();
  auto row = db.exec("SELECT " + std::string(kColumns) + " FROM rate_limits WHERE key = $1",
                     {std::string(key)});
  if (row.rows() == 0)
    return std::nullopt;
  return read_bucket(row);
}

void PgRateLimits::erase(std::string_view key) {
  auto db = db_.connect();
  db.exec("DELETE FROM rate_limits WHERE key = $1", {std::string(key)});
}

}  // namespace cairn::store::postgres
