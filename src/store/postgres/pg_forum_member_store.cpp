#include "store/postgres/pg_forum_member_store.hpp"

#include "store/stored_columns.hpp"

#include <algorithm>

namespace cairn::store::postgres {

namespace {

std::vector<std::int64_t> ids(const PgResult& r) {
  std::vector<std::int64_t> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.integer(i, 0));
  return out;
}

std::string num(std::int64_t v) {
  return std::to_string(v);
}

ForumMessageRecord read_message(const PgResult& r, int row) {
  return {r.integer(row, 0), r.integer(row, 1), r.integer(row, 2), r.text(row, 3),
          r.integer(row, 4), r.text(row, 5),    r.text(row, 6),    r.text(row, 7)};
}

}  // namespace

void PgForumMemberStore::watch_unless_chosen(std::int64_t account_id, std::int64_t thread_id) {
  auto db = db_.connect();
  db.exec(
      "INSERT INTO forum_watches (account_id, thread_id, watching) VALUES ($1, $2, 1) "
      "ON CONFLICT (account_id, thread_id) DO NOTHING",
      {num(account_id), num(thread_id)});
}

void PgForumMemberStore::set_watching(std::int64_t account_id, std::int64_t thread_id,
                                      bool watching) {
  auto db = db_.connect();
  db.exec(
      "INSERT INTO forum_watches (account_id, thread_id, watching) VALUES ($1, $2, $3) "
      "ON CONFLICT (account_id, thread_id) DO UPDATE SET watching = excluded.watching",
      {num(account_id), num(thread_id), watching ? "1" : "0"});
}

bool PgForumMemberStore::watching(std::int64_t account_id, std::int64_t thread_id) {
  auto db = db_.connect();
  return db.exec(
               "SELECT 1 FROM forum_watches WHERE account_id = $1 AND thread_id = $2 AND "
               "watching = 1",
               {num(account_id), num(thread_id)})
             .rows() > 0;
}

std::vector<std::int64_t> PgForumMemberStore::watchers(std::int64_t thread_id) {
  auto db = db_.connect();
  return ids(
      db.exec("SELECT account_id FROM forum_watches WHERE thread_id = $1 AND watching = 1 "
              "ORDER BY account_id",
              {num(thread_id)}));
}

std::vector<std::int64_t> PgForumMemberStore::watched_threads(std::int64_t account_id, int limit) {
  auto db = db_.connect();
  // NULLS LAST: as SQLite orders a thread without posts.
  return ids(
      db.exec("SELECT w.thread_id FROM forum_watches w WHERE w.account_id = $1 AND w.watching = 1 "
              "ORDER BY (SELECT MAX(p.id) FROM forum_posts p WHERE p.thread_id = w.thread_id) DESC "
              "NULLS LAST LIMIT $2",
              {num(account_id), num(limit)}));
}

MailChoice PgForumMemberStore::mail_choice(std::int64_t account_id) {
  auto db = db_.connect();
  auto r = db.exec("SELECT mode FROM forum_mail_choices WHERE account_id = $1", {num(account_id)});
  return r.rows() > 0 ? parse_mail_choice(r.text(0, 0)) : MailChoice::each;
}

void PgForumMemberStore::set_mail_choice(std::int64_t account_id, MailChoice choice,
                                         std::int64_t now) {
  auto db = db_.connect();
  Transaction tx(db);
  db.exec(
      "INSERT INTO forum_mail_choices (account_id, mode, last_digest_at) VALUES ($1, $2, $3) "
      "ON CONFLICT (account_id) DO UPDATE SET mode = excluded.mode, last_digest_at = "
      "CASE WHEN forum_mail_choices.mode = 'digest' AND excluded.mode = 'digest' "
      "THEN forum_mail_choices.last_digest_at ELSE excluded.last_digest_at END",
      {num(account_id), std::string(to_string(choice)), num(now)});
  // Replies waiting for a digest the member no longer wants are dropped.
  if (choice != MailChoice::digest)
    db.exec("DELETE FROM forum_digest_items WHERE account_id = $1", {num(account_id)});
  tx.commit();
}

void PgForumMemberStore::add_digest_item(std::int64_t account_id, std::int64_t post_id) {
  auto db = db_.connect();
  db.exec(
      "INSERT INTO forum_digest_items (account_id, post_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      {num(account_id), num(post_id)});
}

std::vector<std::int64_t> PgForumMemberStore::digests_due(std::int64_t before) {
  auto db = db_.connect();
  return ids(
      db.exec("SELECT c.account_id FROM forum_mail_choices c WHERE c.mode = 'digest' AND "
              "c.last_digest_at <= $1 AND EXISTS (SELECT 1 FROM forum_digest_items i WHERE "
              "i.account_id = c.account_id) ORDER BY c.account_id",
              {num(before)}));
}

std::vector<std::int64_t> PgForumMemberStore::take_digest(std::int64_t account_id,
                                                          std::int64_t now) {
  auto db = db_.connect();
  Transaction tx(db);
  // The DELETE takes each item once: two nodes sending digests cannot both get it.
  auto out = ids(db.exec("DELETE FROM forum_digest_items WHERE account_id = $1 RETURNING post_id",
                         {num(account_id)}));
  db.exec("UPDATE forum_mail_choices SET last_digest_at = $1 WHERE account_id = $2",
          {num(now), num(account_id)});
  tx.commit();
  std::sort(out.begin(), out.end());
  return out;
}

std::int64_t PgForumMemberStore::add_message(const ForumMessageRecord& m) {
  auto db = db_.connect();
  return db
      .exec(
          "INSERT INTO forum_messages (member_id, moderator_id, moderator_name, post_id, body, "
          "created_at) VALUES ($1, NULLIF($2::bigint, 0), $3, $4, $5, $6) RETURNING id",
          {num(m.member_id), num(m.moderator_id), m.moderator_name, num(m.post_id), m.body,
           m.created_at})
      .integer(0, 0);
}

std::vector<ForumMessageRecord> PgForumMemberStore::messages_for(std::int64_t member_id) {
  auto db = db_.connect();
  auto r = db.exec(std::string(columns::kMessageColumns) + "WHERE member_id = $1 ORDER BY id DESC",
                   {num(member_id)});
  std::vector<ForumMessageRecord> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_message(r, i));
  return out;
}

std::optional<ForumMessageRecord> PgForumMemberStore::message(std::int64_t id) {
  auto db = db_.connect();
  auto r = db.exec(std::string(columns::kMessageColumns) + "WHERE id = $1", {num(id)});
  if (r.rows() == 0)
    return std::nullopt;
  return read_message(r, 0);
}

void PgForumMemberStore::mark_message_read(std::int64_t id, std::string_view at) {
  auto db = db_.connect();
  db.exec("UPDATE forum_messages SET read_at = $1 WHERE id = $2 AND read_at = ''",
          {std::string(at), num(id)});
}

int PgForumMemberStore::unread_messages(std::int64_t member_id) {
  auto db = db_.connect();
  return static_cast<int>(
      db.exec("SELECT COUNT(*) FROM forum_messages WHERE member_id = $1 AND read_at = ''",
              {num(member_id)})
          .integer(0, 0));
}

}  // namespace cairn::store::postgres
