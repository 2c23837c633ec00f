// "Ask a nurse" over HTTP: the question form (/helpline/ask), the private
// answer pages (/helpline/answer/<token>) and the nurses' inbox
// (/staff/helpline, /staff/helpline/<id>, .../assign, .../answer).
#pragma once

#include <functional>

#include "app/routes.hpp"
#include "app/site_content.hpp"
#include "core/safe_html.hpp"
#include "helpline/nurse_inbox.hpp"

namespace cairn::app {

struct NurseDeps {
  helpline::NurseInbox& inbox;
  const SiteContent& site;
  std::function<void()> mail_queued = {};  // wakes the mail sender; may be empty
};

// The handlers keep a reference to `deps`: it must outlive the routes.
void add_nurse_routes(Routes& routes, NurseDeps& deps);

// The question form for the helpline page, carrying the visitor's CSRF token.
SafeHtml ask_a_nurse_form(const Visitor& visitor);

}  // namespace cairn::app
