// Limits how often something may be tried (sign-in, registrations, forum posts,
// helpline questions, page feedback): so many attempts in a sliding window, then
// each further attempt must wait a delay that doubles (2, 4, 8 ... seconds) up to
// a cap. Never a permanent lock-out: the wait is at most the cap, and after a quiet
// spell (window + cap) the full allowance is back. In memory, so each node counts its own.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

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

class RateLimiter {
 public:
  explicit RateLimiter(const Clock& clock) : clock_(clock) {}

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
  struct Bucket {
    std::deque<std::chrono::system_clock::time_point> attempts;  // within the window
    std::chrono::system_clock::time_point last{};                // the latest counted attempt
    std::size_t strikes = 0;        // attempts let through over the limit
    std::chrono::seconds quiet{0};  // this long without attempts starts afresh
  };
  void sweep(std::chrono::system_clock::time_point now);
  // attempt() and check(): `count` says whether an allowed attempt is counted.
  Status take(std::string_view key, const RateLimit& limit, bool count);

  const Clock& clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::size_t calls_ = 0;
};

}  // namespace cairn
