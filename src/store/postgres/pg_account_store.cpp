#include "store/postgres/pg_account_store.hpp"

#include "store/stored_columns.hpp"

namespace cairn::store::postgres {

namespace {

AccountRecord read_account(const PgResult& r, int row) {
  AccountRecord a;
  a.id = r.integer(row, 0);
  a.email = r.text(row, 1);
  a.display_name = r.text(row, 2);
  a.password_hash = r.text(row, 3);
  a.role = r.text(row, 4);
  a.status = r.text(row, 5);
  a.over_14 = r.integer(row, 6) != 0;
  a.rules_accepted_at = r.text(row, 7);
  a.created_at = r.text(row, 8);
  a.email_confirmed_at = r.text(row, 9);
  return a;
}

std::vector<AccountRecord> read_accounts(const PgResult& r) {
  std::vector<AccountRecord> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_account(r, i));
  return out;
}

SessionRecord read_session(const PgResult& r, int row) {
  return SessionRecord{r.text(row, 0), r.integer(row, 1), r.integer(row, 2), r.integer(row, 3),
                       r.text(row, 4)};
}

std::string select_accounts(std::string_view where) {
  return "SELECT " + std::string(columns::kAccountColumns) + " FROM accounts WHERE " +
         std::string(where);
}

std::string text(std::string_view v) {
  return std::string(v);
}
std::string num(std::int64_t v) {
  return std::to_string(v);
}

int delete_sessions(Connection& db, std::int64_t account_id) {
  return db.exec("DELETE FROM sessions WHERE account_id = $1 RETURNING 1", {num(account_id)})
      .rows();
}

void set_password_hash(Connection& db, std::int64_t account_id, std::string_view password_hash) {
  db.exec("UPDATE accounts SET password_hash = $1 WHERE id = $2",
          {text(password_hash), num(account_id)});
}

// SQLite's NOCASE, as the unique index folds: ASCII letters only.
constexpr std::string_view kFoldedName =
    "translate(display_name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";

bool name_taken(Connection& db, std::string_view display_name) {
  return db.exec("SELECT 1 FROM accounts WHERE " + std::string(kFoldedName) +
                     " = translate($1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
                     "'abcdefghijklmnopqrstuvwxyz')",
                 {text(display_name)})
             .rows() > 0;
}

std::string purpose_name(LinkPurpose purpose) {
  return purpose == LinkPurpose::reset_password ? "reset_password" : "confirm_email";
}

}  // namespace

CreatedAccount PgAccountStore::create_account(const NewAccount& account) {
  auto db = db_.connect();
  Transaction tx(db);
  // Two nodes registering the same address or name at once: one wins, the
  // other is told it is taken (as SQLite's BEGIN IMMEDIATE gives).
  lock_for_transaction(db, kAccountsLock);
  if (db.exec("SELECT 1 FROM accounts WHERE email = $1", {account.email}).rows() > 0)
    return {CreatedAccount::Outcome::email_taken, 0};
  if (name_taken(db, account.display_name))
    return {CreatedAccount::Outcome::display_name_taken, 0};
  auto inserted = db.exec(
      "INSERT INTO accounts (email, display_name, password_hash, role, over_14, "
      "rules_accepted_at, created_at, email_confirmed_at) "
      "VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''), $7, NULLIF($8, '')) RETURNING id",
      {account.email, account.display_name, account.password_hash, account.role,
       account.over_14 ? "1" : "0", account.rules_accepted_at, account.created_at,
       account.email_confirmed_at});
  std::int64_t id = inserted.integer(0, 0);
  tx.commit();
  return {CreatedAccount::Outcome::created, id};
}

std::optional<AccountRecord> PgAccountStore::account_by_email(std::string_view email) {
  auto db = db_.connect();
  auto r = db.exec(select_accounts("email = $1"), {text(email)});
  if (r.rows() == 0)
    return std::nullopt;
  return read_account(r, 0);
}

