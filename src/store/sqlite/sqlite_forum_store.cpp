#include "store/sqlite/sqlite_forum_store.hpp"

#include "store/stored_columns.hpp"

#include "store/sqlite/sqlite_page_store.hpp"

namespace cairn::store::sqlite {

namespace {

ForumPostRecord read_post(const Statement& st) {
  ForumPostRecord p;
  p.id = st.integer(0);
  p.thread_id = st.integer(1);
  p.author_id = st.integer(2);
  p.author_name = st.text(3);
  p.body = st.text(4);
  p.status = parse_post_status(st.text(5));
  p.held_reasons = parse_hold_reasons(st.text(6));
  p.held_priority = static_cast<int>(st.integer(7));
  p.created_at = st.text(8);
  p.edited_at = st.text(9);
  p.first_in_thread = st.integer(10) != 0;
  p.author_edited_at = st.text(11);
  p.deleted_at = st.text(12);
  return p;
}

ForumThreadRecord read_thread(const Statement& st) {
  ForumThreadRecord t;
  t.id = st.integer(0);
  t.category = st.text(1);
  t.title = st.text(2);
  t.author_id = st.integer(3);
  t.author_name = st.text(4);
  t.status = parse_post_status(st.text(5));
  t.created_at = st.text(6);
  t.public_posts = static_cast<int>(st.integer(7));
  t.last_public_post_id = st.integer(8);
  t.last_public_post_at = st.text(9);
  t.last_public_post_by = st.text(10);
  return t;
}

// What the viewer may see of a post aliased `alias`; binds moderator then account id.
std::string visible(std::string_view alias) {
  std::string a(alias);
  return "(" + a + ".status = 'public' OR ? = 1 OR (" + a + ".status = 'held' AND " + a +
         ".author_id = ?))";
}

void bind_viewer(Statement& st, int first, const ForumViewer& viewer) {
  st.bind(first, viewer.moderator ? 1 : 0).bind(first + 1, viewer.account_id);
}

std::int64_t insert_post(Connection& db, std::int64_t thread_id, const NewForumPost& post,
                         bool first) {
  db.prepare(
        "INSERT INTO forum_posts (thread_id, author_id, body, status, held_reasons, "
        "held_priority, first_in_thread, created_at, notified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")
      .bind(1, thread_id)
      .bind(2, post.author_id)
      .bind(3, post.body)
      .bind(4, to_string(post.status))
      .bind(5, to_string(post.held_reasons))
      .bind(6, post.held_priority)
      .bind(7, first ? 1 : 0)
      .bind(8, post.created_at)
      .run();
  std::int64_t id = db.last_insert_id();
  if (post.status == PostStatus::published)
    record_change(db, "forum", std::to_string(thread_id));
  return id;
}

// A post's status and thread, read before it changes.
struct PostState {
  PostStatus status;
  std::int64_t thread_id;
};

std::optional<PostState> post_state(Connection& db, std::int64_t post_id) {
  auto st = db.prepare("SELECT status, thread_id FROM forum_posts WHERE id = ?");
  st.bind(1, post_id);
  if (!st.step())
    return std::nullopt;
  return PostState{parse_post_status(st.text(0)), st.integer(1)};
}

// The member's threads stay, without a name on them.
void forget_thread_author(Connection& db, std::int64_t author_id) {
  db.prepare("UPDATE forum_threads SET author_id = NULL WHERE author_id = ?")
      .bind(1, author_id)
      .run();
  record_change(db, "forum", "author:" + std::to_string(author_id));
}

}  // namespace

std::pair<std::int64_t, std::int64_t> SqliteForumStore::create_thread(std::string_view category,
                                                                      std::string_view title,
                                                                      const NewForumPost& first) {
  auto db = db_.connect();
  Transaction tx(db);
  db.prepare(
        "INSERT INTO forum_threads (category, title, author_id, created_at) VALUES (?, ?, ?, ?)")
      .bind(1, category)
      .bind(2, title)
      .bind(3, first.author_id)
      .bind(4, first.created_at)
      .run();
  std::int64_t thread_id = db.last_insert_id();
  std::int64_t post_id = insert_post(db, thread_id, first, true);
  tx.commit();
  return {thread_id, post_id};
}

std::int64_t SqliteForumStore::add_post(std::int64_t thread_id, const NewForumPost& post) {
  auto db = db_.connect();
  Transaction tx(db);
  std::int64_t id = insert_post(db, thread_id, post, false);
  tx.commit();
  return id;
}

std::optional<ForumThreadRecord> SqliteForumStore::thread(std::int64_t id) {
  auto db = db_.connect();
  auto st = db.prepare("SELECT " + std::string(columns::kThreadColumns) + "WHERE t.id = ?");
  st.bind(1, id);
  if (!st.step())
    return std::nullopt;
  return read_thread(st);
}

std::optional<ForumPostRecord> SqliteForumStore::post(std::int64_t id) {
  auto db = db_.connect();
  auto st = db.prepare("SELECT " + std::string(columns::kPostColumns) + "WHERE p.id = ?");
  st.bind(1, id);
  if (!st.step())
    return std::nullopt;
  return read_post(st);
}

std::vector<ForumThreadRecord> SqliteForumStore::threads_in(std::string_view category,
                                                            const ForumViewer& viewer, int offset,
                                                            int limit) {
  auto db = db_.connect();
  auto st = db.prepare("SELECT " + std::string(columns::kThreadColumns) +
                       "WHERE t.category = ? AND " + visible("f") +
                       " ORDER BY COALESCE((SELECT MAX(q.id) FROM forum_posts q WHERE "
                       "q.thread_id = t.id AND q.status = 'public'), f.id) DESC, t.id DESC "
                       "LIMIT ? OFFSET ?");
  st.bind(1, category);
  bind_viewer(st, 2, viewer);
  st.bind(4, limit).bind(5, offset);
  std::vector<ForumThreadRecord> out;
  while (st.step()) out.push_back(read_thread(st));
  return out;
}

int SqliteForumStore::count_threads_in(std::string_view category, const ForumViewer& viewer) {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT COUNT(*) FROM forum_threads t JOIN forum_posts f ON f.thread_id = t.id AND "
      "f.first_in_thread = 1 WHERE t.category = ? AND " +
      visible("f"));
  st.bind(1, category);
  bind_viewer(st, 2, viewer);
  st.step();
  return static_cast<int>(st.integer(0));
}

