#include "store/postgres/pg_forum_store.hpp"

#include "store/stored_columns.hpp"

#include "store/postgres/pg_trial_store.hpp"

namespace cairn::store::postgres {

namespace {

ForumPostRecord read_post(const PgResult& r, int row) {
  ForumPostRecord p;
  p.id = r.integer(row, 0);
  p.thread_id = r.integer(row, 1);
  p.author_id = r.integer(row, 2);
  p.author_name = r.text(row, 3);
  p.body = r.text(row, 4);
  p.status = parse_post_status(r.text(row, 5));
  p.held_reasons = parse_hold_reasons(r.text(row, 6));
  p.held_priority = static_cast<int>(r.integer(row, 7));
  p.created_at = r.text(row, 8);
  p.edited_at = r.text(row, 9);
  p.first_in_thread = r.integer(row, 10) != 0;
  p.author_edited_at = r.text(row, 11);
  p.deleted_at = r.text(row, 12);
  return p;
}

std::vector<ForumPostRecord> read_posts(const PgResult& r) {
  std::vector<ForumPostRecord> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_post(r, i));
  return out;
}

ForumThreadRecord read_thread(const PgResult& r, int row) {
  ForumThreadRecord t;
  t.id = r.integer(row, 0);
  t.category = r.text(row, 1);
  t.title = r.text(row, 2);
  t.author_id = r.integer(row, 3);
  t.author_name = r.text(row, 4);
  t.status = parse_post_status(r.text(row, 5));
  t.created_at = r.text(row, 6);
  t.public_posts = static_cast<int>(r.integer(row, 7));
  t.last_public_post_id = r.integer(row, 8);
  t.last_public_post_at = r.text(row, 9);
  t.last_public_post_by = r.text(row, 10);
  return t;
}

std::string num(std::int64_t v) {
  return std::to_string(v);
}
std::string text(std::string_view v) {
  return std::string(v);
}

// What the viewer may see of a post aliased `alias`: parameters $first (1 for
// a moderator) and $first+1 (the viewer's account id).
std::string visible(std::string_view alias, int first) {
  std::string a(alias);
  std::string mod = "$" + std::to_string(first);
  std::string me = "$" + std::to_string(first + 1) + "::bigint";
  return "(" + a + ".status = 'public' OR " + mod + " = '1' OR (" + a + ".status = 'held' AND " +
         a + ".author_id = " + me + "))";
}

std::vector<std::string> with_viewer(std::vector<std::string> params, const ForumViewer& viewer) {
  params.push_back(viewer.moderator ? "1" : "0");
  params.push_back(num(viewer.account_id));
  return params;
}

std::int64_t insert_post(Connection& db, std::int64_t thread_id, const NewForumPost& post,
                         bool first) {
  auto r = db.exec(
      "INSERT INTO forum_posts (thread_id, author_id, body, status, held_reasons, held_priority, "
      "first_in_thread, created_at, notified) "
      "VALUES ($1, NULLIF($2::bigint, 0), $3, $4, $5, $6, $7, $8, 0) RETURNING id",
      {num(thread_id), num(post.author_id), post.body, text(to_string(post.status)),
       text(to_string(post.held_reasons)), num(post.held_priority), first ? "1" : "0",
       post.created_at});
  if (post.status == PostStatus::published)
    record_change(db, "forum", num(thread_id));
  return r.integer(0, 0);
}

struct PostState {
  PostStatus status;
  std::int64_t thread_id;
};

// FOR UPDATE: the status read is the one the change is made from, on any node.
std::optional<PostState> post_state(Connection& db, std::int64_t post_id) {
  auto r =
      db.exec("SELECT status, thread_id FROM forum_posts WHERE id = $1 FOR UPDATE", {num(post_id)});
  if (r.rows() == 0)
    return std::nullopt;
  return PostState{parse_post_status(r.text(0, 0)), r.integer(0, 1)};
}

void forget_thread_author(Connection& db, std::int64_t author_id) {
  db.exec("UPDATE forum_threads SET author_id = NULL WHERE author_id = $1", {num(author_id)});
  record_change(db, "forum", "author:" + num(author_id));
}

}  // namespace

std::pair<std::int64_t, std::int64_t> PgForumStore::create_thread(std::string_view category,
                                                                  std::string_view title,
                                                                  const NewForumPost& first) {
  auto db = db_.connect();
  Transaction tx(db);
  auto r = db.exec(
      "INSERT INTO forum_threads (category, title, author_id, created_at) "
      "VALUES ($1, $2, NULLIF($3::bigint, 0), $4) RETURNING id",
      {text(category), text(title), num(first.author_id), first.created_at});
  std::int64_t thread_id = r.integer(0, 0);
  std::int64_t post_id = insert_post(db, thread_id, first, true);
  tx.commit();
  return {thread_id, post_id};
}

