// Sign-in sessions: a random 256-bit token in the cookie, only its hash (core
// hash_token) in the store, so a stolen database yields no usable cookie. A session
// ends when idle too long, when too old, at sign-out, and (all of them) at a password change.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "accounts/account.hpp"
#include "core/clock.hpp"
#include "store/account_store.hpp"

namespace cairn::accounts {

struct SessionPolicy {
  std::chrono::seconds idle{std::chrono::hours(12)};           // ends after this long unused
  std::chrono::seconds absolute{std::chrono::hours(24 * 14)};  // and at this age regardless
  // Last-seen is written at most this often, so browsing is not a stream of writes.
  std::chrono::seconds touch_every{std::chrono::seconds(60)};
};

struct Session {
  Account account;
  std::string token_hash;
};

class SessionService {
 public:
  SessionService(store::AccountStore& store, const Clock& clock, SessionPolicy policy = {});

  // Starts a session and returns its token (43 characters, base64url): it goes
  // in the cookie and is never stored. Expired sessions are cleared out here.
  std::string start(const Account& account, std::string_view user_agent);
  // The live session for a cookie token, refreshing its last-seen time; nothing
  // if the token is unknown, expired, or its account is suspended or gone.
  std::optional<Session> find(std::string_view token);
  void end(std::string_view token);
  int end_all(std::int64_t account_id);
  const SessionPolicy& policy() const { return policy_; }

 private:
  std::int64_t now_seconds() const;

  store::AccountStore& store_;
  const Clock& clock_;
  SessionPolicy policy_;
};

}  // namespace cairn::accounts
