// What a handler made of a request: a page, a form shown again with its
// problems, a redirect, a JSON body, a cached page, or an Error. WebApp turns
// it into a response; the status code comes from the kind, never the handler.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/result.hpp"
#include "core/safe_html.hpp"
#include "http/message.hpp"
#include "http/page_cache.hpp"

namespace cairn::app {

// The status code for each kind of expected failure: the one place they are chosen.
int status_for(Errc code);

class [[nodiscard]] Outcome {
 public:
  // The error page, or the JSON error object under /api/.
  Outcome(Error error) : v_(std::move(error)) {}

  static Outcome page(const SafeHtml& html);
  // The form again, with what was wrong: the status comes from the problem's code.
  static Outcome form(const SafeHtml& html, const Error& problems);
  // A form page first shown (no problems: a plain page) or sent back with them.
  static Outcome form(const SafeHtml& html, const Error* problems);
  // 303 See Other: after a form, or to another page.
  static Outcome see_other(std::string location);
  static Outcome json(std::string body);
  static Outcome text(std::string body);  // text/plain
  static Outcome cached(const http::CachedPage& page);

  // Not to be stored by any cache on the way (results that change, private pages).
  Outcome&& no_store() &&;
  Outcome&& with_header(std::string name, std::string value) &&;

  const Error* error() const { return std::get_if<Error>(&v_); }
  http::Response& response() { return std::get<http::Response>(v_); }

 private:
  explicit Outcome(http::Response response) : v_(std::move(response)) {}
  std::variant<http::Response, Error> v_;
};

// To the sign-in page, coming back to `back` afterwards.
Outcome to_sign_in(std::string_view back);

}  // namespace cairn::app
