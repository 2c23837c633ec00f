// Who is asking, for handlers that need it: the signed-in account (from the
// session cookie) and the CSRF token to put in forms, with any cookies the
// response must set. Resolved only when a handler asks (RequestContext), so
// cached pages never touch the store.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_service.hpp"
#include "http/cookies.hpp"
#include "http/csrf.hpp"
#include "http/message.hpp"
#include "store/settings_store.hpp"

namespace cairn::app {

struct Visitor {
  std::optional<accounts::Session> session;  // set when signed in
  std::string session_token;                 // the cookie's token, when one was sent
  std::string csrf_token;                    // for every form on the page
  std::vector<std::string> set_cookies;      // Set-Cookie values for the response

  const accounts::Account* account() const { return session ? &session->account : nullptr; }
};

class VisitorResolver {
 public:
  static constexpr std::string_view kSessionCookie = "cairn_session";

  VisitorResolver(accounts::SessionService& sessions, const http::CsrfGuard& csrf,
                  http::CookieOptions cookies);

  // One store look-up when a session cookie is sent; none otherwise. A stale
  // session cookie is cleared.
  Visitor resolve(const http::Request& request) const;
  // Signs the visitor in: ends the session they had, starts a new one (new
  // token: rotated at sign-in) and gives a new CSRF visitor id.
  void sign_in(Visitor& visitor, const accounts::Account& account,
               const http::Request& request) const;
  // Ends the session and clears its cookie.
  void sign_out(Visitor& visitor) const;
  // Adds the visitor's cookies to the response; pages for a visitor are never
  // stored. Called by WebApp alone.
  void finish(const Visitor& visitor, http::Response& response) const;

 private:
  accounts::SessionService& sessions_;
  const http::CsrfGuard& csrf_;
  http::CookieOptions cookies_;
};

// The store's CSRF secret, made on first use so every node shares it.
std::string csrf_secret(store::SettingsStore& settings);

}  // namespace cairn::app
