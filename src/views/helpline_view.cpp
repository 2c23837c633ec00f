#include "views/helpline_view.hpp"

#include "views/components.hpp"
#include "views/html.hpp"

namespace cairn::views {

using namespace literals;

PageBody render_helpline_page(const content::SiteSettings& site, const HelplineFacts& facts) {
  PageBody body;
  body.shell.title = "Nurse helpline";
  body.shell.description = "Call our cancer nurses free on " + site.helpline_phone + ".";
  body.shell.path = "/helpline";
  body.shell.breadcrumbs = {{"Home", "/"}};
  Html h;
  h << R"(
<h1>Nurse helpline</h1>
<p class="nhsuk-lede-text">Our cancer nurses can talk with you about cancer, treatment and how you are feeling. You do not need to have cancer yourself to call.</p>
<div class="nhsuk-inset-text cairn-helpline-call"><p class="nhsuk-heading-m">Call free on <a class="cairn-phone" href=")"_m
    << tel_href(site.helpline_phone) << "\">"_m << site.helpline_phone << "</a></p>"_m
    << R"(<p class="cairn-helpline-status)"_m
    << (facts.open ? " cairn-helpline-status--open"_m : ""_m) << R"("><strong>)"_m
    << facts.status_line << "</strong>"_m;
  if (!facts.status_note.empty())
    h << " ("_m << facts.status_note << ")"_m;
  h << "</p></div>\n<h2>Opening hours</h2>\n<p>"_m << facts.hours
    << " All times are UK time.</p>\n"_m;
  if (!facts.changed_days.empty()) {
    h << R"(<h3>Changes to our hours</h3><table class="nhsuk-table"><caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Days with different hours</caption><thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th scope="col" class="nhsuk-table__header">Day</th><th scope="col" class="nhsuk-table__header">Hours</th></tr></thead><tbody class="nhsuk-table__body">)"_m;
    for (const auto& d : facts.changed_days) {
      h << R"(<tr class="nhsuk-table__row"><td class="nhsuk-table__cell">)"_m << d.day;
      if (!d.note.empty())
        h << " ("_m << d.note << ")"_m;
      h << R"(</td><td class="nhsuk-table__cell">)"_m << d.hours << "</td></tr>"_m;
    }
    h << "</tbody></table>\n"_m;
  }
  h << facts.ask_a_nurse << crisis_support(site);
  body.main = in_two_thirds_column(h.take());
  return body;
}

}  // namespace cairn::views
