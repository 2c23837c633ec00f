// ForumStore on PostgreSQL, as the SQLite one behaves (store/sqlite/sqlite_forum_store.hpp).
#pragma once

#include "store/forum_store.hpp"
#include "store/postgres/connection.hpp"

namespace cairn::store::postgres {

class PgForumStore final : public ForumStore {
 public:
  explicit PgForumStore(Database& db) : db_(db) {}

  std::pair<std::int64_t, std::int64_t> create_thread(std::string_view category,
                                                      std::string_view title,
                                                      const NewForumPost& first) override;
  std::int64_t add_post(std::int64_t thread_id, const NewForumPost& post) override;
  std::optional<ForumThreadRecord> thread(std::int64_t id) override;
  std::optional<ForumPostRecord> post(std::int64_t id) override;
  std::vector<ForumThreadRecord> threads_in(std::string_view category, const ForumViewer& viewer,
                                            int offset, int limit) override;
  int count_threads_in(std::string_view category, const ForumViewer& viewer) override;
  std::vector<ForumPostRecord> posts_in(std::int64_t thread_id, const ForumViewer& viewer,
                                        int offset, int limit) override;
  int count_posts_in(std::int64_t thread_id, const ForumViewer& viewer) override;
  int position_of(std::int64_t thread_id, std::int64_t post_id, const ForumViewer& viewer) override;
  int count_public_posts_by(std::int64_t author_id) override;
  std::vector<ForumPostRecord> posts_by(std::int64_t author_id) override;
  void set_post_status(std::int64_t post_id, PostStatus status) override;
  void edit_post(std::int64_t post_id, std::string_view body, std::string_view at) override;
  void author_edit_post(std::int64_t post_id, const AuthorEdit& edit) override;
  void delete_post_by_author(std::int64_t post_id, std::string_view at) override;
  std::vector<ForumPostVersion> post_versions(std::int64_t post_id) override;
  bool claim_notification(std::int64_t post_id) override;
  void add_flag(std::int64_t post_id, std::string_view reason, std::string_view at) override;
  std::vector<ForumPostRecord> held_posts() override;
  void add_report(std::int64_t post_id, std::int64_t reporter_id, std::string_view reason,
                  std::string_view at) override;
  std::vector<ForumReportRecord> open_reports() override;
  void resolve_reports(std::int64_t post_id) override;
  std::map<std::int64_t, std::int64_t> last_read(std::int64_t account_id,
                                                 const std::vector<std::int64_t>& threads) override;
  void mark_read(std::int64_t account_id, std::int64_t thread_id, std::int64_t post_id) override;
  void add_audit(const ForumAuditRecord& entry) override;
  std::vector<ForumAuditRecord> audit_log(int offset, int limit) override;
  void detach_author(std::int64_t author_id) override;
  void remove_posts_by(std::int64_t author_id, std::string_view removed_text) override;
  void for_each_public_thread(
      const std::function<void(const ForumThreadRecord&, const std::vector<ForumPostRecord>&)>&
          visit) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::postgres
