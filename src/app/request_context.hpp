// One request as a handler sees it: the request, the path's parameters, the
// form (parsed once), and the visitor (resolved once, and only if asked, so
// cached and public pages never touch the store). WebApp adds the visitor's
// cookies to the response; no handler finishes one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/visitor.hpp"
#include "core/result.hpp"
#include "http/form.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "views/components.hpp"

namespace cairn::app {

// "12" -> 12; nothing for 0, a sign, other characters or more than 18 digits.
std::optional<std::int64_t> positive_id(std::string_view text);

class RequestContext {
 public:
  RequestContext(const http::Request& request, http::PathParams params,
                 const VisitorResolver& visitors, bool trust_forwarded_for);

  const http::Request& request() const { return request_; }
  const std::string& path() const { return request_.path; }
  // A value the route's pattern captured: "{thread}" in "/forum/t/{thread}".
  std::string_view path_param(std::string_view name) const { return params_.get(name); }
  // A captured id ("{thread}"), or nothing when it is not a positive number.
  std::optional<std::int64_t> path_id(std::string_view name) const {
    return positive_id(params_.get(name));
  }
  // The first value of a query parameter, or empty.
  std::string query(const std::string& name) const { return request_.param(name); }
  bool has_query(const std::string& name) const { return request_.has_param(name); }
  // The form post's fields; invalid_input when the body is not a form.
  const Result<http::Form>& form();
  // The visitor's address, for rate limits (the proxy's word only when trusted).
  std::string client_address() const;

  Visitor& visitor();
  const accounts::Account* account() { return visitor().account(); }
  // A form's state for the page: the CSRF token and, after a post, what was wrong.
  views::FormState form_state(const Error* problems = nullptr);
  void sign_in(const accounts::Account& account);
  void sign_out();

  // Set once the visitor was asked for: its cookies then go on the response.
  const Visitor* resolved_visitor() const { return visitor_ ? &*visitor_ : nullptr; }

 private:
  const http::Request& request_;
  http::PathParams params_;
  const VisitorResolver& visitors_;
  bool trust_forwarded_for_;
  std::optional<Visitor> visitor_;
  std::optional<Result<http::Form>> form_;
};

}  // namespace cairn::app
