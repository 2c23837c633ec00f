// The nurse helpline's pages: /helpline with the live opening line.
#pragma once

#include "app/site_config.hpp"
#include "app/site_content.hpp"
#include "core/clock.hpp"
#include "http/router.hpp"

namespace cairn::app {

struct HelplineDeps {
  const SiteConfig& config;
  const SiteContent& site;
  const Clock& clock;
};

void add_helpline_routes(http::Router& router, HelplineDeps deps);

}  // namespace cairn::app
