// The request pipeline of `cairn serve`: static assets, cached pages, routed
// handlers, and the one place where outcomes and errors become status codes,
// cookies and pages.
#pragma once

#include <ostream>

#include "app/routes.hpp"
#include "app/site_content.hpp"
#include "app/visitor.hpp"
#include "http/csrf.hpp"
#include "http/static_assets.hpp"
#include "http/wire.hpp"

namespace cairn::app {

class WebApp {
 public:
  // Every POST (and other unsafe method) must pass `csrf` before its handler runs.
  WebApp(SiteContent& site, const http::StaticAssets& assets, const http::CsrfGuard& csrf,
         const VisitorResolver& visitors, bool trust_forwarded_for, std::ostream& error_log);

  Routes& routes() { return routes_; }
  http::WireResponse handle(http::Request& request);
  // The error page (HTML) or error object (JSON, for /api/) for a failure.
  http::Response error_response(const http::Request& request, const Error& error) const;
  // What a request gets when the server is too busy to take it (503).
  http::Response busy_response(const http::Request& request) const;
  // 503 with `message` as the page (or the JSON error under /api/), and a
  // Retry-After when `retry_after` seconds are given.
  http::Response unavailable_response(const http::Request& request, const std::string& message,
                                      int retry_after = 0) const;
  // The largest request body a route takes (ServerOptions::body_limit_for).
  std::size_t body_limit(std::string_view method, std::string_view path) const;
  static constexpr std::size_t kNoRouteBodyLimit = 8 * 1024;
  static constexpr std::size_t kFormBodyLimit = 256 * 1024;
  static constexpr std::size_t kEditorBodyLimit = 1024 * 1024;

 private:
  http::Response dispatch(const http::Request& request);
  http::Response respond(const http::Request& request, const Handler& handler,
                         http::PathParams params);

  SiteContent& site_;
  const http::StaticAssets& assets_;
  const http::CsrfGuard& csrf_;
  const VisitorResolver& visitors_;
  bool trust_forwarded_for_;
  std::ostream& error_log_;
  Routes routes_;
};

}  // namespace cairn::app
