// "Ask a nurse" over HTTP: the question form (/helpline/ask), the private
// answer pages (/helpline/answer/<token>) and the nurses' inbox
// (/staff/helpline, /staff/helpline/<id>, .../assign, .../answer).
#pragma once

#include <functional>

#include "app/site_content.hpp"
#include "app/visitor.hpp"
#include "core/safe_html.hpp"
#include "helpline/nurse_inbox.hpp"
#include "http/router.hpp"

namespace cairn::app {

struct NurseDeps {
  helpline::NurseInbox& inbox;
  const VisitorResolver& visitors;
  const SiteContent& site;
  bool trust_forwarded_for = false;        // behind our own load balancer (--trust-proxy)
  std::function<void()> mail_queued = {};  // wakes the mail sender; may be empty
};

// The handlers keep a reference to `deps`: it must outlive the router.
void add_nurse_routes(http::Router& router, NurseDeps& deps);

// The question form for the helpline page, carrying the visitor's CSRF token.
SafeHtml ask_a_nurse_form(const Visitor& visitor);

}  // namespace cairn::app
