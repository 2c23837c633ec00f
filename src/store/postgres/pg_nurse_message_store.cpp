#include "store/postgres/pg_nurse_message_store.hpp"

#include "store/stored_columns.hpp"

#include "store/postgres/pg_mail_outbox.hpp"

namespace cairn::store::postgres {

namespace {

std::string select_messages(std::string_view rest) {
  return std::string(columns::kNurseMessageSelect) + std::string(rest);
}

NurseMessageRecord read_message(const PgResult& r, int row) {
  NurseMessageRecord m;
  m.id = r.integer(row, 0);
  m.name = r.text(row, 1);
  m.email = r.text(row, 2);
  m.question = r.text(row, 3);
  m.consent = r.integer(row, 4) != 0;
  m.flagged = r.integer(row, 5) != 0;
  m.status = parse_nurse_message_status(r.text(row, 6));
  m.assigned_to = r.integer(row, 7);
  m.assigned_name = r.text(row, 8);
  m.answer = r.text(row, 9);
  m.answered_by = r.integer(row, 10);
  m.answered_name = r.text(row, 11);
  m.created_at = r.integer(row, 12);
  m.answered_at = r.integer(row, 13);
  if (m.status == NurseMessageStatus::assigned && m.assigned_to == 0)
    m.status = NurseMessageStatus::open;
  return m;
}

std::vector<NurseMessageRecord> read_all(const PgResult& r) {
  std::vector<NurseMessageRecord> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_message(r, i));
  return out;
}

}  // namespace

std::int64_t PgNurseMessageStore::add_message(const NewNurseMessage& message,
                                              const std::optional<OutboxMail>& held_mail) {
  auto db = db_.connect();
  Transaction tx(db);
  std::string mail_id;
  if (held_mail)
    mail_id = std::to_string(insert_outbox_mail(db, *held_mail, message.created_at, std::nullopt));
  auto r = db.exec(
      "INSERT INTO nurse_messages (token_hash, name, email, question, consent, flagged, "
      "created_at, mail_id) VALUES ($1, $2, $3, $4, $5, $6, $7, NULLIF($8, '')::bigint) "
      "RETURNING id",
      {message.token_hash, message.name, message.email, message.question,
       message.consent ? "1" : "0", message.flagged ? "1" : "0", std::to_string(message.created_at),
       mail_id});
  std::int64_t id = r.integer(0, 0);
  tx.commit();
  return id;
}

std::optional<NurseMessageRecord> PgNurseMessageStore::message(std::int64_t id) {
  auto db = db_.connect();
  auto r = db.exec(select_messages("WHERE m.id = $1"), {std::to_string(id)});
  if (r.rows() == 0)
    return std::nullopt;
  return read_message(r, 0);
}

std::optional<NurseMessageRecord> PgNurseMessageStore::message_by_token_hash(
    std::string_view token_hash) {
  auto db = db_.connect();
  auto r = db.exec(select_messages("WHERE m.token_hash = $1"), {std::string(token_hash)});
  if (r.rows() == 0)
    return std::nullopt;
  return read_message(r, 0);
}

std::vector<NurseMessageRecord> PgNurseMessageStore::waiting_messages() {
  auto db = db_.connect();
  return read_all(db.exec(select_messages(
      "WHERE m.status IN ('open', 'assigned') ORDER BY m.flagged DESC, m.created_at, m.id")));
}

std::vector<NurseMessageRecord> PgNurseMessageStore::answered_messages(int limit) {
  auto db = db_.connect();
  return read_all(
      db.exec(select_messages(
                  "WHERE m.status = 'answered' ORDER BY m.answered_at DESC, m.id DESC LIMIT $1"),
              {std::to_string(limit)}));
}

bool PgNurseMessageStore::assign(std::int64_t message_id, std::int64_t nurse_id) {
  auto db = db_.connect();
  return db.exec(
               "UPDATE nurse_messages SET status = 'assigned', assigned_to = $1 "
               "WHERE id = $2 AND status IN ('open', 'assigned') RETURNING id",
               {std::to_string(nurse_id), std::to_string(message_id)})
             .rows() > 0;
}

AnswerOutcome PgNurseMessageStore::answer(const NurseAnswer& answer) {
  auto db = db_.connect();
  Transaction tx(db);
  // FOR UPDATE: of two nurses answering at once on two nodes, the second
  // waits, then finds it answered.
  auto found = db.exec("SELECT status, mail_id FROM nurse_messages WHERE id = $1 FOR UPDATE",
                       {std::to_string(answer.message_id)});
  if (found.rows() == 0)
    return AnswerOutcome::not_found;
  if (parse_nurse_message_status(found.text(0, 0)) == NurseMessageStatus::answered)
    return AnswerOutcome::already_answered;
  bool has_mail = !found.is_null(0, 1);
  std::int64_t mail_id = has_mail ? found.integer(0, 1) : 0;
  // Whoever answers keeps the message, if nobody had it.
  db.exec(
      "UPDATE nurse_messages SET status = 'answered', answer = $1, answered_by = $2, "
      "answered_at = $3, assigned_to = COALESCE(assigned_to, $2) WHERE id = $4",
      {answer.text, std::to_string(answer.nurse_id), std::to_string(answer.at),
       std::to_string(answer.message_id)});
  if (has_mail) {
    db.exec("UPDATE mail_outbox SET due_at = $1 WHERE id = $2 AND sent_at IS NULL",
            {std::to_string(answer.at), std::to_string(mail_id)});
  }
  tx.commit();
  return AnswerOutcome::answered;
}

}  // namespace cairn::store::postgres
