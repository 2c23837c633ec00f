// Limits how often something may be tried (sign-in, registrations, forum posts,
// helpline questions, page feedback): so many attempts in a sliding window, then
// each further attempt must wait a delay that doubles (2, 4, 8 ... seconds) up to
// a cap. Never a permanent lock-out: the wait is at most the cap, and after a quiet
// spell (window + cap) the full allowance is back. In this node's memory, or,
// when several nodes serve one site, in their shared database (SharedRateLimits),
// so a second node does not double what an attacker may try.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace cairn {

// Each part names its own limits beside the rules they guard (kSignInPerAccount in
// accounts, kPostsPerMember in forum ...).
struct RateLimit {
  int attempts;  // allowed within `window` without delay
  std::chrono::seconds window;
  std::chrono::seconds first_delay;  // wait before the first attempt over the limit
  std::chrono::seconds max_delay;    // the delay doubles up to this
};

// What is remembered of one key's attempts.
struct RateLimitBucket {
  std::vector<std::chrono::system_clock::time_point> attempts;  // within the window, oldest first
  std::chrono::system_clock::time_point last{};                 // the latest counted attempt
  std::size_t strikes = 0;        // attempts let through over the limit
  std::chrono::seconds quiet{0};  // this long without attempts starts afresh
};

// The rule: counts an attempt at `now` in `bucket` (only checks it when `count`
// is false), or refuses it with rate_limited and "Try again in N seconds".
Status apply_rate_limit(RateLimitBucket& bucket, const RateLimit& limit,
                        std::chrono::system_clock::time_point now, bool count);

// Buckets kept where every node sees them (store/postgres/pg_rate_limits.hpp).
class SharedRateLimits {
 public:
  virtual ~SharedRateLimits() = default;
  // Runs `rule` on the key's bucket while no other caller on any node can,
  // and keeps what it leaves. A key with no bucket is given an empty one when
  // `create` is true; otherwise `rule` is not run and the answer is Ok.
  virtual Status update(std::string_view key, bool create,
                        const std::function<Status(RateLimitBucket&)>& rule) = 0;
  // The key's bucket, if one is kept.
  virtual std::optional<RateLimitBucket> find(std::string_view key) = 0;
  virtual void erase(std::string_view key) = 0;
};

class RateLimiter {
 public:
  // Counts in memory unless `shared` is given (it must outlive the limiter).
  explicit RateLimiter(const Clock& clock, SharedRateLimits* shared = nullptr)
      : clock_(clock), shared_(shared) {}

  // Counts an attempt under `key` ("sign-in:account:jo@example.com"), or
  // refuses it (rate_limited, "Try again in N seconds") when it comes before
  // the delay is over; a refused attempt is not counted.
  Status attempt(std::string_view key, const RateLimit& limit);
  // The refusal attempt() would give now, without counting anything.
  Status check(std::string_view key, const RateLimit& limit);
  // True while attempts counted under `key` are remembered (until a quiet spell).
  bool remembers(std::string_view key);
  // Forgets the attempts under `key` (after a successful sign-in).
  void reset(std::string_view key);

 private:
  void sweep(std::chrono::system_clock::time_point now);
  // attempt() and check(): `count` says whether an allowed attempt is counted.
  Status take(std::string_view key, const RateLimit& limit, bool count);

  const Clock& clock_;
  SharedRateLimits* shared_;
  std::mutex mutex_;
  std::unordered_map<std::string, RateLimitBucket> buckets_;
  std::size_t calls_ = 0;
};

}  // namespace cairn