std::int64_t PgForumStore::add_post(std::int64_t thread_id, const NewForumPost& post) {
  auto db = db_.connect();
  Transaction tx(db);
  std::int64_t id = insert_post(db, thread_id, post, false);
  tx.commit();
  return id;
}

std::optional<ForumThreadRecord> PgForumStore::thread(std::int64_t id) {
  auto db = db_.connect();
  auto r = db.exec("SELECT " + std::string(columns::kThreadColumns) + "WHERE t.id = $1", {num(id)});
  if (r.rows() == 0)
    return std::nullopt;
  return read_thread(r, 0);
}

std::optional<ForumPostRecord> PgForumStore::post(std::int64_t id) {
  auto db = db_.connect();
  auto r = db.exec("SELECT " + std::string(columns::kPostColumns) + "WHERE p.id = $1", {num(id)});
  if (r.rows() == 0)
    return std::nullopt;
  return read_post(r, 0);
}

std::vector<ForumThreadRecord> PgForumStore::threads_in(std::string_view category,
                                                        const ForumViewer& viewer, int offset,
                                                        int limit) {
  auto db = db_.connect();
  auto r = db.exec("SELECT " + std::string(columns::kThreadColumns) + "WHERE t.category = $1 AND " +
                       visible("f", 2) +
                       " ORDER BY COALESCE((SELECT MAX(q.id) FROM forum_posts q WHERE "
                       "q.thread_id = t.id AND q.status = 'public'), f.id) DESC, t.id DESC "
                       "LIMIT $4 OFFSET $5",
                   {text(category), viewer.moderator ? "1" : "0", num(viewer.account_id),
                    num(limit), num(offset)});
  std::vector<ForumThreadRecord> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_thread(r, i));
  return out;
}

int PgForumStore::count_threads_in(std::string_view category, const ForumViewer& viewer) {
  auto db = db_.connect();
  auto r = db.exec(
      "SELECT COUNT(*) FROM forum_threads t JOIN forum_posts f ON f.thread_id = t.id AND "
      "f.first_in_thread = 1 WHERE t.category = $1 AND " +
          visible("f", 2),
      with_viewer({text(category)}, viewer));
  return static_cast<int>(r.integer(0, 0));
}

std::vector<ForumPostRecord> PgForumStore::posts_in(std::int64_t thread_id,
                                                    const ForumViewer& viewer, int offset,
                                                    int limit) {
  auto db = db_.connect();
  auto params = with_viewer({num(thread_id)}, viewer);
  params.push_back(num(limit));
  params.push_back(num(offset));
  return read_posts(db.exec("SELECT " + std::string(columns::kPostColumns) +
                                "WHERE p.thread_id = $1 AND " + visible("p", 2) +
                                " ORDER BY p.id LIMIT $4 OFFSET $5",
                            params));
}

int PgForumStore::count_posts_in(std::int64_t thread_id, const ForumViewer& viewer) {
  auto db = db_.connect();
  auto r =
      db.exec("SELECT COUNT(*) FROM forum_posts p WHERE p.thread_id = $1 AND " + visible("p", 2),
              with_viewer({num(thread_id)}, viewer));
  return static_cast<int>(r.integer(0, 0));
}

int PgForumStore::position_of(std::int64_t thread_id, std::int64_t post_id,
                              const ForumViewer& viewer) {
  auto db = db_.connect();
  auto r = db.exec("SELECT COUNT(*) FROM forum_posts p WHERE p.thread_id = $1 AND p.id < $2 AND " +
                       visible("p", 3),
                   with_viewer({num(thread_id), num(post_id)}, viewer));
  return static_cast<int>(r.integer(0, 0));
}

int PgForumStore::count_public_posts_by(std::int64_t author_id) {
  auto db = db_.connect();
  auto r = db.exec("SELECT COUNT(*) FROM forum_posts WHERE author_id = $1 AND status = 'public'",
                   {num(author_id)});
  return static_cast<int>(r.integer(0, 0));
}

std::vector<ForumPostRecord> PgForumStore::posts_by(std::int64_t author_id) {
  auto db = db_.connect();
  return read_posts(db.exec(
      "SELECT " + std::string(columns::kPostColumns) + "WHERE p.author_id = $1 ORDER BY p.id",
      {num(author_id)}));
}

void PgForumStore::set_post_status(std::int64_t post_id, PostStatus status) {
  auto db = db_.connect();
  Transaction tx(db);
  auto was = post_state(db, post_id);
  if (!was)
    return;
  db.exec("UPDATE forum_posts SET status = $1 WHERE id = $2",
          {text(to_string(status)), num(post_id)});
  if (was->status == PostStatus::published || status == PostStatus::published)
    record_change(db, "forum", num(was->thread_id));
  tx.commit();
}

