#include "store/sqlite/sqlite_account_store.hpp"

#include "store/stored_columns.hpp"

namespace cairn::store::sqlite {

namespace {

AccountRecord read_account(const Statement& st) {
  AccountRecord a;
  a.id = st.integer(0);
  a.email = st.text(1);
  a.display_name = st.text(2);
  a.password_hash = st.text(3);
  a.role = st.text(4);
  a.status = st.text(5);
  a.over_14 = st.integer(6) != 0;
  a.rules_accepted_at = st.text(7);
  a.created_at = st.text(8);
  a.email_confirmed_at = st.text(9);
  return a;
}

SessionRecord read_session(const Statement& st) {
  return SessionRecord{st.text(0), st.integer(1), st.integer(2), st.integer(3), st.text(4)};
}

std::string select_accounts(std::string_view where) {
  return "SELECT " + std::string(columns::kAccountColumns) + " FROM accounts WHERE " +
         std::string(where);
}

// Runs a DELETE ... RETURNING and counts the rows it removed.
int count_deleted(Statement& st) {
  int n = 0;
  while (st.step()) ++n;
  return n;
}

// Signs an account out everywhere; returns how many sessions it had.
int delete_sessions(Connection& db, std::int64_t account_id) {
  auto st = db.prepare("DELETE FROM sessions WHERE account_id = ? RETURNING 1");
  st.bind(1, account_id);
  return count_deleted(st);
}

void set_password_hash(Connection& db, std::int64_t account_id, std::string_view password_hash) {
  db.prepare("UPDATE accounts SET password_hash = ? WHERE id = ?")
      .bind(1, password_hash)
      .bind(2, account_id)
      .run();
}

// Case-insensitive, like the unique index; create_account calls it with the
// connection it already holds.
bool name_taken(Connection& db, std::string_view display_name) {
  auto st = db.prepare("SELECT 1 FROM accounts WHERE display_name = ? COLLATE NOCASE");
  st.bind(1, display_name);
  return st.step();
}

std::string_view purpose_name(LinkPurpose purpose) {
  return purpose == LinkPurpose::reset_password ? "reset_password" : "confirm_email";
}

}  // namespace

CreatedAccount SqliteAccountStore::create_account(const NewAccount& account) {
  auto db = db_.connect();
  Transaction tx(db);
  auto email = db.prepare("SELECT 1 FROM accounts WHERE email = ?");
  email.bind(1, account.email);
  if (email.step())
    return {CreatedAccount::Outcome::email_taken, 0};
  if (name_taken(db, account.display_name)) {
    return {CreatedAccount::Outcome::display_name_taken, 0};
  }
  auto insert = db.prepare(
      "INSERT INTO accounts (email, display_name, password_hash, role, over_14, "
      "rules_accepted_at, created_at, email_confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, account.email)
      .bind(2, account.display_name)
      .bind(3, account.password_hash)
      .bind(4, account.role)
      .bind(5, account.over_14 ? 1 : 0);
  if (account.rules_accepted_at.empty()) {
    insert.bind_null(6);
  } else {
    insert.bind(6, account.rules_accepted_at);
  }
  insert.bind(7, account.created_at);
  if (account.email_confirmed_at.empty()) {
    insert.bind_null(8);
  } else {
    insert.bind(8, account.email_confirmed_at);
  }
  insert.run();
  std::int64_t id = db.last_insert_id();
  tx.commit();
  return {CreatedAccount::Outcome::created, id};
}

std::optional<AccountRecord> SqliteAccountStore::account_by_email(std::string_view email) {
  auto db = db_.connect();
  auto st = db.prepare(select_accounts("email = ?"));
  st.bind(1, email);
  if (!st.step())
    return std::nullopt;
  return read_account(st);
}

std::optional<AccountRecord> SqliteAccountStore::account_by_id(std::int64_t id) {
  auto db = db_.connect();
  auto st = db.prepare(select_accounts("id = ?"));
  st.bind(1, id);
  if (!st.step())
    return std::nullopt;
  return read_account(st);
}

bool SqliteAccountStore::display_name_taken(std::string_view display_name) {
  auto db = db_.connect();
  return name_taken(db, display_name);
}

void SqliteAccountStore::change_password(std::int64_t account_id, std::string_view password_hash) {
  auto db = db_.connect();
  Transaction tx(db);
  set_password_hash(db, account_id, password_hash);
  delete_sessions(db, account_id);
  tx.commit();
}

void SqliteAccountStore::update_password_hash(std::int64_t account_id,
                                              std::string_view password_hash) {
  auto db = db_.connect();
  set_password_hash(db, account_id, password_hash);
}

bool SqliteAccountStore::delete_account(std::int64_t account_id) {
  auto db = db_.connect();
  Transaction tx(db);
  // Sessions go with the account (ON DELETE CASCADE); said here too, so a
  // connection without foreign keys switched on cannot leave them behind.
  delete_sessions(db, account_id);
  auto st = db.prepare("DELETE FROM accounts WHERE id = ? RETURNING id");
  st.bind(1, account_id);
  bool removed = count_deleted(st) > 0;
  tx.commit();
  return removed;
}

void SqliteAccountStore::set_suspended(std::int64_t account_id, bool suspended) {
  auto db = db_.connect();
  Transaction tx(db);
  db.prepare("UPDATE accounts SET status = ? WHERE id = ?")
      .bind(1, suspended ? "suspended" : "active")
      .bind(2, account_id)
      .run();
  if (suspended)
    delete_sessions(db, account_id);
  tx.commit();
}

std::vector<AccountRecord> SqliteAccountStore::suspended_accounts() {
  auto db = db_.connect();
  auto st = db.prepare(select_accounts("status = 'suspended'") + " ORDER BY display_name");
  std::vector<AccountRecord> out;
  while (st.step()) out.push_back(read_account(st));
  return out;
}

std::vector<AccountRecord> SqliteAccountStore::active_accounts_with_role(std::string_view role) {
  auto db = db_.connect();
  auto st =
      db.prepare(select_accounts("status = 'active' AND role = ?") + " ORDER BY display_name");
  st.bind(1, role);
  std::vector<AccountRecord> out;
  while (st.step()) out.push_back(read_account(st));
  return out;
}

void SqliteAccountStore::confirm_email(std::int64_t account_id, std::string_view at) {
  auto db = db_.connect();
  db.prepare(
        "UPDATE accounts SET email_confirmed_at = ? WHERE id = ? AND email_confirmed_at IS NULL")
      .bind(1, at)
      .bind(2, account_id)
      .run();
}

void SqliteAccountStore::add_link(const AccountLink& link) {
  auto db = db_.connect();
  // Links dead for a day go, so the table stays small (a day: links_since still counts them).
  db.prepare("DELETE FROM account_links WHERE expires_at < ?")
      .bind(1, link.created_at - 24 * 3600)
      .run();
  db.prepare(
        "INSERT INTO account_links (token_hash, account_id, purpose, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?)")
      .bind(1, link.token_hash)
      .bind(2, link.account_id)
      .bind(3, purpose_name(link.purpose))
      .bind(4, link.created_at)
      .bind(5, link.expires_at)
      .run();
}

std::optional<std::int64_t> SqliteAccountStore::use_link(std::string_view token_hash,
                                                         LinkPurpose purpose, std::int64_t now) {
  auto db = db_.connect();
  // One statement: two requests racing with the same link cannot both use it.
  auto st = db.prepare(
      "UPDATE account_links SET used_at = ? WHERE token_hash = ? AND purpose = ? "
      "AND used_at IS NULL AND expires_at > ? RETURNING account_id");
  st.bind(1, now).bind(2, token_hash).bind(3, purpose_name(purpose)).bind(4, now);
  if (!st.step())
    return std::nullopt;
  return st.integer(0);
}

std::optional<std::int64_t> SqliteAccountStore::live_link(std::string_view token_hash,
                                                          LinkPurpose purpose, std::int64_t now) {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT account_id FROM account_links WHERE token_hash = ? AND purpose = ? "
      "AND used_at IS NULL AND expires_at > ?");
  st.bind(1, token_hash).bind(2, purpose_name(purpose)).bind(3, now);
  if (!st.step())
    return std::nullopt;
  return st.integer(0);
}

int SqliteAccountStore::links_since(std::int64_t account_id, LinkPurpose purpose,
                                    std::int64_t since) {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT COUNT(*) FROM account_links WHERE account_id = ? AND purpose = ? AND created_at >= "
      "?");
  st.bind(1, account_id).bind(2, purpose_name(purpose)).bind(3, since);
  st.step();
  return static_cast<int>(st.integer(0));
}