std::optional<AccountRecord> PgAccountStore::account_by_id(std::int64_t id) {
  auto db = db_.connect();
  auto r = db.exec(select_accounts("id = $1"), {num(id)});
  if (r.rows() == 0)
    return std::nullopt;
  return read_account(r, 0);
}

bool PgAccountStore::display_name_taken(std::string_view display_name) {
  auto db = db_.connect();
  return name_taken(db, display_name);
}

void PgAccountStore::change_password(std::int64_t account_id, std::string_view password_hash) {
  auto db = db_.connect();
  Transaction tx(db);
  set_password_hash(db, account_id, password_hash);
  delete_sessions(db, account_id);
  tx.commit();
}

void PgAccountStore::update_password_hash(std::int64_t account_id, std::string_view password_hash) {
  auto db = db_.connect();
  set_password_hash(db, account_id, password_hash);
}

bool PgAccountStore::delete_account(std::int64_t account_id) {
  auto db = db_.connect();
  Transaction tx(db);
  delete_sessions(db, account_id);
  bool removed =
      db.exec("DELETE FROM accounts WHERE id = $1 RETURNING id", {num(account_id)}).rows() > 0;
  tx.commit();
  return removed;
}

void PgAccountStore::set_suspended(std::int64_t account_id, bool suspended) {
  auto db = db_.connect();
  Transaction tx(db);
  db.exec("UPDATE accounts SET status = $1 WHERE id = $2",
          {suspended ? "suspended" : "active", num(account_id)});
  if (suspended)
    delete_sessions(db, account_id);
  tx.commit();
}

std::vector<AccountRecord> PgAccountStore::suspended_accounts() {
  auto db = db_.connect();
  return read_accounts(db.exec(select_accounts("status = 'suspended'") + " ORDER BY display_name"));
}

std::vector<AccountRecord> PgAccountStore::active_accounts_with_role(std::string_view role) {
  auto db = db_.connect();
  return read_accounts(db.exec(
      select_accounts("status = 'active' AND role = $1") + " ORDER BY display_name", {text(role)}));
}

void PgAccountStore::confirm_email(std::int64_t account_id, std::string_view at) {
  auto db = db_.connect();
  db.exec(
      "UPDATE accounts SET email_confirmed_at = $1 WHERE id = $2 AND email_confirmed_at IS NULL",
      {text(at), num(account_id)});
}

void PgAccountStore::add_link(const AccountLink& link) {
  auto db = db_.connect();
  // Links dead for a day go, so the table stays small (a day: links_since still counts them).
  db.exec("DELETE FROM account_links WHERE expires_at < $1", {num(link.created_at - 24 * 3600)});
  db.exec(
      "INSERT INTO account_links (token_hash, account_id, purpose, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      {link.token_hash, num(link.account_id), purpose_name(link.purpose), num(link.created_at),
       num(link.expires_at)});
}

std::optional<std::int64_t> PgAccountStore::use_link(std::string_view token_hash,
                                                     LinkPurpose purpose, std::int64_t now) {
  auto db = db_.connect();
  // One statement: two requests racing with the same link cannot both use it.
  auto r = db.exec(
      "UPDATE account_links SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 "
      "AND used_at IS NULL AND expires_at > $1 RETURNING account_id",
      {num(now), text(token_hash), purpose_name(purpose)});
  if (r.rows() == 0)
    return std::nullopt;
  return r.integer(0, 0);
}

std::optional<std::int64_t> PgAccountStore::live_link(std::string_view token_hash,
                                                      LinkPurpose purpose, std::int64_t now) {
  auto db = db_.connect();
  auto r = db.exec(
      "SELECT account_id FROM account_links WHERE token_hash = $1 AND purpose = $2 "
      "AND used_at IS NULL AND expires_at > $3",
      {text(token_hash), purpose_name(purpose), num(now)});
  if (r.rows() == 0)
    return std::nullopt;
  return r.integer(0, 0);
}

