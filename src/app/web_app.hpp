// The request pipeline of `cairn serve`: static assets, cached pages, routed
// handlers, and the one place where errors become status codes and pages.
#pragma once

#include <functional>
#include <ostream>

#include "app/site_content.hpp"
#include "http/csrf.hpp"
#include "http/router.hpp"
#include "http/static_assets.hpp"
#include "http/wire.hpp"

namespace cairn::app {

// The status code for each kind of expected failure.
int status_for(Errc code);

class WebApp {
 public:
  // Every POST (and other unsafe method) must pass `csrf` before its handler runs.
  WebApp(SiteContent& site, const http::StaticAssets& assets, const http::CsrfGuard& csrf,
         std::ostream& error_log);

  http::Router& router() { return router_; }
  http::WireResponse handle(http::Request& request);
  // The error page (HTML) or error object (JSON, for /api/) for a failure.
  http::Response error_response(const http::Request& request, const Error& error) const;

 private:
  http::Response dispatch(const http::Request& request);

  SiteContent& site_;
  const http::StaticAssets& assets_;
  const http::CsrfGuard& csrf_;
  std::ostream& error_log_;
  http::Router router_;
};

}  // namespace cairn::app
