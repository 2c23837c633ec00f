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

#include <functional>
#include "accounts/account.hpp"
#include "core/clock.hpp"
#include "core/form_problems.hpp"
#include "core/rate_limiter.hpp"
#include "core/result.hpp"

#include "forum/categories.hpp"
#include "forum/forum_limits.hpp"
#include "forum/hold_rules.hpp"
#include "forum/watched_word_list.hpp"
#include "store/forum_member_store.hpp"
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
  ForumService(store::ForumStore& store, store::ForumMemberStore& members,
               const Categories& categories, const WatchedWordList& watched, RateLimiter& limiter,
               const Clock& clock, ForumLimits limits = {});

  const Categories& categories() const { return categories_; }
  const ForumLimits& limits() const { return limits_; }
  // Called with each post that became public (the reply notifier listens).
  void on_visible(std::function<void(std::int64_t post_id)> visible) {
    visible_ = std::move(visible);
  }

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
  // Threads of the category the viewer may see.
  int thread_count(std::string_view slug, const accounts::Account* viewer);
  // not_found unless the viewer may see the thread; moves the member's
  // last-read mark to the newest post shown.
  Result<ThreadPage> thread_page(std::int64_t thread_id, const accounts::Account* viewer, int page);
  // The page of the thread a post is on, for the viewer.
  int page_of(std::int64_t thread_id, std::int64_t post_id, const accounts::Account* viewer);
  // A post the viewer may see, with its thread; not_found otherwise.
  Result<store::ForumPostRecord> visible_post(std::int64_t post_id,
                                              const accounts::Account* viewer);

  // The author's own post, while the edit window is open (not_found for
  // anyone else's, forbidden once the window has closed). Field: "body". The
  // edit passes the hold rules again; a post that waits keeps waiting.
  Result<Posted> edit_own(const accounts::Account& author, std::int64_t post_id,
                          std::string_view body);
  // The author's own post shows "deleted by its author"; moderators keep its text.
  Status delete_own(const accounts::Account& author, std::int64_t post_id);
  // Whether the viewer may still edit (or delete) this post.
  bool can_edit(const accounts::Account* viewer, const store::ForumPostRecord& post) const;
  bool can_delete(const accounts::Account* viewer, const store::ForumPostRecord& post) const;

  // Watching a thread the member can see (not_found otherwise).
  Status set_watching(const accounts::Account& member, std::int64_t thread_id, bool watching);
  bool watching(const accounts::Account& member, std::int64_t thread_id);

  // Field: "reason". Only public posts can be reported.
  Result<Ok> report(const accounts::Account& reporter, std::int64_t post_id,
                    std::string_view reason);

 private:
  // `field`: where a problem with the text is shown ("body").
  Result<HoldDecision> check_author(const accounts::Account& author, std::string_view text,
                                    std::string_view field, bool editing);
  // After a post is stored: its author watches the thread, the thread's
  // watchers hear of it if it is public, and a flagged post goes in the queue.
  void after_posting(const accounts::Account& author, const Posted& posted);
  // A post with "flag" words goes in the moderators' queue (it stays public).
  void flag_if_watched(const Posted& posted, std::string_view why);

  store::ForumStore& store_;
  store::ForumMemberStore& members_;
  const Categories& categories_;
  const WatchedWordList& watched_;
  RateLimiter& limiter_;
  const Clock& clock_;
  ForumLimits limits_;
  std::function<void(std::int64_t)> visible_;
};

store::ForumViewer viewer_of(const accounts::Account* account);

}  // namespace cairn::forum
