#include "store/postgres/pg_page_store.hpp"

#include "store/stored_columns.hpp"

#include "store/content_hash.hpp"
#include "store/postgres/pg_trial_store.hpp"

namespace cairn::store::postgres {

namespace {

PageRevision read_revision(const PgResult& r, int row) {
  PageRevision p;
  p.path = r.text(row, 0);
  p.revision = static_cast<int>(r.integer(row, 1));
  p.content = r.text(row, 2);
  p.content_hash = r.text(row, 3);
  p.author = r.text(row, 4);
  p.created_at = r.text(row, 5);
  p.author_id = r.integer(row, 6);
  p.state = parse_revision_state(r.text(row, 7));
  p.note = r.text(row, 8);
  p.reviewer = r.text(row, 9);
  p.reviewed_at = r.text(row, 10);
  p.review_note = r.text(row, 11);
  p.checks = r.text(row, 12);
  p.override_reason = r.text(row, 13);
  p.go_live_at = r.text(row, 14);
  return p;
}

std::vector<PageRevision> read_all(const PgResult& r) {
  std::vector<PageRevision> out;
  out.reserve(static_cast<std::size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_revision(r, i));
  return out;
}

std::string select_revisions(std::string_view rest) {
  return "SELECT " + std::string(columns::kRevisionColumns) + " " + std::string(rest);
}

std::optional<PageRevision> find_revision(Connection& db, const std::string& path, int revision) {
  auto r = db.exec(select_revisions("FROM page_revisions r WHERE r.path = $1 AND r.revision = $2"),
                   {path, std::to_string(revision)});
  if (r.rows() == 0)
    return std::nullopt;
  return read_revision(r, 0);
}

int newest_revision(Connection& db, const std::string& path) {
  auto r = db.exec("SELECT COALESCE(MAX(revision), 0) FROM page_revisions WHERE path = $1", {path});
  return static_cast<int>(r.integer(0, 0));
}

bool is_newest_in(Connection& db, const std::string& path, int revision, RevisionState from) {
  if (newest_revision(db, path) != revision)
    return false;
  auto r = db.exec("SELECT state FROM page_revisions WHERE path = $1 AND revision = $2",
                   {path, std::to_string(revision)});
  return r.rows() > 0 && parse_revision_state(r.text(0, 0)) == from;
}

void mark_revision(Connection& db, const std::string& path, int revision, RevisionState to,
                   const ReviewMark& mark) {
  db.exec("UPDATE page_revisions SET state = $1, reviewer = $2, review_note = $3, reviewed_at = " +
              std::string(kNowIso) +
              ", checks = CASE WHEN $4 = '' THEN checks ELSE $4 END, override_reason = $5 "
              "WHERE path = $6 AND revision = $7",
          {std::string(to_string(to)), mark.reviewer, mark.note, mark.checks, mark.override_reason,
           path, std::to_string(revision)});
}

void set_published(Connection& db, const std::string& path, int revision) {
  db.exec(
      "INSERT INTO pages (path, published_revision) VALUES ($1, $2) "
      "ON CONFLICT (path) DO UPDATE SET published_revision = excluded.published_revision",
      {path, std::to_string(revision)});
  record_change(db, "page", path);
}

// A writer's transaction: pages change one writer at a time, on any node.
struct PageWrite {
  explicit PageWrite(Connection& db) : tx(db) { lock_for_transaction(db, kPagesLock); }
  Transaction tx;
};

}  // namespace

ImportReport PgPageStore::import_pages(const std::vector<PageImport>& pages,
                                       const std::string& author) {
  ImportReport report;
  auto db = db_.connect();
  PageWrite write(db);
  for (const auto& page : pages) {
    std::string hash = content_hash(page.content);
    auto current = db.exec(
        "SELECT r.revision, r.content_hash, COALESCE(r.author_id, 0) FROM pages p "
        "JOIN page_revisions r ON r.path = p.path AND r.revision = p.published_revision "
        "WHERE p.path = $1",
        {page.path});
    int revision = 0;
    if (current.rows() > 0) {
      if (current.text(0, 1) == hash) {
        ++report.unchanged;
        continue;
      }
      if (current.integer(0, 2) != 0) {
        report.kept_editor_versions.push_back(page.path);
        continue;
      }
      revision = newest_revision(db, page.path) + 1;
      ++report.updated;
    } else {
      revision = 1;
      ++report.added;
    }
    db.exec(
        "INSERT INTO page_revisions (path, revision, content, content_hash, author) "
        "VALUES ($1, $2, $3, $4, $5)",
        {page.path, std::to_string(revision), page.content, hash, author});
    set_published(db, page.path, revision);
  }
  write.tx.commit();
  return report;
}

std::vector<PageRevision> PgPageStore::published_pages() {
  auto db = db_.connect();
  return read_all(
      db.exec(select_revisions("FROM pages p JOIN page_revisions r ON r.path = p.path AND "
                               "r.revision = p.published_revision ORDER BY p.path")));
}

std::optional<PageRevision> PgPageStore::published_page(const std::string& path) {
  auto db = db_.connect();
  auto r = db.exec(select_revisions("FROM pages p JOIN page_revisions r ON r.path = p.path AND "
                                    "r.revision = p.published_revision WHERE p.path = $1"),
                   {path});
  if (r.rows() == 0)
    return std::nullopt;
  return read_revision(r, 0);
}

std::vector<PageRevision> PgPageStore::revisions(const std::string& path) {
  auto db = db_.connect();
  return read_all(db.exec(
      select_revisions("FROM page_revisions r WHERE r.path = $1 ORDER BY r.revision"), {path}));
}

std::optional<PageRevision> PgPageStore::revision(const std::string& path, int revision) {
  auto db = db_.connect();
  return find_revision(db, path, revision);
}

std::vector<PageRevision> PgPageStore::latest_revisions() {
  auto db = db_.connect();
  return read_all(db.exec(select_revisions(
      "FROM page_revisions r WHERE r.revision = "
      "(SELECT MAX(revision) FROM page_revisions n WHERE n.path = r.path) ORDER BY r.path")));
}

PageRevision PgPageStore::add_draft(const NewDraft& draft) {
  auto db = db_.connect();
  PageWrite write(db);
  int revision = newest_revision(db, draft.path) + 1;
  db.exec(
      "INSERT INTO page_revisions (path, revision, content, content_hash, author, author_id, "
      "state, note) VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7)",
      {draft.path, std::to_string(revision), draft.content, content_hash(draft.content),
       draft.author, std::to_string(draft.author_id), draft.note});
  write.tx.commit();
  return *find_revision(db, draft.path, revision);
}

bool PgPageStore::move_state(const std::string& path, int revision, RevisionState from,
                             RevisionState to, const ReviewMark& mark) {
  auto db = db_.connect();
  PageWrite write(db);
  if (!is_newest_in(db, path, revision, from))
    return false;
  mark_revision(db, path, revision, to, mark);
  write.tx.commit();
  return true;
}

bool PgPageStore::publish(const std::string& path, int revision, const ReviewMark& mark) {
  auto db = db_.connect();
  PageWrite write(db);
  if (!is_newest_in(db, path, revision, RevisionState::in_review))
    return false;
  mark_revision(db, path, revision, RevisionState::published, mark);
  set_published(db, path, revision);
  write.tx.commit();
  return true;
}

bool PgPageStore::schedule(const std::string& path, int revision, std::string_view go_live_at,
                           const ReviewMark& mark) {
  auto db = db_.connect();
  PageWrite write(db);
  if (!is_newest_in(db, path, revision, RevisionState::in_review))
    return false;
  mark_revision(db, path, revision, RevisionState::scheduled, mark);
  db.exec("UPDATE page_revisions SET go_live_at = $1 WHERE path = $2 AND revision = $3",
          {std::string(go_live_at), path, std::to_string(revision)});
  write.tx.commit();
  return true;
}

bool PgPageStore::unschedule(const std::string& path, int revision) {
  auto db = db_.connect();
  PageWrite write(db);
  auto r = db.exec(
      "SELECT 1 FROM page_revisions WHERE path = $1 AND revision = $2 AND state = 'scheduled'",
      {path, std::to_string(revision)});
  if (r.rows() == 0)
    return false;
  db.exec(
      "UPDATE page_revisions SET state = 'in_review', go_live_at = '', reviewer = '', "
      "reviewed_at = '' WHERE path = $1 AND revision = $2",
      {path, std::to_string(revision)});
  write.tx.commit();
  return true;
}

std::vector<PageRevision> PgPageStore::publish_due(std::string_view now) {
  auto db = db_.connect();
  // Under the pages lock: the state moves only once, whichever node gets here first.
  PageWrite write(db);
  auto scheduled =
      read_all(db.exec(select_revisions("FROM page_revisions r WHERE r.state = 'scheduled' AND "
                                        "r.go_live_at <= $1 ORDER BY r.go_live_at, r.path"),
                       {std::string(now)}));
  std::vector<PageRevision> published;
  for (auto& r : scheduled) {
    auto live = db.exec("SELECT published_revision FROM pages WHERE path = $1", {r.path});
    int live_revision = live.rows() > 0 ? static_cast<int>(live.integer(0, 0)) : 0;
    if (live_revision > r.revision) {
      db.exec(
          "UPDATE page_revisions SET state = 'returned', review_note = $1, reviewer = '', "
          "go_live_at = '' WHERE path = $2 AND revision = $3",
          {"Revision " + std::to_string(live_revision) +
               " was published before this one's time came, so this one did not go live. "
               "Compare them before sending it again.",
           r.path, std::to_string(r.revision)});
      continue;
    }
    db.exec("UPDATE page_revisions SET state = 'published' WHERE path = $1 AND revision = $2",
            {r.path, std::to_string(r.revision)});
    set_published(db, r.path, r.revision);
    r.state = RevisionState::published;
    published.push_back(std::move(r));
  }
  write.tx.commit();
  return published;
}

}  // namespace cairn::store::postgres
