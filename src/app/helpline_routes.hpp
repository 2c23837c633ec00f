// The nurse helpline's page: /helpline with the live opening line and the
// "ask a nurse" form.
#pragma once

#include "app/routes.hpp"
#include "app/site_config.hpp"
#include "app/site_content.hpp"
#include "core/clock.hpp"

namespace cairn::app {

struct HelplineDeps {
  const SiteConfig& config;
  const SiteContent& site;
  const Clock& clock;
};

void add_helpline_routes(Routes& routes, HelplineDeps deps);

}  // namespace cairn::app
