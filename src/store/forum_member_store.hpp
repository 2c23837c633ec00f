// What Cancer Chat keeps for each member besides their posts: the threads they
// watch, how they want to hear about replies (an email each, a daily digest,
// or none), the replies waiting for their next digest, and the private
// messages moderators send them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::store {

// How a member hears about replies in threads they watch.
enum class MailChoice { each, digest, off };

std::string_view to_string(MailChoice choice);
// Unknown text reads as "off": a bad row never sends mail nobody asked for.
MailChoice parse_mail_choice(std::string_view stored);

struct ForumMessageRecord {
  std::int64_t id = 0;
  std::int64_t member_id = 0;
  std::int64_t moderator_id = 0;  // 0 when the moderator's account is gone
  std::string moderator_name;     // as it was when sent
  std::int64_t post_id = 0;       // the held post it is about; 0 if none
  std::string body;               // plain text
  std::string created_at;         // ISO 8601 UTC
  std::string read_at;            // empty until the member opened it
};

class ForumMemberStore {
 public:
  virtual ~ForumMemberStore() = default;

  // Watching: a member who posts in a thread watches it unless they chose not to.
  virtual void watch_unless_chosen(std::int64_t account_id, std::int64_t thread_id) = 0;
  virtual void set_watching(std::int64_t account_id, std::int64_t thread_id, bool watching) = 0;
  virtual bool watching(std::int64_t account_id, std::int64_t thread_id) = 0;
  // Who watches the thread.
  virtual std::vector<std::int64_t> watchers(std::int64_t thread_id) = 0;
  // The threads the member watches, the most recently active first.
  virtual std::vector<std::int64_t> watched_threads(std::int64_t account_id, int limit) = 0;

  // Mail: "each" until the member chooses.
  virtual MailChoice mail_choice(std::int64_t account_id) = 0;
  // `now` (seconds since the Unix epoch) starts the digest day when "digest" is chosen.
  virtual void set_mail_choice(std::int64_t account_id, MailChoice choice, std::int64_t now) = 0;
  virtual void add_digest_item(std::int64_t account_id, std::int64_t post_id) = 0;
  // Members choosing the digest with replies waiting, whose last digest was at or before `before`.
  virtual std::vector<std::int64_t> digests_due(std::int64_t before) = 0;
  // Takes the member's waiting replies (oldest first) and starts their next
  // digest day at `now`, in one step: two nodes never send the same digest.
  virtual std::vector<std::int64_t> take_digest(std::int64_t account_id, std::int64_t now) = 0;

  // Moderators' messages to a member.
  virtual std::int64_t add_message(const ForumMessageRecord& message) = 0;
  // Newest first.
  virtual std::vector<ForumMessageRecord> messages_for(std::int64_t member_id) = 0;
  virtual std::optional<ForumMessageRecord> message(std::int64_t id) = 0;
  virtual void mark_message_read(std::int64_t id, std::string_view at) = 0;
  virtual int unread_messages(std::int64_t member_id) = 0;
};

}  // namespace cairn::store
