// Rate-limit buckets in PostgreSQL, shared by every node on the database: each
// attempt reads and writes its key's row under a row lock, so two nodes
// counting the same key at once count both attempts, in turn.
#pragma once

#include <atomic>

#include "core/rate_limiter.hpp"
#include "store/postgres/connection.hpp"

namespace cairn::store::postgres {

class PgRateLimits final : public SharedRateLimits {
 public:
  explicit PgRateLimits(Database& db) : db_(db) {}
  Status update(std::string_view key, bool create,
                const std::function<Status(RateLimitBucket&)>& rule) override;
  std::optional<RateLimitBucket> find(std::string_view key) override;
  void erase(std::string_view key) override;

 private:
  Database& db_;
  std::atomic<std::size_t> updates_{0};
};

}  // namespace cairn::store::postgres
