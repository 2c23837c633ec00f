// Cancer Chat for its members: start a thread, reply, read a category or a
// thread a page at a time, see what is new since your last visit, report a
// post. New posts pass the hold rules; a held post is seen only by its author
// (marked "waiting for a moderator") and by moderators.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.hpp"
#include "core/clock.hpp"
#include "core/form_problems.hpp"
#include "core/rate_limiter.hpp"
#include "core/result.hpp"
#include "forum/categories.hpp"
#include "forum/hold_rules.hpp"
#include "safeguarding/watched_words.hpp"
#include "store/forum_store.hpp"

namespace cairn::forum {

using namespace std::chrono_literals;
inline constexpr int kThreadsPerPage = 20;
inline constexpr int kPostsPerPage = 20;
inline constexpr std::size_t kMaxTitleLength = 150;  // characters
inline constexpr std::size_t kMaxPostLength = 10000;
inline constexpr std::size_t kMaxReasonLength = 1000;
// Posts and reports by one member: thirty an hour, then one a minute and slower.
inline constexpr RateLimit kPostsPerMember{30, 3600s, 60s, 900s};

// Moderators and admins run the forum.
bool is_moderator(const accounts::Account& account);

struct Posted {
  std::int64_t thread_id = 0;
  std::int64_t post_id = 0;
  HoldDecision hold;  // held() when it waits for a moderator
};

struct ThreadSummary {
  store::ForumThreadRecord thread;
  bool unread = false;  // public posts newer than the member's last visit (or never opened)
};

struct CategoryPage {
  Category category;
  std::vector<ThreadSummary> threads;
  int page = 1;
  int pages = 1;
};

struct ThreadPage {
  store::ForumThreadRecord thread;
  std::vector<store::ForumPostRecord> posts;
  std::int64_t last_read = 0;  // posts after this are new to the member; 0: first visit
  int page = 1;
  int pages = 1;
};

class ForumService {
 public:
  ForumService(store::ForumStore& store, const Categories& categories,
               const safeguarding::WatchedWords& watched, RateLimiter& limiter, const Clock& clock);

  const Categories& categories() const { return categories_; }

  // Fields: "title", "body". Refused (forbidden) when suspended, rate_limited
  // when a member posts too often (staff are not limited), not_found for an unknown category.
  Result<Posted> start_thread(const accounts::Account& author, std::string_view category,
                              std::string_view title, std::string_view body);
  // Field: "body". not_found when the thread is not there for the author.
  Result<Posted> reply(const accounts::Account& author, std::int64_t thread_id,
                       std::string_view body);

  // not_found for an unknown category. Pages past the end show the last.
  Result<CategoryPage> category_page(std::string_view slug, const accounts::Account* viewer,
                                     int page);
  // not_found unless the viewer may see the thread; moves the member's
  // last-read mark to the newest post shown.
  Result<ThreadPage> thread_page(std::int64_t thread_id, const accounts::Account* viewer, int page);
  // The page of the thread a post is on, for the viewer.
  int page_of(std::int64_t thread_id, std::int64_t post_id, const accounts::Account* viewer);
  // A post the viewer may see, with its thread; not_found otherwise.
  Result<store::ForumPostRecord> visible_post(std::int64_t post_id,
                                              const accounts::Account* viewer);

  // Field: "reason". Only public posts can be reported.
  Result<Ok> report(const accounts::Account& reporter, std::int64_t post_id,
                    std::string_view reason);

 private:
  Result<HoldDecision> check_author(const accounts::Account& author, std::string_view text);

  store::ForumStore& store_;
  const Categories& categories_;
  const safeguarding::WatchedWords& watched_;
  RateLimiter& limiter_;
  const Clock& clock_;
};

store::ForumViewer viewer_of(const accounts::Account* account);

}  // namespace cairn::forum
