#include "store/sqlite/sqlite_forum_member_store.hpp"

#include "store/stored_columns.hpp"

#include <algorithm>

namespace cairn::store::sqlite {

namespace {

std::vector<std::int64_t> ids(Statement& st) {
  std::vector<std::int64_t> out;
  while (st.step()) out.push_back(st.integer(0));
  return out;
}

ForumMessageRecord read_message(const Statement& st) {
  return {st.integer(0), st.integer(1), st.integer(2), st.text(3),
          st.integer(4), st.text(5),    st.text(6),    st.text(7)};
}

}  // namespace

void SqliteForumMemberStore::watch_unless_chosen(std::int64_t account_id, std::int64_t thread_id) {
  auto db = db_.connect();
  db.prepare(
        "INSERT INTO forum_watches (account_id, thread_id, watching) VALUES (?, ?, 1) "
        "ON CONFLICT (account_id, thread_id) DO NOTHING")
      .bind(1, account_id)
      .bind(2, thread_id)
      .run();
}

void SqliteForumMemberStore::set_watching(std::int64_t account_id, std::int64_t thread_id,
                                          bool watching) {
  auto db = db_.connect();
  db.prepare(
        "INSERT INTO forum_watches (account_id, thread_id, watching) VALUES (?, ?, ?) "
        "ON CONFLICT (account_id, thread_id) DO UPDATE SET watching = excluded.watching")
      .bind(1, account_id)
      .bind(2, thread_id)
      .bind(3, watching ? 1 : 0)
      .run();
}

bool SqliteForumMemberStore::watching(std::int64_t account_id, std::int64_t thread_id) {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT 1 FROM forum_watches WHERE account_id = ? AND thread_id = ? AND watching = 1");
  st.bind(1, account_id).bind(2, thread_id);
  return st.step();
}

std::vector<std::int64_t> SqliteForumMemberStore::watchers(std::int64_t thread_id) {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT account_id FROM forum_watches WHERE thread_id = ? AND watching = 1 "
      "ORDER BY account_id");
  st.bind(1, thread_id);
  return ids(st);
}

std::vector<std::int64_t> SqliteForumMemberStore::watched_threads(std::int64_t account_id,
                                                                  int limit) {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT w.thread_id FROM forum_watches w WHERE w.account_id = ? AND w.watching = 1 "
      "ORDER BY (SELECT MAX(p.id) FROM forum_posts p WHERE p.thread_id = w.thread_id) DESC "
      "LIMIT ?");
  st.bind(1, account_id).bind(2, limit);
  return ids(st);
}

MailChoice SqliteForumMemberStore::mail_choice(std::int64_t account_id) {
  auto db = db_.connect();
  auto st = db.prepare("SELECT mode FROM forum_mail_choices WHERE account_id = ?");
  st.bind(1, account_id);
  return st.step() ? parse_mail_choice(st.text(0)) : MailChoice::each;
}

void SqliteForumMemberStore::set_mail_choice(std::int64_t account_id, MailChoice choice,
                                             std::int64_t now) {
  auto db = db_.connect();
  Transaction tx(db);
  db.prepare(
        "INSERT INTO forum_mail_choices (account_id, mode, last_digest_at) VALUES (?, ?, ?) "
        "ON CONFLICT (account_id) DO UPDATE SET mode = excluded.mode, last_digest_at = "
        "CASE WHEN forum_mail_choices.mode = 'digest' AND excluded.mode = 'digest' "
        "THEN forum_mail_choices.last_digest_at ELSE excluded.last_digest_at END")
      .bind(1, account_id)
      .bind(2, to_string(choice))
      .bind(3, now)
      .run();
  // Replies waiting for a digest the member no longer wants are dropped.
  if (choice != MailChoice::digest)
    db.prepare("DELETE FROM forum_digest_items WHERE account_id = ?").bind(1, account_id).run();
  tx.commit();
}

void SqliteForumMemberStore::add_digest_item(std::int64_t account_id, std::int64_t post_id) {
  auto db = db_.connect();
  db.prepare("INSERT OR IGNORE INTO forum_digest_items (account_id, post_id) VALUES (?, ?)")
      .bind(1, account_id)
      .bind(2, post_id)
      .run();
}

std::vector<std::int64_t> SqliteForumMemberStore::digests_due(std::int64_t before) {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT c.account_id FROM forum_mail_choices c WHERE c.mode = 'digest' AND "
      "c.last_digest_at <= ? AND EXISTS (SELECT 1 FROM forum_digest_items i WHERE "
      "i.account_id = c.account_id) ORDER BY c.account_id");
  st.bind(1, before);
  return ids(st);
}

std::vector<std::int64_t> SqliteForumMemberStore::take_digest(std::int64_t account_id,
                                                              std::int64_t now) {
  auto db = db_.connect();
  Transaction tx(db);
  auto st = db.prepare("DELETE FROM forum_digest_items WHERE account_id = ? RETURNING post_id");
  st.bind(1, account_id);
  auto out = ids(st);
  db.prepare("UPDATE forum_mail_choices SET last_digest_at = ? WHERE account_id = ?")
      .bind(1, now)
      .bind(2, account_id)
      .run();
  tx.commit();
  std::sort(out.begin(), out.end());
  return out;
}

std::int64_t SqliteForumMemberStore::add_message(const ForumMessageRecord& m) {
  auto db = db_.connect();
  db.prepare(
        "INSERT INTO forum_messages (member_id, moderator_id, moderator_name, post_id, body, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, m.member_id)
      .bind(2, m.moderator_id)
      .bind(3, m.moderator_name)
      .bind(4, m.post_id)
      .bind(5, m.body)
      .bind(6, m.created_at)
      .run();
  return db.last_insert_id();
}

std::vector<ForumMessageRecord> SqliteForumMemberStore::messages_for(std::int64_t member_id) {
  auto db = db_.connect();
  auto st =
      db.prepare(std::string(columns::kMessageColumns) + "WHERE member_id = ? ORDER BY id DESC");
  st.bind(1, member_id);
  std::vector<ForumMessageRecord> out;
  while (st.step()) out.push_back(read_message(st));
  return out;
}

std::optional<ForumMessageRecord> SqliteForumMemberStore::message(std::int64_t id) {
  auto db = db_.connect();
  auto st = db.prepare(std::string(columns::kMessageColumns) + "WHERE id = ?");
  st.bind(1, id);
  if (!st.step())
    return std::nullopt;
  return read_message(st);
}

void SqliteForumMemberStore::mark_message_read(std::int64_t id, std::string_view at) {
  auto db = db_.connect();
  db.prepare("UPDATE forum_messages SET read_at = ? WHERE id = ? AND read_at = ''")
      .bind(1, at)
      .bind(2, id)
      .run();
}

int SqliteForumMemberStore::unread_messages(std::int64_t member_id) {
  auto db = db_.connect();
  auto st = db.prepare("SELECT COUNT(*) FROM forum_messages WHERE member_id = ? AND read_at = ''");
  st.bind(1, member_id);
  st.step();
  return static_cast<int>(st.integer(0));
}

}  // namespace cairn::store::sqlite