void SqliteAccountStore::reset_password(std::int64_t account_id, std::string_view password_hash,
                                        std::string_view confirmed_at) {
  auto db = db_.connect();
  Transaction tx(db);
  set_password_hash(db, account_id, password_hash);
  delete_sessions(db, account_id);
  db.prepare(
        "UPDATE account_links SET used_at = COALESCE(used_at, created_at) "
        "WHERE account_id = ? AND purpose = 'reset_password'")
      .bind(1, account_id)
      .run();
  db.prepare(
        "UPDATE accounts SET email_confirmed_at = ? WHERE id = ? AND email_confirmed_at IS NULL")
      .bind(1, confirmed_at)
      .bind(2, account_id)
      .run();
  tx.commit();
}

void SqliteAccountStore::add_session(const SessionRecord& s) {
  auto db = db_.connect();
  db.prepare(
        "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, user_agent) "
        "VALUES (?, ?, ?, ?, ?)")
      .bind(1, s.token_hash)
      .bind(2, s.account_id)
      .bind(3, s.created_at)
      .bind(4, s.last_seen_at)
      .bind(5, s.user_agent)
      .run();
}

std::optional<SessionRecord> SqliteAccountStore::session(std::string_view token_hash) {
  auto db = db_.connect();
  auto st = db.prepare("SELECT " + std::string(columns::kSessionColumns) +
                       " FROM sessions WHERE token_hash = ?");
  st.bind(1, token_hash);
  if (!st.step())
    return std::nullopt;
  return read_session(st);
}

