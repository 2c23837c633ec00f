// AccountStore and SettingsStore on PostgreSQL, as the SQLite ones behave
// (store/sqlite/sqlite_account_store.hpp).
#pragma once

#include "store/account_store.hpp"
#include "store/postgres/connection.hpp"
#include "store/settings_store.hpp"

namespace cairn::store::postgres {

class PgAccountStore final : public AccountStore {
 public:
  explicit PgAccountStore(Database& db) : db_(db) {}
  CreatedAccount create_account(const NewAccount& account) override;
  std::optional<AccountRecord> account_by_email(std::string_view email) override;
  std::optional<AccountRecord> account_by_id(std::int64_t id) override;
  bool display_name_taken(std::string_view display_name) override;
  void change_password(std::int64_t account_id, std::string_view password_hash) override;
  void update_password_hash(std::int64_t account_id, std::string_view password_hash) override;
  bool delete_account(std::int64_t account_id) override;
  void set_suspended(std::int64_t account_id, bool suspended) override;
  std::vector<AccountRecord> suspended_accounts() override;
  std::vector<AccountRecord> active_accounts_with_role(std::string_view role) override;

  void confirm_email(std::int64_t account_id, std::string_view at) override;
  void add_link(const AccountLink& link) override;
  std::optional<std::int64_t> use_link(std::string_view token_hash, LinkPurpose purpose,
                                       std::int64_t now) override;
  std::optional<std::int64_t> live_link(std::string_view token_hash, LinkPurpose purpose,
                                        std::int64_t now) override;
  int links_since(std::int64_t account_id, LinkPurpose purpose, std::int64_t since) override;
  void reset_password(std::int64_t account_id, std::string_view password_hash,
                      std::string_view confirmed_at) override;

  void add_session(const SessionRecord& session) override;
  std::optional<SessionRecord> session(std::string_view token_hash) override;
  std::vector<SessionRecord> sessions_of(std::int64_t account_id) override;
  void touch_session(std::string_view token_hash, std::int64_t seen_at) override;
  void delete_session(std::string_view token_hash) override;
  int delete_sessions_of(std::int64_t account_id) override;
  int delete_expired_sessions(std::int64_t seen_before, std::int64_t created_before) override;
  int delete_abandoned_accounts(std::string_view created_before, std::int64_t now) override;

 private:
  Database& db_;
};

class PgSettingsStore final : public SettingsStore {
 public:
  explicit PgSettingsStore(Database& db) : db_(db) {}
  std::string get_or_create(std::string_view key, std::string_view initial) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::postgres
