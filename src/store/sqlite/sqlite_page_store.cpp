#include "store/sqlite/sqlite_page_store.hpp"

#include "store/stored_columns.hpp"

#include "store/content_hash.hpp"

namespace cairn::store::sqlite {

namespace {

PageRevision read_revision(Statement& st) {
  PageRevision r;
  r.path = st.text(0);
  r.revision = static_cast<int>(st.integer(1));
  r.content = st.text(2);
  r.content_hash = st.text(3);
  r.author = st.text(4);
  r.created_at = st.text(5);
  r.author_id = st.integer(6);
  r.state = parse_revision_state(st.text(7));
  r.note = st.text(8);
  r.reviewer = st.text(9);
  r.reviewed_at = st.text(10);
  r.review_note = st.text(11);
  r.checks = st.text(12);
  r.override_reason = st.text(13);
  r.go_live_at = st.text(14);
  return r;
}

std::string select_revisions(std::string_view rest) {
  return "SELECT " + std::string(columns::kRevisionColumns) + " " + std::string(rest);
}

std::optional<PageRevision> find_revision(Connection& db, const std::string& path, int revision) {
  auto st =
      db.prepare(select_revisions("FROM page_revisions r WHERE r.path = ? AND r.revision = ?"));
  st.bind(1, path).bind(2, revision);
  if (!st.step())
    return std::nullopt;
  return read_revision(st);
}

// The newest revision number of a page; 0 when it has none.
int newest_revision(Connection& db, const std::string& path) {
  auto st = db.prepare("SELECT COALESCE(MAX(revision), 0) FROM page_revisions WHERE path = ?");
  st.bind(1, path);
  st.step();
  return static_cast<int>(st.integer(0));
}

// True when `revision` is the page's newest and is in state `from`.
bool is_newest_in(Connection& db, const std::string& path, int revision, RevisionState from) {
  if (newest_revision(db, path) != revision)
    return false;
  auto st = db.prepare("SELECT state FROM page_revisions WHERE path = ? AND revision = ?");
  st.bind(1, path).bind(2, revision);
  return st.step() && parse_revision_state(st.text(0)) == from;
}

void mark_revision(Connection& db, const std::string& path, int revision, RevisionState to,
                   const ReviewMark& mark) {
  db.prepare(
        "UPDATE page_revisions SET state = ?, reviewer = ?, review_note = ?, "
        "reviewed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'), "
        "checks = CASE WHEN ? = '' THEN checks ELSE ? END, override_reason = ? "
        "WHERE path = ? AND revision = ?")
      .bind(1, to_string(to))
      .bind(2, mark.reviewer)
      .bind(3, mark.note)
      .bind(4, mark.checks)
      .bind(5, mark.checks)
      .bind(6, mark.override_reason)
      .bind(7, path)
      .bind(8, revision)
      .run();
}

}  // namespace

void record_change(Connection& db, std::string_view kind, std::string_view key) {
  db.prepare("INSERT INTO changes (kind, key) VALUES (?, ?)").bind(1, kind).bind(2, key).run();
}

namespace {

// Makes `revision` the one readers see, and records the change in the feed.
void set_published(Connection& db, const std::string& path, int revision) {
  db.prepare(
        "INSERT INTO pages (path, published_revision) VALUES (?, ?) "
        "ON CONFLICT (path) DO UPDATE SET published_revision = excluded.published_revision")
      .bind(1, path)
      .bind(2, revision)
      .run();
  record_change(db, "page", path);
}

}  // namespace

ImportReport SqlitePageStore::import_pages(const std::vector<PageImport>& pages,
                                           const std::string& author) {
  ImportReport report;
  auto db = db_.connect();
  Transaction tx(db);
  for (const auto& page : pages) {
    std::string hash = content_hash(page.content);
    auto current = db.prepare(
        "SELECT r.revision, r.content_hash, COALESCE(r.author_id, 0) FROM pages p "
        "JOIN page_revisions r "
        "ON r.path = p.path AND r.revision = p.published_revision WHERE p.path = ?");
    current.bind(1, page.path);
    int revision = 0;
    if (current.step()) {
      if (current.text(1) == hash) {
        ++report.unchanged;
        continue;
      }
      if (current.integer(2) != 0) {
        report.kept_editor_versions.push_back(page.path);
        continue;
      }
      revision = newest_revision(db, page.path) + 1;
      ++report.updated;
    } else {
      revision = 1;
      ++report.added;
    }
    db.prepare(
          "INSERT INTO page_revisions (path, revision, content, content_hash, author) "
          "VALUES (?, ?, ?, ?, ?)")
        .bind(1, page.path)
        .bind(2, revision)
        .bind(3, page.content)
        .bind(4, hash)
        .bind(5, author)
        .run();
    set_published(db, page.path, revision);
  }
  tx.commit();
  return report;
}

std::vector<PageRevision> SqlitePageStore::published_pages() {
  auto db = db_.connect();
  auto st =
      db.prepare(select_revisions("FROM pages p JOIN page_revisions r ON r.path = p.path AND "
                                  "r.revision = p.published_revision ORDER BY p.path"));
  std::vector<PageRevision> out;
  while (st.step()) out.push_back(read_revision(st));
  return out;
}

std::optional<PageRevision> SqlitePageStore::published_page(const std::string& path) {
  auto db = db_.connect();
  auto st =
      db.prepare(select_revisions("FROM pages p JOIN page_revisions r ON r.path = p.path AND "
                                  "r.revision = p.published_revision WHERE p.path = ?"));
  st.bind(1, path);
  if (!st.step())
    return std::nullopt;
  return read_revision(st);
}

std::vector<PageRevision> SqlitePageStore::revisions(const std::string& path) {
  auto db = db_.connect();
  auto st =
      db.prepare(select_revisions("FROM page_revisions r WHERE r.path = ? ORDER BY r.revision"));
  st.bind(1, path);
  std::vector<PageRevision> out;
  while (st.step()) out.push_back(read_revision(st));
  return out;
}

std::optional<PageRevision> SqlitePageStore::revision(const std::string& path, int revision) {
  auto db = db_.connect();
  return find_revision(db, path, revision);
}

std::vector<PageRevision> SqlitePageStore::latest_revisions() {
  auto db = db_.connect();
  auto st = db.prepare(select_revisions(
      "FROM page_revisions r WHERE r.revision = "
      "(SELECT MAX(revision) FROM page_revisions n WHERE n.path = r.path) ORDER BY r.path"));
  std::vector<PageRevision> out;
  while (st.step()) out.push_back(read_revision(st));
  return out;
}

PageRevision SqlitePageStore::add_draft(const NewDraft& draft) {
  auto db = db_.connect();
  Transaction tx(db);
  int revision = newest_revision(db, draft.path) + 1;
  db.prepare(
        "INSERT INTO page_revisions (path, revision, content, content_hash, author, author_id, "
        "state, note) VALUES (?, ?, ?, ?, ?, ?, 'draft', ?)")
      .bind(1, draft.path)
      .bind(2, revision)
      .bind(3, draft.content)
      .bind(4, content_hash(draft.content))
      .bind(5, draft.author)
      .bind(6, draft.author_id)
      .bind(7, draft.note)
      .run();
  tx.commit();
  return *find_revision(db, draft.path, revision);
}

bool SqlitePageStore::move_state(const std::string& path, int revision, RevisionState from,
                                 RevisionState to, const ReviewMark& mark) {
  auto db = db_.connect();
  Transaction tx(db);
  if (!is_newest_in(db, path, revision, from))
    return false;
  mark_revision(db, path, revision, to, mark);
  tx.commit();
  return true;
}

bool SqlitePageStore::publish(const std::string& path, int revision, const ReviewMark& mark) {
  auto db = db_.connect();
  Transaction tx(db);
  if (!is_newest_in(db, path, revision, RevisionState::in_review))
    return false;
  mark_revision(db, path, revision, RevisionState::published, mark);
  set_published(db, path, revision);
  tx.commit();
  return true;
}

bool SqlitePageStore::schedule(const std::string& path, int revision, std::string_view go_live_at,
                               const ReviewMark& mark) {
  auto db = db_.connect();
  Transaction tx(db);
  if (!is_newest_in(db, path, revision, RevisionState::in_review))
    return false;
  mark_revision(db, path, revision, RevisionState::scheduled, mark);
  db.prepare("UPDATE page_revisions SET go_live_at = ? WHERE path = ? AND revision = ?")
      .bind(1, go_live_at)
      .bind(2, path)
      .bind(3, revision)
      .run();
  tx.commit();
  return true;
}

bool SqlitePageStore::unschedule(const std::string& path, int revision) {
  auto db = db_.connect();
  Transaction tx(db);
  auto st = db.prepare(
      "SELECT 1 FROM page_revisions WHERE path = ? AND revision = ? AND state = 'scheduled'");
  st.bind(1, path).bind(2, revision);
  if (!st.step())
    return false;
  db.prepare(
        "UPDATE page_revisions SET state = 'in_review', go_live_at = '', reviewer = '', "
        "reviewed_at = '' WHERE path = ? AND revision = ?")
      .bind(1, path)
      .bind(2, revision)
      .run();
  tx.commit();
  return true;
}

std::vector<PageRevision> SqlitePageStore::publish_due(std::string_view now) {
  auto db = db_.connect();
  // One transaction: the state moves only once, whichever node gets here first.
  Transaction tx(db);
  auto due = db.prepare(
      select_revisions("FROM page_revisions r WHERE r.state = 'scheduled' AND r.go_live_at <= ? "
                       "ORDER BY r.go_live_at, r.path"));
  due.bind(1, now);
  std::vector<PageRevision> scheduled;
  while (due.step()) scheduled.push_back(read_revision(due));
  std::vector<PageRevision> published;
  for (auto& r : scheduled) {
    auto live = db.prepare("SELECT published_revision FROM pages WHERE path = ?");
    live.bind(1, r.path);
    int live_revision = live.step() ? static_cast<int>(live.integer(0)) : 0;
    if (live_revision > r.revision) {
      db.prepare(
            "UPDATE page_revisions SET state = 'returned', review_note = ?, reviewer = '', "
            "go_live_at = '' WHERE path = ? AND revision = ?")
          .bind(1, "Revision " + std::to_string(live_revision) +
                       " was published before this one's time came, so this one did not go "
                       "live. Compare them before sending it again.")
          .bind(2, r.path)
          .bind(3, r.revision)
          .run();
      continue;
    }
    db.prepare("UPDATE page_revisions SET state = 'published' WHERE path = ? AND revision = ?")
        .bind(1, r.path)
        .bind(2, r.revision)
        .run();
    set_published(db, r.path, r.revision);
    r.state = RevisionState::published;
    published.push_back(std::move(r));
  }
  tx.commit();
  return published;
}

std::int64_t SqliteChangeFeed::latest() {
  auto db = db_.connect();
  auto st = db.prepare("SELECT COALESCE(MAX(seq), 0) FROM changes");
  st.step();
  return st.integer(0);
}

}  // namespace cairn::store::sqlite