std::vector<SessionRecord> SqliteAccountStore::sessions_of(std::int64_t account_id) {
  auto db = db_.connect();
  auto st = db.prepare("SELECT " + std::string(columns::kSessionColumns) +
                       " FROM sessions WHERE account_id = ? ORDER BY created_at");
  st.bind(1, account_id);
  std::vector<SessionRecord> out;
  while (st.step()) out.push_back(read_session(st));
  return out;
}

void SqliteAccountStore::touch_session(std::string_view token_hash, std::int64_t seen_at) {
  auto db = db_.connect();
  db.prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?")
      .bind(1, seen_at)
      .bind(2, token_hash)
      .run();
}

void SqliteAccountStore::delete_session(std::string_view token_hash) {
  auto db = db_.connect();
  db.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(1, token_hash).run();
}

int SqliteAccountStore::delete_sessions_of(std::int64_t account_id) {
  auto db = db_.connect();
  return delete_sessions(db, account_id);
}

int SqliteAccountStore::delete_expired_sessions(std::int64_t seen_before,
                                                std::int64_t created_before) {
  auto db = db_.connect();
  auto st = db.prepare("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ? RETURNING 1");
  st.bind(1, seen_before).bind(2, created_before);
  return count_deleted(st);
}

int SqliteAccountStore::delete_abandoned_accounts(std::string_view created_before,
                                                  std::int64_t now) {
  auto db = db_.connect();
  auto st = db.prepare(
      "DELETE FROM accounts WHERE email_confirmed_at IS NULL AND created_at < ? AND NOT EXISTS "
      "(SELECT 1 FROM account_links l WHERE l.account_id = accounts.id "
      "AND l.purpose = 'confirm_email' AND l.used_at IS NULL AND l.expires_at > ?) RETURNING 1");
  st.bind(1, created_before).bind(2, now);
  return count_deleted(st);
}

std::string SqliteSettingsStore::get_or_create(std::string_view key, std::string_view initial) {
  auto db = db_.connect();
  db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")
      .bind(1, key)
      .bind(2, initial)
      .run();
  auto st = db.prepare("SELECT value FROM settings WHERE key = ?");
  st.bind(1, key);
  st.step();
  return st.text(0);
}

}  // namespace cairn::store::sqlite
