#include "core/rate_limiter.hpp"

#include <algorithm>

namespace cairn {

namespace {

// Sweep idle keys out every so many calls, so memory follows live traffic.
constexpr std::size_t kSweepEvery = 1024;

std::chrono::seconds delay_for(const RateLimit& limit, std::size_t over) {
  auto delay = limit.first_delay;
  for (std::size_t i = 1; i < over && delay < limit.max_delay; ++i) delay *= 2;
  return std::min(delay, limit.max_delay);
}

}  // namespace

Status RateLimiter::attempt(std::string_view key, const RateLimit& limit) {
  return take(key, limit, true);
}

Status RateLimiter::check(std::string_view key, const RateLimit& limit) {
  return take(key, limit, false);
}

Status apply_rate_limit(RateLimitBucket& bucket, const RateLimit& limit,
                        std::chrono::system_clock::time_point now, bool count) {
  bucket.quiet = std::max(bucket.quiet, limit.window + limit.max_delay);
  auto& times = bucket.attempts;
  if (now - bucket.last >= bucket.quiet) {
    times.clear();
    bucket.strikes = 0;
  }
  auto in_window =
      std::find_if(times.begin(), times.end(), [&](auto t) { return t > now - limit.window; });
  times.erase(times.begin(), in_window);
  if (bucket.strikes > 0 || times.size() >= static_cast<std::size_t>(limit.attempts)) {
    // Over the limit: this attempt must come a doubling delay after the last one.
    auto ready = bucket.last + delay_for(limit, bucket.strikes + 1);
    if (now < ready) {
      auto wait = std::chrono::ceil<std::chrono::seconds>(ready - now).count();
      return make_error(Errc::rate_limited, "Too many attempts. Try again in " +
                                                std::to_string(wait) +
                                                (wait == 1 ? " second." : " seconds."));
    }
    if (!count)
      return Ok{};
    ++bucket.strikes;
  }
  if (!count)
    return Ok{};
  times.push_back(now);
  bucket.last = now;
  return Ok{};
}

bool RateLimiter::remembers(std::string_view key) {
  auto now = clock_.now();
  if (shared_) {
    auto bucket = shared_->find(key);
    return bucket && now - bucket->last < bucket->quiet;
  }
  std::lock_guard lock(mutex_);
  auto found = buckets_.find(std::string(key));
  return found != buckets_.end() && now - found->second.last < found->second.quiet;
}

Status RateLimiter::take(std::string_view key, const RateLimit& limit, bool count) {
  auto now = clock_.now();
  if (shared_) {
    return shared_->update(key, count, [&](RateLimitBucket& bucket) {
      return apply_rate_limit(bucket, limit, now, count);
    });
  }
  std::lock_guard lock(mutex_);
  if (++calls_ % kSweepEvery == 0)
    sweep(now);
  if (!count && !buckets_.contains(std::string(key)))
    return Ok{};
  return apply_rate_limit(buckets_[std::string(key)], limit, now, count);
}

void RateLimiter::reset(std::string_view key) {
  if (shared_) {
    shared_->erase(key);
    return;
  }
  std::lock_guard lock(mutex_);
  buckets_.erase(std::string(key));
}

void RateLimiter::sweep(std::chrono::system_clock::time_point now) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    if (now - it->second.last >= it->second.quiet) {
      it = buckets_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace cairn
