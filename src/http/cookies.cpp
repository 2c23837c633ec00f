#include "http/cookies.hpp"

#include <strings.h>
#include <cctype>
#include <stdexcept>

#include "core/text.hpp"

namespace cairn::http {

namespace {

bool token_char(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~';
}

void require_token(std::string_view text, std::string_view what) {
  for (unsigned char c : text) {
    if (!token_char(c))
      throw std::invalid_argument("cookie " + std::string(what) + " is not a token");
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> parse_cookies(const Request& request) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : request.headers) {
    if (name.size() != 6 || ::strncasecmp(name.data(), "cookie", 6) != 0)
      continue;
    for (const auto& part : split(value, ';')) {
      auto pair = trim(part);
      auto eq = pair.find('=');
      if (eq == std::string_view::npos || eq == 0)
        continue;
      auto v = trim(pair.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
        v = v.substr(1, v.size() - 2);
      out.emplace_back(std::string(trim(pair.substr(0, eq))), std::string(v));
    }
  }
  return out;
}

std::optional<std::string> cookie(const Request& request, std::string_view name) {
  for (auto& [k, v] : parse_cookies(request)) {
    if (k == name)
      return std::move(v);
  }
  return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options,
                       std::optional<std::chrono::seconds> max_age) {
  require_token(name, "name");
  require_token(value, "value");
  std::string out = std::string(name) + "=" + std::string(value) + "; Path=/";
  if (max_age)
    out += "; Max-Age=" + std::to_string(max_age->count());
  out += "; HttpOnly; SameSite=Lax";
  if (options.secure)
    out += "; Secure";
  return out;
}

std::string clear_cookie(std::string_view name, const CookieOptions& options) {
  return set_cookie(name, "", options, std::chrono::seconds(0));
}

void add_set_cookie(Response& response, std::string value) {
  response.headers.emplace_back("Set-Cookie", std::move(value));
}

}  // namespace cairn::http