std::vector<ForumPostRecord> SqliteForumStore::posts_in(std::int64_t thread_id,
                                                        const ForumViewer& viewer, int offset,
                                                        int limit) {
  auto db = db_.connect();
  auto st =
      db.prepare("SELECT " + std::string(columns::kPostColumns) + "WHERE p.thread_id = ? AND " +
                 visible("p") + " ORDER BY p.id LIMIT ? OFFSET ?");
  st.bind(1, thread_id);
  bind_viewer(st, 2, viewer);
  st.bind(4, limit).bind(5, offset);
  std::vector<ForumPostRecord> out;
  while (st.step()) out.push_back(read_post(st));
  return out;
}

int SqliteForumStore::count_posts_in(std::int64_t thread_id, const ForumViewer& viewer) {
  auto db = db_.connect();
  auto st =
      db.prepare("SELECT COUNT(*) FROM forum_posts p WHERE p.thread_id = ? AND " + visible("p"));
  st.bind(1, thread_id);
  bind_viewer(st, 2, viewer);
  st.step();
  return static_cast<int>(st.integer(0));
}

int SqliteForumStore::position_of(std::int64_t thread_id, std::int64_t post_id,
                                  const ForumViewer& viewer) {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT COUNT(*) FROM forum_posts p WHERE p.thread_id = ? AND p.id < ? AND " + visible("p"));
  st.bind(1, thread_id).bind(2, post_id);
  bind_viewer(st, 3, viewer);
  st.step();
  return static_cast<int>(st.integer(0));
}

int SqliteForumStore::count_public_posts_by(std::int64_t author_id) {
  auto db = db_.connect();
  auto st =
      db.prepare("SELECT COUNT(*) FROM forum_posts WHERE author_id = ? AND status = 'public'");
  st.bind(1, author_id);
  st.step();
  return static_cast<int>(st.integer(0));
}

std::vector<ForumPostRecord> SqliteForumStore::posts_by(std::int64_t author_id) {
  auto db = db_.connect();
  auto st = db.prepare("SELECT " + std::string(columns::kPostColumns) +
                       "WHERE p.author_id = ? ORDER BY p.id");
  st.bind(1, author_id);
  std::vector<ForumPostRecord> out;
  while (st.step()) out.push_back(read_post(st));
  return out;
}

void SqliteForumStore::set_post_status(std::int64_t post_id, PostStatus status) {
  auto db = db_.connect();
  Transaction tx(db);
  auto was = post_state(db, post_id);
  if (!was)
    return;
  db.prepare("UPDATE forum_posts SET status = ? WHERE id = ?")
      .bind(1, to_string(status))
      .bind(2, post_id)
      .run();
  if (was->status == PostStatus::published || status == PostStatus::published)
    record_change(db, "forum", std::to_string(was->thread_id));
  tx.commit();
}

