// Days soon when the helpline keeps other hours than usual (bank holidays,
// Christmas Eve), so the helpline page can warn people in advance.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "helpline/schedule.hpp"

namespace cairn::helpline {

struct ChangedDay {
  std::string day;    // "Thursday 24 December"
  std::string note;   // "Christmas Eve"
  std::string hours;  // "9am to 1pm" or "Closed"
};

// The days within `days` days from now (local time) whose hours differ from the
// usual weekly hours, in date order.
std::vector<ChangedDay> upcoming_changes(const HelplineSchedule& schedule,
                                         std::chrono::system_clock::time_point now, int days = 21);

}  // namespace cairn::helpline
