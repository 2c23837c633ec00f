// Cancer Chat as a member sees it from their account: their own posts, the
// threads they watch, how they hear about replies, and the private messages
// moderators sent them (with a notice until each is read).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "accounts/account.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "store/forum_member_store.hpp"
#include "store/forum_store.hpp"

namespace cairn::forum {

inline constexpr int kOwnPostsShown = 50;
inline constexpr int kWatchedThreadsShown = 100;

struct OwnPost {
  store::ForumPostRecord post;
  std::string thread_title;
};

class MemberForum {
 public:
  MemberForum(store::ForumStore& forum, store::ForumMemberStore& members, const Clock& clock);

  // Newest first.
  std::vector<OwnPost> own_posts(const accounts::Account& member);
  std::vector<store::ForumThreadRecord> watched_threads(const accounts::Account& member);

  store::MailChoice mail_choice(const accounts::Account& member);
  // Field "mail": "each", "digest" or "off".
  Status set_mail_choice(const accounts::Account& member, std::string_view choice);

  std::vector<store::ForumMessageRecord> messages(const accounts::Account& member);
  int unread_messages(const accounts::Account& member);
  // The member's own message, marked read; not_found for anyone else's.
  Result<store::ForumMessageRecord> open_message(const accounts::Account& member, std::int64_t id);

 private:
  store::ForumStore& forum_;
  store::ForumMemberStore& members_;
  const Clock& clock_;
};

}  // namespace cairn::forum