void SqliteForumStore::edit_post(std::int64_t post_id, std::string_view body, std::string_view at) {
  auto db = db_.connect();
  Transaction tx(db);
  auto was = post_state(db, post_id);
  if (!was)
    return;
  db.prepare("UPDATE forum_posts SET body = ?, edited_at = ? WHERE id = ?")
      .bind(1, body)
      .bind(2, at)
      .bind(3, post_id)
      .run();
  if (was->status == PostStatus::published)
    record_change(db, "forum", std::to_string(was->thread_id));
  tx.commit();
}

void SqliteForumStore::author_edit_post(std::int64_t post_id, const AuthorEdit& edit) {
  auto db = db_.connect();
  Transaction tx(db);
  auto was = post_state(db, post_id);
  if (!was)
    return;
  db.prepare(
        "INSERT INTO forum_post_versions (post_id, body, replaced_at, why) "
        "SELECT id, body, ?, 'edited' FROM forum_posts WHERE id = ?")
      .bind(1, edit.at)
      .bind(2, post_id)
      .run();
  db.prepare(
        "UPDATE forum_posts SET body = ?, status = ?, held_reasons = ?, held_priority = ?, "
        "author_edited_at = ? WHERE id = ?")
      .bind(1, edit.body)
      .bind(2, to_string(edit.status))
      .bind(3, to_string(edit.held_reasons))
      .bind(4, edit.held_priority)
      .bind(5, edit.at)
      .bind(6, post_id)
      .run();
  if (was->status == PostStatus::published || edit.status == PostStatus::published)
    record_change(db, "forum", std::to_string(was->thread_id));
  tx.commit();
}

void SqliteForumStore::delete_post_by_author(std::int64_t post_id, std::string_view at) {
  auto db = db_.connect();
  Transaction tx(db);
  auto was = post_state(db, post_id);
  if (!was)
    return;
  db.prepare(
        "INSERT INTO forum_post_versions (post_id, body, replaced_at, why) "
        "SELECT id, body, ?, 'deleted' FROM forum_posts WHERE id = ? AND deleted_at = ''")
      .bind(1, at)
      .bind(2, post_id)
      .run();
  db.prepare("UPDATE forum_posts SET body = '', deleted_at = ? WHERE id = ? AND deleted_at = ''")
      .bind(1, at)
      .bind(2, post_id)
      .run();
  // A held post that is deleted no longer waits for anyone.
  db.prepare("UPDATE forum_reports SET resolved = 1 WHERE post_id = ?").bind(1, post_id).run();
  if (was->status == PostStatus::published)
    record_change(db, "forum", std::to_string(was->thread_id));
  tx.commit();
}

std::vector<ForumPostVersion> SqliteForumStore::post_versions(std::int64_t post_id) {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT body, replaced_at, why FROM forum_post_versions WHERE post_id = ? ORDER BY id");
  st.bind(1, post_id);
  std::vector<ForumPostVersion> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2)});
  return out;
}

bool SqliteForumStore::claim_notification(std::int64_t post_id) {
  auto db = db_.connect();
  auto st = db.prepare(
      "UPDATE forum_posts SET notified = 1 WHERE id = ? AND notified = 0 AND status = 'public' "
      "AND deleted_at = '' RETURNING id");
  st.bind(1, post_id);
  return st.step();
}

void SqliteForumStore::add_flag(std::int64_t post_id, std::string_view reason,
                                std::string_view at) {
  auto db = db_.connect();
  db.prepare(
        "INSERT INTO forum_reports (post_id, reporter_id, reason, created_at) VALUES (?, NULL, ?, "
        "?)")
      .bind(1, post_id)
      .bind(2, reason)
      .bind(3, at)
      .run();
}

std::vector<ForumPostRecord> SqliteForumStore::held_posts() {
  auto db = db_.connect();
  auto st =
      db.prepare("SELECT " + std::string(columns::kPostColumns) +
                 "WHERE p.status = 'held' AND p.deleted_at = '' ORDER BY p.held_priority, p.id");
  std::vector<ForumPostRecord> out;
  while (st.step()) out.push_back(read_post(st));
  return out;
}

void SqliteForumStore::add_report(std::int64_t post_id, std::int64_t reporter_id,
                                  std::string_view reason, std::string_view at) {
  auto db = db_.connect();
  db.prepare(
        "INSERT INTO forum_reports (post_id, reporter_id, reason, created_at) VALUES (?, ?, ?, ?)")
      .bind(1, post_id)
      .bind(2, reporter_id)
      .bind(3, reason)
      .bind(4, at)
      .run();
}