void PgForumStore::edit_post(std::int64_t post_id, std::string_view body, std::string_view at) {
  auto db = db_.connect();
  Transaction tx(db);
  auto was = post_state(db, post_id);
  if (!was)
    return;
  db.exec("UPDATE forum_posts SET body = $1, edited_at = $2 WHERE id = $3",
          {text(body), text(at), num(post_id)});
  if (was->status == PostStatus::published)
    record_change(db, "forum", num(was->thread_id));
  tx.commit();
}

void PgForumStore::author_edit_post(std::int64_t post_id, const AuthorEdit& edit) {
  auto db = db_.connect();
  Transaction tx(db);
  auto was = post_state(db, post_id);
  if (!was)
    return;
  db.exec(
      "INSERT INTO forum_post_versions (post_id, body, replaced_at, why) "
      "SELECT id, body, $1, 'edited' FROM forum_posts WHERE id = $2",
      {edit.at, num(post_id)});
  db.exec(
      "UPDATE forum_posts SET body = $1, status = $2, held_reasons = $3, held_priority = $4, "
      "author_edited_at = $5 WHERE id = $6",
      {edit.body, text(to_string(edit.status)), text(to_string(edit.held_reasons)),
       num(edit.held_priority), edit.at, num(post_id)});
  if (was->status == PostStatus::published || edit.status == PostStatus::published)
    record_change(db, "forum", num(was->thread_id));
  tx.commit();
}

void PgForumStore::delete_post_by_author(std::int64_t post_id, std::string_view at) {
  auto db = db_.connect();
  Transaction tx(db);
  auto was = post_state(db, post_id);
  if (!was)
    return;
  db.exec(
      "INSERT INTO forum_post_versions (post_id, body, replaced_at, why) "
      "SELECT id, body, $1, 'deleted' FROM forum_posts WHERE id = $2 AND deleted_at = ''",
      {text(at), num(post_id)});
  db.exec("UPDATE forum_posts SET body = '', deleted_at = $1 WHERE id = $2 AND deleted_at = ''",
          {text(at), num(post_id)});
  // A held post that is deleted no longer waits for anyone.
  db.exec("UPDATE forum_reports SET resolved = 1 WHERE post_id = $1", {num(post_id)});
  if (was->status == PostStatus::published)
    record_change(db, "forum", num(was->thread_id));
  tx.commit();
}

std::vector<ForumPostVersion> PgForumStore::post_versions(std::int64_t post_id) {
  auto db = db_.connect();
  auto r = db.exec(
      "SELECT body, replaced_at, why FROM forum_post_versions WHERE post_id = $1 ORDER BY id",
      {num(post_id)});
  std::vector<ForumPostVersion> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2)});
  return out;
}

bool PgForumStore::claim_notification(std::int64_t post_id) {
  auto db = db_.connect();
  return db.exec(
               "UPDATE forum_posts SET notified = 1 WHERE id = $1 AND notified = 0 AND "
               "status = 'public' AND deleted_at = '' RETURNING id",
               {num(post_id)})
             .rows() > 0;
}

void PgForumStore::add_flag(std::int64_t post_id, std::string_view reason, std::string_view at) {
  auto db = db_.connect();
  db.exec(
      "INSERT INTO forum_reports (post_id, reporter_id, reason, created_at) "
      "VALUES ($1, NULL, $2, $3)",
      {num(post_id), text(reason), text(at)});
}

std::vector<ForumPostRecord> PgForumStore::held_posts() {
  auto db = db_.connect();
  return read_posts(
      db.exec("SELECT " + std::string(columns::kPostColumns) +
              "WHERE p.status = 'held' AND p.deleted_at = '' ORDER BY p.held_priority, p.id"));
}

void PgForumStore::add_report(std::int64_t post_id, std::int64_t reporter_id,
                              std::string_view reason, std::string_view at) {
  auto db = db_.connect();
  db.exec(
      "INSERT INTO forum_reports (post_id, reporter_id, reason, created_at) "
      "VALUES ($1, NULLIF($2::bigint, 0), $3, $4)",
      {num(post_id), num(reporter_id), text(reason), text(at)});
}

std::vector<ForumReportRecord> PgForumStore::open_reports() {
  auto db = db_.connect();
  auto r = db.exec(
      "SELECT r.id, r.post_id, COALESCE(r.reporter_id, 0), COALESCE(a.display_name, ''), "
      "r.reason, r.created_at FROM forum_reports r LEFT JOIN accounts a ON a.id = r.reporter_id "
      "WHERE r.resolved = 0 ORDER BY r.id");
  std::vector<ForumReportRecord> out;
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back({r.integer(i, 0), r.integer(i, 1), r.integer(i, 2), r.text(i, 3), r.text(i, 4),
                   r.text(i, 5)});
  }
  return out;
}

