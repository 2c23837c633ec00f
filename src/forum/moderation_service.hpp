// What moderators do: the queue (safeguarding holds first, then reported
// posts, then phone numbers or emails, then new members' first posts),
// approve, hide, edit with a reason, suspend a member. Every action goes into
// the audit log, an edit with the post's original text.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "accounts/account.hpp"
#include "core/clock.hpp"
#include "core/form_problems.hpp"
#include "core/result.hpp"
#include "forum/hold_rules.hpp"
#include "store/account_store.hpp"
#include "store/forum_member_store.hpp"
#include "store/forum_store.hpp"

namespace cairn::forum {

inline constexpr int kAuditPerPage = 50;

struct QueueItem {
  store::ForumPostRecord post;
  std::string thread_title;
  HoldReasons held_for;                           // empty when the post is public but reported
  std::vector<store::ForumReportRecord> reports;  // open reports of the post
  std::vector<store::ForumPostVersion> versions;  // earlier texts, when its author edited it
};

inline constexpr std::size_t kMaxMessageLength = 5000;  // characters

// A suspended member, for lifting the suspension.
struct SuspendedMember {
  std::int64_t id = 0;
  std::string display_name;
};

class ModerationService {
 public:
  ModerationService(store::ForumStore& forum, store::ForumMemberStore& members,
                    store::AccountStore& accounts, const Clock& clock);

  // Called with each held post a moderator let through (the reply notifier listens).
  void on_visible(std::function<void(std::int64_t post_id)> visible) {
    visible_ = std::move(visible);
  }

  // Every call is refused (forbidden) unless `moderator` is a moderator or admin.
  Result<std::vector<QueueItem>> queue(const accounts::Account& moderator);
  // A held post becomes public; a reported post stays public and its reports close.
  Status approve(const accounts::Account& moderator, std::int64_t post_id);
  Status hide(const accounts::Account& moderator, std::int64_t post_id, std::string_view reason);
  // Fields: "body", "reason" (a reason is required).
  Result<Ok> edit(const accounts::Account& moderator, std::int64_t post_id, std::string_view body,
                  std::string_view reason);
  // Only members can be suspended; their sessions end at once.
  Status suspend(const accounts::Account& moderator, std::int64_t member_id,
                 std::string_view reason);
  // The member can post again (their earlier sessions stay ended).
  Status unsuspend(const accounts::Account& moderator, std::int64_t member_id,
                   std::string_view reason);
  Result<std::vector<SuspendedMember>> suspended(const accounts::Account& moderator);

  // Reaching out after a hold: a private message to the author of `post_id`,
  // seen in their account (with the crisis contacts beside it). Field: "body".
  Result<std::int64_t> send_message(const accounts::Account& moderator, std::int64_t post_id,
                                    std::string_view body);
  // The post a message would be about, for the form: not_found unless held or public.
  Result<store::ForumPostRecord> post_to_reach_out(const accounts::Account& moderator,
                                                   std::int64_t post_id);
  Result<std::vector<store::ForumAuditRecord>> audit_log(const accounts::Account& moderator,
                                                         int page);

 private:
  Status check(const accounts::Account& moderator) const;
  store::ForumAuditRecord entry(const accounts::Account& moderator, std::string_view action) const;

  store::ForumStore& forum_;
  store::ForumMemberStore& members_;
  store::AccountStore& accounts_;
  const Clock& clock_;
  std::function<void(std::int64_t)> visible_;
};

}  // namespace cairn::forum