std::vector<ForumReportRecord> SqliteForumStore::open_reports() {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT r.id, r.post_id, COALESCE(r.reporter_id, 0), COALESCE(a.display_name, ''), r.reason, "
      "r.created_at FROM forum_reports r LEFT JOIN accounts a ON a.id = r.reporter_id "
      "WHERE r.resolved = 0 ORDER BY r.id");
  std::vector<ForumReportRecord> out;
  while (st.step()) {
    out.push_back(
        {st.integer(0), st.integer(1), st.integer(2), st.text(3), st.text(4), st.text(5)});
  }
  return out;
}

void SqliteForumStore::resolve_reports(std::int64_t post_id) {
  auto db = db_.connect();
  db.prepare("UPDATE forum_reports SET resolved = 1 WHERE post_id = ?").bind(1, post_id).run();
}

std::map<std::int64_t, std::int64_t> SqliteForumStore::last_read(
    std::int64_t account_id, const std::vector<std::int64_t>& threads) {
  auto db = db_.connect();
  std::map<std::int64_t, std::int64_t> out;
  auto st =
      db.prepare("SELECT last_post_id FROM forum_reads WHERE account_id = ? AND thread_id = ?");
  for (auto thread_id : threads) {
    st.reset();
    st.bind(1, account_id).bind(2, thread_id);
    if (st.step())
      out[thread_id] = st.integer(0);
  }
  return out;
}

void SqliteForumStore::mark_read(std::int64_t account_id, std::int64_t thread_id,
                                 std::int64_t post_id) {
  auto db = db_.connect();
  db.prepare(
        "INSERT INTO forum_reads (account_id, thread_id, last_post_id) VALUES (?, ?, ?) "
        "ON CONFLICT (account_id, thread_id) DO UPDATE SET "
        "last_post_id = MAX(last_post_id, excluded.last_post_id)")
      .bind(1, account_id)
      .bind(2, thread_id)
      .bind(3, post_id)
      .run();
}

void SqliteForumStore::add_audit(const ForumAuditRecord& e) {
  auto db = db_.connect();
  db.prepare(
        "INSERT INTO forum_audit (at, moderator_id, moderator_name, action, post_id, member_id, "
        "reason, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, e.at)
      .bind(2, e.moderator_id)
      .bind(3, e.moderator_name)
      .bind(4, e.action)
      .bind(5, e.post_id)
      .bind(6, e.member_id)
      .bind(7, e.reason)
      .bind(8, e.before)
      .bind(9, e.after)
      .run();
}

std::vector<ForumAuditRecord> SqliteForumStore::audit_log(int offset, int limit) {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT id, at, moderator_id, moderator_name, action, post_id, member_id, reason, before, "
      "after FROM forum_audit ORDER BY id DESC LIMIT ? OFFSET ?");
  st.bind(1, limit).bind(2, offset);
  std::vector<ForumAuditRecord> out;
  while (st.step()) {
    out.push_back({st.integer(0), st.text(1), st.integer(2), st.text(3), st.text(4), st.integer(5),
                   st.integer(6), st.text(7), st.text(8), st.text(9)});
  }
  return out;
}

void SqliteForumStore::detach_author(std::int64_t author_id) {
  auto db = db_.connect();
  Transaction tx(db);
  db.prepare("UPDATE forum_posts SET author_id = NULL WHERE author_id = ?")
      .bind(1, author_id)
      .run();
  forget_thread_author(db, author_id);
  tx.commit();
}

void SqliteForumStore::remove_posts_by(std::int64_t author_id, std::string_view removed_text) {
  auto db = db_.connect();
  Transaction tx(db);
  // Earlier texts kept from the member's own edits go with the posts.
  db.prepare(
        "DELETE FROM forum_post_versions WHERE post_id IN "
        "(SELECT id FROM forum_posts WHERE author_id = ?)")
      .bind(1, author_id)
      .run();
  db.prepare("DELETE FROM forum_posts WHERE author_id = ? AND first_in_thread = 0")
      .bind(1, author_id)
      .run();
  db.prepare("UPDATE forum_posts SET body = ?, author_id = NULL WHERE author_id = ?")
      .bind(1, removed_text)
      .bind(2, author_id)
      .run();
  forget_thread_author(db, author_id);
  tx.commit();
}

void SqliteForumStore::for_each_public_thread(
    const std::function<void(const ForumThreadRecord&, const std::vector<ForumPostRecord>&)>&
        visit) {
  std::vector<ForumThreadRecord> threads;
  {
    auto db = db_.connect();
    auto st = db.prepare("SELECT " + std::string(columns::kThreadColumns) +
                         "WHERE f.status = 'public' ORDER BY t.id");
    while (st.step()) threads.push_back(read_thread(st));
  }
  ForumViewer everyone;
  for (const auto& t : threads) visit(t, posts_in(t.id, everyone, 0, 1 << 30));
}

}  // namespace cairn::store::sqlite
