// ForumMemberStore on PostgreSQL, as the SQLite one behaves.
#pragma once

#include "store/forum_member_store.hpp"
#include "store/postgres/connection.hpp"

namespace cairn::store::postgres {

class PgForumMemberStore final : public ForumMemberStore {
 public:
  explicit PgForumMemberStore(Database& db) : db_(db) {}

  void watch_unless_chosen(std::int64_t account_id, std::int64_t thread_id) override;
  void set_watching(std::int64_t account_id, std::int64_t thread_id, bool watching) override;
  bool watching(std::int64_t account_id, std::int64_t thread_id) override;
  std::vector<std::int64_t> watchers(std::int64_t thread_id) override;
  std::vector<std::int64_t> watched_threads(std::int64_t account_id, int limit) override;
  MailChoice mail_choice(std::int64_t account_id) override;
  void set_mail_choice(std::int64_t account_id, MailChoice choice, std::int64_t now) override;
  void add_digest_item(std::int64_t account_id, std::int64_t post_id) override;
  std::vector<std::int64_t> digests_due(std::int64_t before) override;
  std::vector<std::int64_t> take_digest(std::int64_t account_id, std::int64_t now) override;
  std::int64_t add_message(const ForumMessageRecord& message) override;
  std::vector<ForumMessageRecord> messages_for(std::int64_t member_id) override;
  std::optional<ForumMessageRecord> message(std::int64_t id) override;
  void mark_message_read(std::int64_t id, std::string_view at) override;
  int unread_messages(std::int64_t member_id) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::postgres
