#include "store/sqlite/sqlite_nurse_message_store.hpp"

#include "store/stored_columns.hpp"

#include "store/sqlite/sqlite_mail_outbox.hpp"

namespace cairn::store::sqlite {

namespace {

std::string select_messages(std::string_view rest) {
  return std::string(columns::kNurseMessageSelect) + std::string(rest);
}

NurseMessageRecord read_message(const Statement& st) {
  NurseMessageRecord m;
  m.id = st.integer(0);
  m.name = st.text(1);
  m.email = st.text(2);
  m.question = st.text(3);
  m.consent = st.integer(4) != 0;
  m.flagged = st.integer(5) != 0;
  m.status = parse_nurse_message_status(st.text(6));
  m.assigned_to = st.integer(7);
  m.assigned_name = st.text(8);
  m.answer = st.text(9);
  m.answered_by = st.integer(10);
  m.answered_name = st.text(11);
  m.created_at = st.integer(12);
  m.answered_at = st.integer(13);
  if (m.status == NurseMessageStatus::assigned && m.assigned_to == 0)
    m.status = NurseMessageStatus::open;
  return m;
}

std::vector<NurseMessageRecord> read_all(Statement& st) {
  std::vector<NurseMessageRecord> out;
  while (st.step()) out.push_back(read_message(st));
  return out;
}

}  // namespace

std::int64_t SqliteNurseMessageStore::add_message(const NewNurseMessage& message,
                                                  const std::optional<OutboxMail>& held_mail) {
  auto db = db_.connect();
  Transaction tx(db);
  std::optional<std::int64_t> mail_id;
  if (held_mail)
    mail_id = insert_outbox_mail(db, *held_mail, message.created_at, std::nullopt);
  auto st = db.prepare(
      "INSERT INTO nurse_messages (token_hash, name, email, question, consent, flagged, "
      "created_at, mail_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, message.token_hash)
      .bind(2, message.name)
      .bind(3, message.email)
      .bind(4, message.question)
      .bind(5, message.consent ? 1 : 0)
      .bind(6, message.flagged ? 1 : 0)
      .bind(7, message.created_at);
  if (mail_id) {
    st.bind(8, *mail_id);
  } else {
    st.bind_null(8);
  }
  st.run();
  std::int64_t id = db.last_insert_id();
  tx.commit();
  return id;
}

std::optional<NurseMessageRecord> SqliteNurseMessageStore::message(std::int64_t id) {
  auto db = db_.connect();
  auto st = db.prepare(select_messages("WHERE m.id = ?"));
  st.bind(1, id);
  if (!st.step())
    return std::nullopt;
  return read_message(st);
}

std::optional<NurseMessageRecord> SqliteNurseMessageStore::message_by_token_hash(
    std::string_view token_hash) {
  auto db = db_.connect();
  auto st = db.prepare(select_messages("WHERE m.token_hash = ?"));
  st.bind(1, token_hash);
  if (!st.step())
    return std::nullopt;
  return read_message(st);
}

std::vector<NurseMessageRecord> SqliteNurseMessageStore::waiting_messages() {
  auto db = db_.connect();
  auto st = db.prepare(select_messages(
      "WHERE m.status IN ('open', 'assigned') ORDER BY m.flagged DESC, m.created_at, m.id"));
  return read_all(st);
}

std::vector<NurseMessageRecord> SqliteNurseMessageStore::answered_messages(int limit) {
  auto db = db_.connect();
  auto st = db.prepare(select_messages(
      "WHERE m.status = 'answered' ORDER BY m.answered_at DESC, m.id DESC LIMIT ?"));
  st.bind(1, limit);
  return read_all(st);
}

bool SqliteNurseMessageStore::assign(std::int64_t message_id, std::int64_t nurse_id) {
  auto db = db_.connect();
  auto st = db.prepare(
      "UPDATE nurse_messages SET status = 'assigned', assigned_to = ? "
      "WHERE id = ? AND status IN ('open', 'assigned') RETURNING id");
  st.bind(1, nurse_id).bind(2, message_id);
  bool done = st.step();
  while (st.step()) {
  }
  return done;
}

AnswerOutcome SqliteNurseMessageStore::answer(const NurseAnswer& answer) {
  auto db = db_.connect();
  Transaction tx(db);
  auto found = db.prepare("SELECT status, mail_id FROM nurse_messages WHERE id = ?");
  found.bind(1, answer.message_id);
  if (!found.step())
    return AnswerOutcome::not_found;
  if (parse_nurse_message_status(found.text(0)) == NurseMessageStatus::answered)
    return AnswerOutcome::already_answered;
  bool has_mail = !found.is_null(1);
  std::int64_t mail_id = has_mail ? found.integer(1) : 0;
  found.reset();
  // Whoever answers keeps the message, if nobody had it.
  db.prepare(
        "UPDATE nurse_messages SET status = 'answered', answer = ?, answered_by = ?, "
        "answered_at = ?, assigned_to = COALESCE(assigned_to, ?) WHERE id = ?")
      .bind(1, answer.text)
      .bind(2, answer.nurse_id)
      .bind(3, answer.at)
      .bind(4, answer.nurse_id)
      .bind(5, answer.message_id)
      .run();
  if (has_mail) {
    db.prepare("UPDATE mail_outbox SET due_at = ? WHERE id = ? AND sent_at IS NULL")
        .bind(1, answer.at)
        .bind(2, mail_id)
        .run();
  }
  tx.commit();
  return AnswerOutcome::answered;
}

}  // namespace cairn::store::sqlite
