#include "accounts/session_service.hpp"

#include "core/random_token.hpp"
#include "core/token_hash.hpp"

namespace cairn::accounts {

SessionService::SessionService(store::AccountStore& store, const Clock& clock, SessionPolicy policy)
    : store_(store), clock_(clock), policy_(policy) {}

std::int64_t SessionService::now_seconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch()).count();
}

std::string SessionService::start(const Account& account, std::string_view user_agent) {
  auto now = now_seconds();
  store_.delete_expired_sessions(now - policy_.idle.count(), now - policy_.absolute.count());
  std::string token = random_token(32);
  store_.add_session(
      {hash_token(token), account.id, now, now, std::string(user_agent.substr(0, 200))});
  return token;
}

std::optional<Session> SessionService::find(std::string_view token) {
  // Our tokens are 43 characters; anything else cannot be one, and is not looked up.
  if (token.size() != 43)
    return std::nullopt;
  std::string hash = hash_token(token);
  auto record = store_.session(hash);
  if (!record)
    return std::nullopt;
  auto now = now_seconds();
  if (now - record->last_seen_at >= policy_.idle.count() ||
      now - record->created_at >= policy_.absolute.count()) {
    store_.delete_session(hash);
    return std::nullopt;
  }
  auto account = store_.account_by_id(record->account_id);
  if (!account || account->status != "active")
    return std::nullopt;
  if (now - record->last_seen_at >= policy_.touch_every.count())
    store_.touch_session(hash, now);
  return Session{account_from_record(*account), hash};
}

void SessionService::end(std::string_view token) {
  if (!token.empty())
    store_.delete_session(hash_token(token));
}

int SessionService::end_all(std::int64_t account_id) {
  return store_.delete_sessions_of(account_id);
}

}  // namespace cairn::accounts
