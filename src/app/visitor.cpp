#include "app/visitor.hpp"

namespace cairn::app {

VisitorResolver::VisitorResolver(accounts::SessionService& sessions, const http::CsrfGuard& csrf,
                                 http::CookieOptions cookies)
    : sessions_(sessions), csrf_(csrf), cookies_(cookies) {}

Visitor VisitorResolver::resolve(const http::Request& request) const {
  Visitor v;
  auto visit = csrf_.visit(request);
  v.csrf_token = std::move(visit.token);
  if (!visit.set_cookie.empty())
    v.set_cookies.push_back(std::move(visit.set_cookie));
  if (auto token = http::cookie(request, kSessionCookie); token && !token->empty()) {
    v.session_token = std::move(*token);
    v.session = sessions_.find(v.session_token);
    if (!v.session)
      v.set_cookies.push_back(http::clear_cookie(kSessionCookie, cookies_));
  }
  return v;
}

void VisitorResolver::sign_in(Visitor& visitor, const accounts::Account& account,
                              const http::Request& request) const {
  if (!visitor.session_token.empty())
    sessions_.end(visitor.session_token);
  std::string token = sessions_.start(account, request.header("User-Agent"));
  visitor.session = sessions_.find(token);
  visitor.session_token = token;
  visitor.set_cookies.clear();
  visitor.set_cookies.push_back(
      http::set_cookie(kSessionCookie, token, cookies_, sessions_.policy().absolute));
  auto fresh = csrf_.renew();
  visitor.csrf_token = std::move(fresh.token);
  visitor.set_cookies.push_back(std::move(fresh.set_cookie));
}

void VisitorResolver::sign_out(Visitor& visitor) const {
  if (!visitor.session_token.empty())
    sessions_.end(visitor.session_token);
  visitor.session.reset();
  visitor.session_token.clear();
  visitor.set_cookies.push_back(http::clear_cookie(kSessionCookie, cookies_));
}

void VisitorResolver::finish(const Visitor& visitor, http::Response& response) const {
  for (const auto& c : visitor.set_cookies) http::add_set_cookie(response, c);
  response.cache_control = "no-store";
}

std::string csrf_secret(store::SettingsStore& settings) {
  return settings.get_or_create("csrf_secret", http::CsrfGuard::new_secret());
}

}  // namespace cairn::app
