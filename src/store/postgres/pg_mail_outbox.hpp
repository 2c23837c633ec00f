// MailOutbox on PostgreSQL, as the SQLite one behaves (the mail_outbox table).
#pragma once

#include "store/mail_outbox.hpp"
#include "store/postgres/connection.hpp"

namespace cairn::store::postgres {

class PgMailOutbox final : public MailOutbox {
 public:
  explicit PgMailOutbox(Database& db) : db_(db) {}
  std::int64_t queue(const OutboxMail& mail, std::int64_t now) override;
  std::vector<QueuedMail> take_due(std::int64_t now, std::int64_t hold_until, int limit) override;
  void mark_sent(std::int64_t id, std::int64_t now) override;
  void mark_failed(std::int64_t id, std::string_view error,
                   std::optional<std::int64_t> retry_at) override;
  int unsent_count() override;

 private:
  Database& db_;
};

// Inserts a mail row, due at `due_at` or held when it is nullopt, on the
// caller's connection (which may be inside a transaction).
std::int64_t insert_outbox_mail(Connection& db, const OutboxMail& mail, std::int64_t now,
                                std::optional<std::int64_t> due_at);

}  // namespace cairn::store::postgres
