// The nurse helpline's pages: /helpline with the live opening line and, when
// `visitors` is given, the "ask a nurse" form.
#pragma once

#include "app/site_config.hpp"
#include "app/site_content.hpp"
#include "app/visitor.hpp"
#include "core/clock.hpp"
#include "http/router.hpp"

namespace cairn::app {

struct HelplineDeps {
  const SiteConfig& config;
  const SiteContent& site;
  const Clock& clock;
  const VisitorResolver* visitors = nullptr;  // for the form's CSRF token
};

void add_helpline_routes(http::Router& router, HelplineDeps deps);

}  // namespace cairn::app
