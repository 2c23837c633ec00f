// The handler shape every route has: a request context in, an outcome out.
#pragma once

#include <functional>

#include "app/outcome.hpp"
#include "app/request_context.hpp"
#include "http/router.hpp"

namespace cairn::app {

using Handler = std::function<Outcome(RequestContext&)>;
using Routes = http::Router<Handler>;

// A handler that calls `method` on a copy of `pages` (a small object holding
// references to its services).
template <class Pages>
Handler bind_page(const Pages& pages, Outcome (Pages::*method)(RequestContext&) const) {
  return [pages, method](RequestContext& context) { return (pages.*method)(context); };
}

// A form post by a signed-in member: the form is read first (a malformed one
// is refused), then a visitor who is not signed in is sent to sign in and
// back to `back`; `f` gets the form and the account.
template <class F>
Outcome member_post(RequestContext& context, std::string_view back, F&& f) {
  const auto& form = context.form();
  if (!form)
    return form.error();
  const auto* account = context.account();
  if (!account)
    return to_sign_in(back);
  return f(*form, *account);
}

// Staff pages: runs `f` with the signed-in account when `allowed` says its role
// may; a visitor who is not signed in is sent to sign in (and back to `back`
// afterwards), anyone else is refused with `refusal`.
template <class F>
Outcome as_staff(RequestContext& context, std::string_view back,
                 bool (*allowed)(const accounts::Account&), std::string_view refusal, F&& f) {
  const auto* account = context.account();
  if (!account)
    return to_sign_in(back);
  if (!allowed(*account))
    return make_error(Errc::forbidden, std::string(refusal));
  return f(*account);
}

}  // namespace cairn::app
