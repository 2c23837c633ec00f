#include "app/outcome.hpp"

#include "core/text.hpp"

namespace cairn::app {

int status_for(Errc code) {
  switch (code) {
    case Errc::invalid_input:
      return 400;
    case Errc::unauthorized:
      return 401;
    case Errc::forbidden:
      return 403;
    case Errc::not_found:
      return 404;
    case Errc::method_not_allowed:
      return 405;
    case Errc::conflict:
      return 409;
    case Errc::too_large:
      return 413;
    case Errc::unprocessable:
      return 422;
    case Errc::rate_limited:
      return 429;
    case Errc::unavailable:
      return 503;
    case Errc::internal:
      return 500;
  }
  return 500;
}

Outcome Outcome::page(const SafeHtml& html) {
  http::Response r;
  r.body = html.str();
  return Outcome(std::move(r));
}

Outcome Outcome::form(const SafeHtml& html, const Error& problems) {
  http::Response r;
  r.status = status_for(problems.code);
  r.body = html.str();
  return Outcome(std::move(r));
}

Outcome Outcome::form(const SafeHtml& html, const Error* problems) {
  return problems ? form(html, *problems) : page(html);
}

Outcome Outcome::see_other(std::string location) {
  return Outcome(http::redirect(std::move(location), 303));
}

Outcome Outcome::json(std::string body) {
  return Outcome(http::json_response(200, std::move(body)));
}

Outcome Outcome::text(std::string body) {
  return Outcome(http::text_response(200, std::move(body), "text/plain; charset=utf-8"));
}

Outcome Outcome::cached(const http::CachedPage& page) {
  return Outcome(http::cached_response(page));
}

Outcome&& Outcome::no_store() && {
  if (auto* r = std::get_if<http::Response>(&v_))
    r->cache_control = "no-store";
  return std::move(*this);
}

Outcome&& Outcome::with_header(std::string name, std::string value) && {
  if (auto* r = std::get_if<http::Response>(&v_))
    r->set_header(std::move(name), std::move(value));
  return std::move(*this);
}

Outcome to_sign_in(std::string_view back) {
  return Outcome::see_other("/account/sign-in?next=" + url_encode(back));
}

}  // namespace cairn::app
