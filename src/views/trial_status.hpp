// A trial's recruitment status as an NHS.UK tag: green when it is recruiting, grey
// otherwise, in everyday words. Shown on the trial finder, trial pages and search results.
#pragma once

#include <string>

#include "views/html.hpp"

namespace cairn::views {

void write_trial_status(Html& h, const std::string& status);

}  // namespace cairn::views