int PgAccountStore::links_since(std::int64_t account_id, LinkPurpose purpose, std::int64_t since) {
  auto db = db_.connect();
  auto r = db.exec(
      "SELECT COUNT(*) FROM account_links WHERE account_id = $1 AND purpose = $2 "
      "AND created_at >= $3",
      {num(account_id), purpose_name(purpose), num(since)});
  return static_cast<int>(r.integer(0, 0));
}

void PgAccountStore::reset_password(std::int64_t account_id, std::string_view password_hash,
                                    std::string_view confirmed_at) {
  auto db = db_.connect();
  Transaction tx(db);
  set_password_hash(db, account_id, password_hash);
  delete_sessions(db, account_id);
  db.exec(
      "UPDATE account_links SET used_at = COALESCE(used_at, created_at) "
      "WHERE account_id = $1 AND purpose = 'reset_password'",
      {num(account_id)});
  db.exec(
      "UPDATE accounts SET email_confirmed_at = $1 WHERE id = $2 AND email_confirmed_at IS NULL",
      {text(confirmed_at), num(account_id)});
  tx.commit();
}

void PgAccountStore::add_session(const SessionRecord& s) {
  auto db = db_.connect();
  db.exec(
      "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, user_agent) "
      "VALUES ($1, $2, $3, $4, $5)",
      {s.token_hash, num(s.account_id), num(s.created_at), num(s.last_seen_at), s.user_agent});
}

std::optional<SessionRecord> PgAccountStore::session(std::string_view token_hash) {
  auto db = db_.connect();
  auto r = db.exec(
      "SELECT " + std::string(columns::kSessionColumns) + " FROM sessions WHERE token_hash = $1",
      {text(token_hash)});
  if (r.rows() == 0)
    return std::nullopt;
  return read_session(r, 0);
}

std::vector<SessionRecord> PgAccountStore::sessions_of(std::int64_t account_id) {
  auto db = db_.connect();
  auto r = db.exec("SELECT " + std::string(columns::kSessionColumns) +
                       " FROM sessions WHERE account_id = $1 ORDER BY created_at",
                   {num(account_id)});
  std::vector<SessionRecord> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_session(r, i));
  return out;
}

void PgAccountStore::touch_session(std::string_view token_hash, std::int64_t seen_at) {
  auto db = db_.connect();
  db.exec("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2",
          {num(seen_at), text(token_hash)});
}

void PgAccountStore::delete_session(std::string_view token_hash) {
  auto db = db_.connect();
  db.exec("DELETE FROM sessions WHERE token_hash = $1", {text(token_hash)});
}

int PgAccountStore::delete_sessions_of(std::int64_t account_id) {
  auto db = db_.connect();
  return delete_sessions(db, account_id);
}

int PgAccountStore::delete_expired_sessions(std::int64_t seen_before, std::int64_t created_before) {
  auto db = db_.connect();
  return db
      .exec("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2 RETURNING 1",
            {num(seen_before), num(created_before)})
      .rows();
}

int PgAccountStore::delete_abandoned_accounts(std::string_view created_before, std::int64_t now) {
  auto db = db_.connect();
  return db
      .exec(
          "DELETE FROM accounts WHERE email_confirmed_at IS NULL AND created_at < $1 AND NOT "
          "EXISTS (SELECT 1 FROM account_links l WHERE l.account_id = accounts.id "
          "AND l.purpose = 'confirm_email' AND l.used_at IS NULL AND l.expires_at > $2) "
          "RETURNING 1",
          {text(created_before), num(now)})
      .rows();
}

std::string PgSettingsStore::get_or_create(std::string_view key, std::string_view initial) {
  auto db = db_.connect();
  // Two nodes starting at once both insert; one row wins and both read it.
  db.exec("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
          {text(key), text(initial)});
  return db.exec("SELECT value FROM settings WHERE key = $1", {text(key)}).text(0, 0);
}

}  // namespace cairn::store::postgres
