#include "store/sqlite/sqlite_mail_outbox.hpp"

#include <algorithm>

namespace cairn::store::sqlite {

std::int64_t insert_outbox_mail(Connection& db, const OutboxMail& mail, std::int64_t now,
                                std::optional<std::int64_t> due_at) {
  auto headers = encode_mail_headers(mail.headers);
  auto st = db.prepare(
      "INSERT INTO mail_outbox (to_address, subject, body, headers, created_at, due_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  st.bind(1, mail.to_address).bind(2, mail.subject).bind(3, mail.body).bind(4, headers);
  st.bind(5, now);
  if (due_at) {
    st.bind(6, *due_at);
  } else {
    st.bind_null(6);
  }
  st.run();
  return db.last_insert_id();
}

std::int64_t SqliteMailOutbox::queue(const OutboxMail& mail, std::int64_t now) {
  auto db = db_.connect();
  return insert_outbox_mail(db, mail, now, now);
}

std::vector<QueuedMail> SqliteMailOutbox::take_due(std::int64_t now, std::int64_t hold_until,
                                                   int limit) {
  auto db = db_.connect();
  auto st = db.prepare(
      "UPDATE mail_outbox SET due_at = ? WHERE id IN (SELECT id FROM mail_outbox "
      "WHERE sent_at IS NULL AND due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, id LIMIT ?) "
      "RETURNING id, to_address, subject, body, attempts, created_at, headers");
  st.bind(1, hold_until).bind(2, now).bind(3, limit);
  std::vector<QueuedMail> out;
  while (st.step()) {
    out.push_back({st.integer(0),
                   {st.text(1), st.text(2), st.text(3), decode_mail_headers(st.text(6))},
                   static_cast<int>(st.integer(4)),
                   st.integer(5)});
  }
  // RETURNING gives no order; oldest first.
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

void SqliteMailOutbox::mark_sent(std::int64_t id, std::int64_t now) {
  auto db = db_.connect();
  // The body may hold a private link: it is not kept once delivered.
  db.prepare(
        "UPDATE mail_outbox SET sent_at = ?, body = '', headers = '', last_error = NULL "
        "WHERE id = ?")
      .bind(1, now)
      .bind(2, id)
      .run();
}

void SqliteMailOutbox::mark_failed(std::int64_t id, std::string_view error,
                                   std::optional<std::int64_t> retry_at) {
  auto db = db_.connect();
  auto st = db.prepare(
      "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, due_at = ? "
      "WHERE id = ? AND sent_at IS NULL");
  st.bind(1, error.substr(0, 500));
  if (retry_at) {
    st.bind(2, *retry_at);
  } else {
    st.bind_null(2);
  }
  st.bind(3, id).run();
}

int SqliteMailOutbox::unsent_count() {
  auto db = db_.connect();
  auto st = db.prepare("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL");
  st.step();
  return static_cast<int>(st.integer(0));
}

}  // namespace cairn::store::sqlite
