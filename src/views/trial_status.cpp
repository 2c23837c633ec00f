#include "views/trial_status.hpp"

#include "trials/plain_english.hpp"

namespace cairn::views {

using namespace literals;

void write_trial_status(Html& h, const std::string& status) {
  bool open = status == "RECRUITING";
  h << (open ? R"(<strong class="nhsuk-tag nhsuk-tag--green">)"_m
             : R"(<strong class="nhsuk-tag nhsuk-tag--grey">)"_m)
    << trials::status_in_words(status) << "</strong>"_m;
}

}  // namespace cairn::views