void PgForumStore::resolve_reports(std::int64_t post_id) {
  auto db = db_.connect();
  db.exec("UPDATE forum_reports SET resolved = 1 WHERE post_id = $1", {num(post_id)});
}

std::map<std::int64_t, std::int64_t> PgForumStore::last_read(
    std::int64_t account_id, const std::vector<std::int64_t>& threads) {
  auto db = db_.connect();
  std::map<std::int64_t, std::int64_t> out;
  if (threads.empty())
    return out;
  // One query for the whole list: an array literal of the thread ids.
  std::string ids = "{";
  for (std::size_t i = 0; i < threads.size(); ++i) ids += (i ? "," : "") + num(threads[i]);
  ids += "}";
  auto r = db.exec(
      "SELECT thread_id, last_post_id FROM forum_reads WHERE account_id = $1 "
      "AND thread_id = ANY($2::bigint[])",
      {num(account_id), ids});
  for (int i = 0; i < r.rows(); ++i) out[r.integer(i, 0)] = r.integer(i, 1);
  return out;
}

void PgForumStore::mark_read(std::int64_t account_id, std::int64_t thread_id,
                             std::int64_t post_id) {
  auto db = db_.connect();
  db.exec(
      "INSERT INTO forum_reads (account_id, thread_id, last_post_id) VALUES ($1, $2, $3) "
      "ON CONFLICT (account_id, thread_id) DO UPDATE SET "
      "last_post_id = GREATEST(forum_reads.last_post_id, excluded.last_post_id)",
      {num(account_id), num(thread_id), num(post_id)});
}

void PgForumStore::add_audit(const ForumAuditRecord& e) {
  auto db = db_.connect();
  db.exec(
      "INSERT INTO forum_audit (at, moderator_id, moderator_name, action, post_id, member_id, "
      "reason, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {e.at, num(e.moderator_id), e.moderator_name, e.action, num(e.post_id), num(e.member_id),
       e.reason, e.before, e.after});
}

std::vector<ForumAuditRecord> PgForumStore::audit_log(int offset, int limit) {
  auto db = db_.connect();
  auto r = db.exec(
      "SELECT id, at, moderator_id, moderator_name, action, post_id, member_id, reason, before, "
      "after FROM forum_audit ORDER BY id DESC LIMIT $1 OFFSET $2",
      {num(limit), num(offset)});
  std::vector<ForumAuditRecord> out;
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back({r.integer(i, 0), r.text(i, 1), r.integer(i, 2), r.text(i, 3), r.text(i, 4),
                   r.integer(i, 5), r.integer(i, 6), r.text(i, 7), r.text(i, 8), r.text(i, 9)});
  }
  return out;
}

void PgForumStore::detach_author(std::int64_t author_id) {
  auto db = db_.connect();
  Transaction tx(db);
  db.exec("UPDATE forum_posts SET author_id = NULL WHERE author_id = $1", {num(author_id)});
  forget_thread_author(db, author_id);
  tx.commit();
}

void PgForumStore::remove_posts_by(std::int64_t author_id, std::string_view removed_text) {
  auto db = db_.connect();
  Transaction tx(db);
  // Earlier texts kept from the member's own edits go with the posts.
  db.exec(
      "DELETE FROM forum_post_versions WHERE post_id IN "
      "(SELECT id FROM forum_posts WHERE author_id = $1)",
      {num(author_id)});
  db.exec("DELETE FROM forum_posts WHERE author_id = $1 AND first_in_thread = 0", {num(author_id)});
  db.exec("UPDATE forum_posts SET body = $1, author_id = NULL WHERE author_id = $2",
          {text(removed_text), num(author_id)});
  forget_thread_author(db, author_id);
  tx.commit();
}

void PgForumStore::for_each_public_thread(
    const std::function<void(const ForumThreadRecord&, const std::vector<ForumPostRecord>&)>&
        visit) {
  std::vector<ForumThreadRecord> threads;
  {
    auto db = db_.connect();
    auto r = db.exec("SELECT " + std::string(columns::kThreadColumns) +
                     "WHERE f.status = 'public' ORDER BY t.id");
    for (int i = 0; i < r.rows(); ++i) threads.push_back(read_thread(r, i));
  }
  ForumViewer everyone;
  for (const auto& t : threads) visit(t, posts_in(t.id, everyone, 0, 1 << 30));
}

}  // namespace cairn::store::postgres
