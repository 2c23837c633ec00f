#include "app/helpline_routes.hpp"

#include "helpline/opening_status.hpp"
#include "helpline/upcoming_changes.hpp"
#include "views/helpline_view.hpp"

namespace cairn::app {

void add_helpline_routes(http::Router& router, HelplineDeps deps) {
  router.add("GET", "/helpline", [deps](const http::Request&) -> Result<http::Response> {
    auto now = deps.clock.now();
    auto status = helpline::status_at(deps.config.helpline, now);
    views::HelplineFacts facts;
    facts.status_line = status.line;
    facts.open = status.open;
    facts.status_note = status.note;
    facts.hours = helpline::describe_hours(deps.config.helpline);
    for (auto& d : helpline::upcoming_changes(deps.config.helpline, now)) {
      facts.changed_days.push_back({d.day, d.note, d.hours});
    }
    auto body = views::render_helpline_page(deps.config.settings, facts);
    http::Response r;
    r.body = views::render_layout(deps.site.chrome(), body.shell, body.main).str();
    return r;
  });
}

}  // namespace cairn::app
