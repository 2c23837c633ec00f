// Cross-site request forgery protection for every form, signed in or not: a
// random visitor id in the `cairn_csrf` cookie, and in each form the token
// base64url(HMAC-SHA256(server secret, visitor id)). A POST must carry the
// token matching its cookie, in the `csrf_token` field or the X-CSRF-Token header.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http/cookies.hpp"
#include "http/message.hpp"

namespace cairn::http {

class CsrfGuard {
 public:
  static constexpr std::string_view kCookie = "cairn_csrf";
  static constexpr std::string_view kField = "csrf_token";
  static constexpr std::string_view kHeader = "X-CSRF-Token";

  // `secret_hex`: 64 hex digits (32 bytes), shared by every node; see new_secret().
  // Throws std::invalid_argument for anything else.
  CsrfGuard(std::string_view secret_hex, CookieOptions cookies);

  // A fresh random secret as 64 hex digits.
  static std::string new_secret();

  struct Visit {
    std::string token;       // put in every form as csrf_token
    std::string set_cookie;  // a Set-Cookie value when the visitor is new; else empty
  };
  // The token for this visitor, with a new visitor cookie if they had none.
  Visit visit(const Request& request) const;
  // A new visitor id (given at sign-in, so a cookie planted earlier stops working).
  Visit renew() const;
  // forbidden unless the request carries the token for its visitor cookie.
  Status verify(const Request& request) const;

 private:
  std::string token_for(std::string_view visitor_id) const;
  Visit visit_for(std::string visitor_id, bool is_new) const;

  std::string secret_;  // 32 raw bytes
  CookieOptions cookies_;
};

}  // namespace cairn::http
