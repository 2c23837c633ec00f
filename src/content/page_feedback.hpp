// "Was this page useful?": a yes or no and an optional comment about a page.
// No personal data is kept: not who sent it, not their address, only the day;
// a comment with a phone number or email address is refused with a reason.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/form_problems.hpp"
#include "core/rate_limiter.hpp"
#include "safeguarding/watched_word_source.hpp"
#include "store/feedback_store.hpp"

namespace cairn::content {

using namespace std::chrono_literals;
inline constexpr std::size_t kMaxFeedbackChars = 1000;
// From one address: ten an hour, then one a minute and slower.
inline constexpr RateLimit kFeedbackPerAddress{10, 3600s, 60s, 900s};

struct FeedbackSent {
  bool crisis = false;  // the comment mentions self-harm: show crisis support at once
};

class PageFeedback {
 public:
  PageFeedback(store::FeedbackStore& store, const safeguarding::WatchedWordSource& watched,
               RateLimiter& limiter, const Clock& clock);

  // `useful` is "yes" or "no"; `address` is used only for the rate limit, in memory.
  // The caller checks that `path` is a published page.
  Result<FeedbackSent> submit(const std::string& path, std::string_view useful,
                              std::string_view comment, std::string_view address);

 private:
  store::FeedbackStore& store_;
  const safeguarding::WatchedWordSource& watched_;
  RateLimiter& limiter_;
  const Clock& clock_;
};

}  // namespace cairn::content
