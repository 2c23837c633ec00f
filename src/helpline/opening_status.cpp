#include "helpline/opening_status.hpp"

#include <date/tz.h>

#include <array>
#include <string_view>

namespace cairn::helpline {

namespace {

using std::chrono::minutes;
using std::chrono::system_clock;

// Long enough for Christmas and any planned closure; past it we say only "Closed now."
constexpr int kLookAheadDays = 31;
constexpr int kMinutesPerDay = 24 * 60;

constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string_view weekday_name(date::local_days day) {
  return kWeekdayNames[date::weekday{day}.iso_encoding() - 1];
}

// "Tuesday 2 January"
std::string long_date(date::local_days day) {
  const date::year_month_day ymd{day};
  return std::string(weekday_name(day)) + " " + std::to_string(unsigned{ymd.day()}) + " " +
         std::string(kMonthNames[unsigned{ymd.month()} - 1]);
}

system_clock::time_point local_to_instant(const date::time_zone& zone, date::local_days day,
                                          int minute_of_day) {
  // Hours that fall in a clock change (none for 9 to 5) take the earlier instant.
  auto instant = zone.to_sys(day + minutes(minute_of_day), date::choose::earliest);
  return std::chrono::time_point_cast<system_clock::duration>(instant);
}

struct Opening {
  date::local_days day;
  DayHours hours;
};

// "tomorrow at 9am", "Tuesday at 9am", or for `until` lines "Tuesday 2 January at 5pm".
std::string when_phrase(int days_ahead, date::local_days day, int minute_of_day, bool for_until) {
  const std::string time = format_time_of_day(minute_of_day);
  if (days_ahead == 0)
    return for_until ? time : "today at " + time;
  if (days_ahead == 1)
    return "tomorrow at " + time;
  if (days_ahead <= 6)
    return std::string(weekday_name(day)) + " at " + time;
  return (for_until ? "" : "on ") + long_date(day) + " at " + time;
}

}  // namespace

std::string format_time_of_day(int minute_of_day) {
  if (minute_of_day % kMinutesPerDay == 0)
    return "midnight";
  if (minute_of_day == 12 * 60)
    return "midday";
  const int hour24 = minute_of_day / 60;
  const int minute = minute_of_day % 60;
  const int hour12 = hour24 % 12 == 0 ? 12 : hour24 % 12;
  std::string text = std::to_string(hour12);
  if (minute != 0)
    text += (minute < 10 ? ":0" : ":") + std::to_string(minute);
  text += hour24 < 12 ? "am" : "pm";
  return text;
}

OpeningStatus status_at(const HelplineSchedule& schedule, system_clock::time_point now) {
  const date::time_zone& zone = *date::locate_zone(schedule.timezone);
  const auto local_now = zone.to_local(std::chrono::floor<std::chrono::seconds>(now));
  const auto today = std::chrono::floor<date::days>(local_now);

  OpeningStatus status;
  status.note = schedule.note_on(date::year_month_day{today});

  for (int ahead = 0; ahead <= kLookAheadDays; ++ahead) {
    const date::local_days day = today + date::days{ahead};
    const auto hours = schedule.hours_on(date::year_month_day{day});
    if (!hours)
      continue;
    if (now < local_to_instant(zone, day, hours->open_minute)) {
      status.open = false;
      status.changes_at = local_to_instant(zone, day, hours->open_minute);
      status.line = "Closed now. Opens " + when_phrase(ahead, day, hours->open_minute, false);
      return status;
    }
    if (now < local_to_instant(zone, day, hours->close_minute)) {
      // Open now. A day open until midnight followed by one open from midnight is one
      // stretch (a 24-hour line): report where the stretch ends.
      Opening last{day, *hours};
      int last_ahead = ahead;
      while (last.hours.close_minute == kMinutesPerDay && last_ahead < kLookAheadDays) {
        const date::local_days next = last.day + date::days{1};
        const auto next_hours = schedule.hours_on(date::year_month_day{next});
        if (!next_hours || next_hours->open_minute != 0)
          break;
        last = Opening{next, *next_hours};
        ++last_ahead;
      }
      status.open = true;
      status.changes_at = local_to_instant(zone, last.day, last.hours.close_minute);
      const bool closing_seen =
          last.hours.close_minute != kMinutesPerDay || last_ahead < kLookAheadDays;
      status.line = closing_seen ? "Open now, until " + when_phrase(last_ahead, last.day,
                                                                    last.hours.close_minute, true)
                                 : "Open now.";
      return status;
    }
  }
  status.open = false;
  status.changes_at = local_to_instant(zone, today + date::days{kLookAheadDays + 1}, 0);
  status.line = "Closed now.";
  return status;
}

std::string describe_hours(const HelplineSchedule& schedule) {
  std::string text;
  const auto& week = schedule.weekly;
  std::size_t first = 0;
  while (first < week.size()) {
    if (!week[first]) {
      ++first;
      continue;
    }
    std::size_t last = first;
    while (last + 1 < week.size() && week[last + 1] == week[first]) ++last;

    std::string days;
    if (first == 0 && last == 6) {
      days = "Every day";
    } else if (first == last) {
      days = kWeekdayNames[first];
    } else {
      days = std::string(kWeekdayNames[first]) + (last == first + 1 ? " and " : " to ") +
             std::string(kWeekdayNames[last]);
    }
    const DayHours& hours = *week[first];
    const std::string times = hours.open_minute == 0 && hours.close_minute == kMinutesPerDay
                                  ? "24 hours"
                                  : format_time_of_day(hours.open_minute) + " to " +
                                        format_time_of_day(hours.close_minute);
    if (!text.empty())
      text += "; ";
    text += days + ", " + times;
    first = last + 1;
  }
  text = text.empty() ? "No regular opening hours." : text + ".";
  if (!schedule.holidays.empty())
    text += " Closed on bank holidays.";
  return text;
}

}  // namespace cairn::helpline
