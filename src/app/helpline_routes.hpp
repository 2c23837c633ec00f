// The nurse helpline's page: /helpline with the live opening line and the
// "ask a nurse" form.
#pragma once

#include "app/routes.hpp"
#include "app/site_content.hpp"
#include "content/site_settings.hpp"
#include "core/clock.hpp"
#include "helpline/schedule.hpp"

namespace cairn::app {

struct HelplineDeps {
  const content::SiteSettings& settings;
  const helpline::HelplineSchedule& schedule;
  const SiteContent& site;
  const Clock& clock;
};

void add_helpline_routes(Routes& routes, HelplineDeps deps);

}  // namespace cairn::app
