// Cookies: reading the Cookie header, and writing Set-Cookie the one safe way
// (Path=/, HttpOnly, SameSite=Lax, Secure when the site is served over HTTPS).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace cairn::http {

struct CookieOptions {
  bool secure = false;  // add Secure: set when the site is reached over HTTPS
};

// Every name=value pair of every Cookie header, in order.
std::vector<std::pair<std::string, std::string>> parse_cookies(const Request& request);
// The first cookie with this name; nothing if absent.
std::optional<std::string> cookie(const Request& request, std::string_view name);

// A Set-Cookie value. With no max_age the cookie lasts until the browser closes.
// The value must be a cookie-safe token (letters, digits, - _ . ~); anything else
// is a bug and throws std::invalid_argument.
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options,
                       std::optional<std::chrono::seconds> max_age = std::nullopt);
// A Set-Cookie value that removes the cookie.
std::string clear_cookie(std::string_view name, const CookieOptions& options);
// Adds a Set-Cookie header (several may be set; none is replaced).
void add_set_cookie(Response& response, std::string value);

}  // namespace cairn::http
