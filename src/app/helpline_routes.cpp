#include "app/helpline_routes.hpp"

#include "app/nurse_routes.hpp"
#include "helpline/opening_status.hpp"
#include "helpline/upcoming_changes.hpp"
#include "views/helpline_view.hpp"

namespace cairn::app {

void add_helpline_routes(Routes& routes, HelplineDeps deps) {
  routes.add("GET", "/helpline", [deps](RequestContext& c) {
    auto now = deps.clock.now();
    auto status = helpline::status_at(deps.schedule, now);
    views::HelplineFacts facts;
    facts.status_line = status.line;
    facts.open = status.open;
    facts.status_note = status.note;
    facts.hours = helpline::describe_hours(deps.schedule);
    for (auto& d : helpline::upcoming_changes(deps.schedule, now)) {
      facts.changed_days.push_back({d.day, d.note, d.hours});
    }
    facts.ask_a_nurse = ask_a_nurse_form(c.visitor());
    auto body = views::render_helpline_page(deps.settings, facts);
    return Outcome::page(views::render_layout(deps.site.chrome(), body.shell, body.main));
  });
}

}  // namespace cairn::app
