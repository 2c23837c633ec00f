#include "app/request_context.hpp"

#include <charconv>

#include "http/client_address.hpp"

namespace cairn::app {

std::optional<std::int64_t> positive_id(std::string_view text) {
  if (text.empty() || text.size() > 18)
    return std::nullopt;
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size() || n <= 0)
    return std::nullopt;
  return n;
}

RequestContext::RequestContext(const http::Request& request, http::PathParams params,
                               const VisitorResolver& visitors, bool trust_forwarded_for)
    : request_(request),
      params_(std::move(params)),
      visitors_(visitors),
      trust_forwarded_for_(trust_forwarded_for) {}

const Result<http::Form>& RequestContext::form() {
  if (!form_)
    form_.emplace(http::parse_form(request_));
  return *form_;
}

std::string RequestContext::client_address() const {
  return http::client_address(request_, trust_forwarded_for_);
}

Visitor& RequestContext::visitor() {
  if (!visitor_)
    visitor_.emplace(visitors_.resolve(request_));
  return *visitor_;
}

views::FormState RequestContext::form_state(const Error* problems) {
  views::FormState state;
  state.csrf_token = visitor().csrf_token;
  if (!problems)
    return state;
  if (!problems->problems.empty()) {
    for (const auto& p : problems->problems) state.errors.push_back({p.field, p.message});
  } else if (!problems->field.empty()) {
    state.errors.push_back({problems->field, problems->message});
  } else {
    state.refusal = problems->message;
  }
  return state;
}

void RequestContext::sign_in(const accounts::Account& account) {
  visitors_.sign_in(visitor(), account, request_);
}

void RequestContext::sign_out() {
  visitors_.sign_out(visitor());
}

}  // namespace cairn::app
