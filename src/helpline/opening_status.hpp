// Whether the helpline is open at a given instant, and the sentence that says so
// ("Open now, until 5pm" / "Closed now. Opens tomorrow at 9am"); and its hours in words.
#pragma once

#include <chrono>
#include <string>

#include "helpline/schedule.hpp"

namespace cairn::helpline {

struct OpeningStatus {
  bool open = false;
  // When `open` next flips: the closing time if open, the next opening if closed. If it
  // does not open within the look-ahead (31 days), the end of that window: ask again then.
  std::chrono::system_clock::time_point changes_at;
  // "Open now, until 5pm" ("Open now." if it stays open all the look-ahead), or
  // "Closed now. Opens today at 9am" / "... tomorrow at 9am" / "... Tuesday at 9am" /
  // "... on Monday 4 January at 9am" (7+ days ahead), or "Closed now." if it does not
  // open within the look-ahead.
  std::string line;
  // Why today differs from the usual week ("Christmas Eve", "Easter Monday"), else empty.
  std::string note;
};

// `now` is any instant; days and times are taken in the schedule's time zone (with its
// summer-time changes). The schedule's timezone must be valid (make_schedule checks it).
OpeningStatus status_at(const HelplineSchedule& schedule,
                        std::chrono::system_clock::time_point now);

// The weekly hours, consecutive days with equal hours grouped: "Monday to Friday, 9am to
// 5pm. Closed on bank holidays." (the last sentence only when there are bank holidays).
std::string describe_hours(const HelplineSchedule& schedule);

// Minutes after midnight in words: 540 "9am", 810 "1:30pm", 720 "midday", 0 or 1440
// "midnight".
std::string format_time_of_day(int minute_of_day);

}  // namespace cairn::helpline
