#include "store/postgres/pg_mail_outbox.hpp"

#include <algorithm>

namespace cairn::store::postgres {

std::int64_t insert_outbox_mail(Connection& db, const OutboxMail& mail, std::int64_t now,
                                std::optional<std::int64_t> due_at) {
  auto r = db.exec(
      "INSERT INTO mail_outbox (to_address, subject, body, headers, created_at, due_at) "
      "VALUES ($1, $2, $3, $4, $5, NULLIF($6, '')::bigint) RETURNING id",
      {mail.to_address, mail.subject, mail.body, encode_mail_headers(mail.headers),
       std::to_string(now), due_at ? std::to_string(*due_at) : std::string()});
  return r.integer(0, 0);
}

std::int64_t PgMailOutbox::queue(const OutboxMail& mail, std::int64_t now) {
  auto db = db_.connect();
  return insert_outbox_mail(db, mail, now, now);
}

std::vector<QueuedMail> PgMailOutbox::take_due(std::int64_t now, std::int64_t hold_until,
                                               int limit) {
  auto db = db_.connect();
  // SKIP LOCKED: a mail another node is claiming this moment is left to it, so
  // each mail is handed to one sender, and senders do not wait for each other.
  auto r = db.exec(
      "UPDATE mail_outbox SET due_at = $1 WHERE id IN (SELECT id FROM mail_outbox "
      "WHERE sent_at IS NULL AND due_at IS NOT NULL AND due_at <= $2 ORDER BY due_at, id "
      "LIMIT $3 FOR UPDATE SKIP LOCKED) "
      "RETURNING id, to_address, subject, body, attempts, created_at, headers",
      {std::to_string(hold_until), std::to_string(now), std::to_string(limit)});
  std::vector<QueuedMail> out;
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back({r.integer(i, 0),
                   {r.text(i, 1), r.text(i, 2), r.text(i, 3), decode_mail_headers(r.text(i, 6))},
                   static_cast<int>(r.integer(i, 4)),
                   r.integer(i, 5)});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

void PgMailOutbox::mark_sent(std::int64_t id, std::int64_t now) {
  auto db = db_.connect();
  // The body may hold a private link: it is not kept once delivered.
  db.exec(
      "UPDATE mail_outbox SET sent_at = $1, body = '', headers = '', last_error = NULL "
      "WHERE id = $2",
      {std::to_string(now), std::to_string(id)});
}

void PgMailOutbox::mark_failed(std::int64_t id, std::string_view error,
                               std::optional<std::int64_t> retry_at) {
  auto db = db_.connect();
  db.exec(
      "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $1, "
      "due_at = NULLIF($2, '')::bigint WHERE id = $3 AND sent_at IS NULL",
      {std::string(error.substr(0, 500)), retry_at ? std::to_string(*retry_at) : std::string(),
       std::to_string(id)});
}

int PgMailOutbox::unsent_count() {
  auto db = db_.connect();
  return static_cast<int>(
      db.exec("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL").integer(0, 0));
}

}  // namespace cairn::store::postgres
