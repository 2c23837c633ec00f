#include "helpline/upcoming_changes.hpp"

#include <date/tz.h>

#include "helpline/opening_status.hpp"

namespace cairn::helpline {

std::vector<ChangedDay> upcoming_changes(const HelplineSchedule& schedule,
                                         std::chrono::system_clock::time_point now, int days) {
  static const char* kWeekdays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                    "Thursday", "Friday", "Saturday"};
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  auto local = date::make_zoned(schedule.timezone, now).get_local_time();
  auto today = date::floor<date::days>(local);
  std::vector<ChangedDay> out;
  for (int i = 0; i < days; ++i) {
    auto day_point = today + date::days(i);
    date::year_month_day ymd{day_point};
    date::weekday wd{day_point};
    // weekly[] starts on Monday; date::weekday counts from Sunday.
    unsigned monday_based = (wd.c_encoding() + 6) % 7;
    auto usual = schedule.weekly[monday_based];
    auto actual = schedule.hours_on(ymd);
    if (usual == actual) continue;
    ChangedDay changed;
    changed.day = std::string(kWeekdays[wd.c_encoding()]) + " " +
                  std::to_string(static_cast<unsigned>(ymd.day())) + " " +
                  kMonths[static_cast<unsigned>(ymd.month()) - 1];
    changed.note = schedule.note_on(ymd);
    changed.hours = actual ? format_time_of_day(actual->open_minute) + " to " +
                                 format_time_of_day(actual->close_minute)
                           : "Closed";
    out.push_back(std::move(changed));
  }
  return out;
}

}  // namespace cairn::helpline
