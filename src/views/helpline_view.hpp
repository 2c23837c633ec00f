// The nurse helpline page: the freephone number, the hours, whether it is open
// now, days with other hours soon, and where to get help at any time.
#pragma once

#include <string>
#include <vector>

#include "content/site_settings.hpp"
#include "core/safe_html.hpp"
#include "views/components.hpp"
#include "views/layout.hpp"

namespace cairn::views {

struct HelplineFacts {
  std::string status_line;  // "Open now, until 5pm"
  bool open = false;
  std::string status_note;  // "Christmas Eve" when today is unusual
  std::string hours;        // "Monday to Friday, 9am to 5pm. Closed on bank holidays."
  struct Day {
    std::string day, note, hours;
  };
  std::vector<Day> changed_days;
  SafeHtml ask_a_nurse;  // the message form, when there is one
};

PageBody render_helpline_page(const content::SiteSettings& site, const HelplineFacts& facts);

}  // namespace cairn::views
