#include "app/helpline_routes.hpp"

#include <optional>

#include "app/nurse_routes.hpp"
#include "helpline/opening_status.hpp"
#include "helpline/upcoming_changes.hpp"
#include "views/helpline_view.hpp"

namespace cairn::app {

void add_helpline_routes(http::Router& router, HelplineDeps deps) {
  router.add("GET", "/helpline", [deps](const http::Request& request) -> Result<http::Response> {
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
    std::optional<Visitor> visitor;
    if (deps.visitors) {
      visitor = deps.visitors->resolve(request);
      facts.ask_a_nurse = ask_a_nurse_form(*visitor);
    }
    auto body = views::render_helpline_page(deps.config.settings, facts);
    http::Response r;
    r.body = views::render_layout(deps.site.chrome(), body.shell, body.main).str();
    if (visitor) deps.visitors->finish(*visitor, r);
    return r;
  });
}

}  // namespace cairn::app
