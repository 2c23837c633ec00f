// NurseMessageStore on PostgreSQL, as the SQLite one behaves (the nurse_messages table, with
// mail_outbox).
#pragma once

#include "store/nurse_message_store.hpp"
#include "store/postgres/connection.hpp"

namespace cairn::store::postgres {

class PgNurseMessageStore final : public NurseMessageStore {
 public:
  explicit PgNurseMessageStore(Database& db) : db_(db) {}
  std::int64_t add_message(const NewNurseMessage& message,
                           const std::optional<OutboxMail>& held_mail) override;
  std::optional<NurseMessageRecord> message(std::int64_t id) override;
  std::optional<NurseMessageRecord> message_by_token_hash(std::string_view token_hash) override;
  std::vector<NurseMessageRecord> waiting_messages() override;
  std::vector<NurseMessageRecord> answered_messages(int limit) override;
  bool assign(std::int64_t message_id, std::int64_t nurse_id) override;
  AnswerOutcome answer(const NurseAnswer& answer) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::postgres
