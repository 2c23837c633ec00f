// Where accounts and their sign-in sessions live. Emails are stored lower case;
// a session is kept only as the hash of its cookie token, never the token.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::store {

struct AccountRecord {
  std::int64_t id = 0;
  std::string email;          // lower case, unique
  std::string display_name;   // unique regardless of letter case
  std::string password_hash;  // an encoded argon2id string
  std::string role;           // "member", "moderator", "nurse", "editor", "admin"
  std::string status;         // "active" or "suspended"
  bool over_14 = false;
  std::string rules_accepted_at;        // ISO 8601 UTC; empty if never
  std::string created_at;               // ISO 8601 UTC
  std::string email_confirmed_at = {};  // ISO 8601 UTC; empty until the emailed link is followed
};

struct NewAccount {
  std::string email;
  std::string display_name;
  std::string password_hash;
  std::string role;
  bool over_14 = false;
  std::string rules_accepted_at;
  std::string created_at;
  std::string email_confirmed_at = {};  // empty: the owner must follow the emailed link first
};

// A single-use link emailed to an account's owner; only the token's hash is kept.
enum class LinkPurpose { reset_password, confirm_email };

struct AccountLink {
  std::string token_hash;
  std::int64_t account_id = 0;
  LinkPurpose purpose = LinkPurpose::reset_password;
  std::int64_t created_at = 0;  // seconds since the Unix epoch
  std::int64_t expires_at = 0;
};

struct CreatedAccount {
  enum class Outcome { created, email_taken, display_name_taken };
  Outcome outcome = Outcome::created;
  std::int64_t id = 0;  // set when created
};

struct SessionRecord {
  std::string token_hash;  // hex of a hash of the cookie token
  std::int64_t account_id = 0;
  std::int64_t created_at = 0;    // seconds since the Unix epoch
  std::int64_t last_seen_at = 0;  // seconds since the Unix epoch
  std::string user_agent;
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Adds the account unless its email or display name (in any letter case) is taken.
  virtual CreatedAccount create_account(const NewAccount& account) = 0;
  virtual std::optional<AccountRecord> account_by_email(std::string_view email) = 0;
  virtual std::optional<AccountRecord> account_by_id(std::int64_t id) = 0;
  // True if an account has this display name in any letter case.
  virtual bool display_name_taken(std::string_view display_name) = 0;
  // Replaces the hash and ends every session of the account, in one step.
  virtual void change_password(std::int64_t account_id, std::string_view password_hash) = 0;
  // Replaces the hash only (a stronger hash of the same password).
  virtual void update_password_hash(std::int64_t account_id, std::string_view password_hash) = 0;
  // Removes the account and its sessions; false if there was none.
  virtual bool delete_account(std::int64_t account_id) = 0;
  // Suspends (status "suspended", every session ended) or restores an account.
  virtual void set_suspended(std::int64_t account_id, bool suspended) = 0;
  // Every suspended account, by display name: for moderators to lift a suspension.
  virtual std::vector<AccountRecord> suspended_accounts() = 0;
  // The active accounts with `role` ("editor", "admin", ...), by display name.
  virtual std::vector<AccountRecord> active_accounts_with_role(std::string_view role) = 0;

  // Marks the email address confirmed (at `at`, ISO 8601) unless it already was.
  virtual void confirm_email(std::int64_t account_id, std::string_view at) = 0;

  virtual void add_link(const AccountLink& link) = 0;
  // Uses the link once: its account when the hash is known, for `purpose`,
  // unused and not expired at `now`; nothing otherwise. A second use finds nothing.
  virtual std::optional<std::int64_t> use_link(std::string_view token_hash, LinkPurpose purpose,
                                               std::int64_t now) = 0;
  // The account of a live link, without using it (to show the form it leads to).
  virtual std::optional<std::int64_t> live_link(std::string_view token_hash, LinkPurpose purpose,
                                                std::int64_t now) = 0;
  // Links of `purpose` made for the account since `since`: to cap the emails one person gets.
  virtual int links_since(std::int64_t account_id, LinkPurpose purpose, std::int64_t since) = 0;
  // Stores the new hash, ends every session, uses up every password link and
  // confirms the email (the owner proved they read it), in one step.
  virtual void reset_password(std::int64_t account_id, std::string_view password_hash,
                              std::string_view confirmed_at) = 0;

  virtual void add_session(const SessionRecord& session) = 0;
  virtual std::optional<SessionRecord> session(std::string_view token_hash) = 0;
  virtual std::vector<SessionRecord> sessions_of(std::int64_t account_id) = 0;
  virtual void touch_session(std::string_view token_hash, std::int64_t seen_at) = 0;
  virtual void delete_session(std::string_view token_hash) = 0;
  virtual int delete_sessions_of(std::int64_t account_id) = 0;
  // Removes sessions idle since before `seen_before` or started before `created_before`.
  virtual int delete_expired_sessions(std::int64_t seen_before, std::int64_t created_before) = 0;
  // Removes accounts never confirmed, made before `created_before` (ISO 8601)
  // and holding no confirmation link still live at `now`: their email address
  // and display name are free again.
  virtual int delete_abandoned_accounts(std::string_view created_before, std::int64_t now) = 0;
};

}  // namespace cairn::store
