// PageStore on PostgreSQL, with the SQLite one's behaviour (store/sqlite/sqlite_page_store.hpp).
#pragma once

#include "store/page_store.hpp"
#include "store/postgres/connection.hpp"

namespace cairn::store::postgres {

class PgPageStore final : public PageStore {
 public:
  explicit PgPageStore(Database& db) : db_(db) {}
  ImportReport import_pages(const std::vector<PageImport>& pages,
                            const std::string& author) override;
  std::vector<PageRevision> published_pages() override;
  std::optional<PageRevision> published_page(const std::string& path) override;
  std::vector<PageRevision> revisions(const std::string& path) override;
  std::optional<PageRevision> revision(const std::string& path, int revision) override;
  std::vector<PageRevision> latest_revisions() override;
  PageRevision add_draft(const NewDraft& draft) override;
  bool move_state(const std::string& path, int revision, RevisionState from, RevisionState to,
                  const ReviewMark& mark) override;
  bool publish(const std::string& path, int revision, const ReviewMark& mark) override;
  bool schedule(const std::string& path, int revision, std::string_view go_live_at,
                const ReviewMark& mark) override;
  bool unschedule(const std::string& path, int revision) override;
  std::vector<PageRevision> publish_due(std::string_view now) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::postgres
