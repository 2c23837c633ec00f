#include "core/london_time.hpp"

#include <date/tz.h>

#include <charconv>

#include "core/iso_time.hpp"

namespace cairn {

namespace {

const date::time_zone& london() {
  static const date::time_zone* zone = date::locate_zone("Europe/London");
  return *zone;
}

bool number(std::string_view text, size_t from, size_t len, unsigned& out) {
  if (from + len > text.size())
    return false;
  for (size_t i = from; i < from + len; ++i) {
    if (text[i] < '0' || text[i] > '9')
      return false;
  }
  std::from_chars(text.data() + from, text.data() + from + len, out);
  return true;
}

std::chrono::system_clock::time_point at_local(date::local_seconds local) {
  return std::chrono::time_point_cast<std::chrono::system_clock::duration>(
      london().to_sys(local, date::choose::earliest));
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> london_instant(std::string_view day,
                                                                    std::string_view time) {
  unsigned y = 0, m = 0, d = 0, hh = 0, mm = 0;
  if (day.size() != 10 || day[4] != '-' || day[7] != '-' || !number(day, 0, 4, y) ||
      !number(day, 5, 2, m) || !number(day, 8, 2, d))
    return std::nullopt;
  if (time.size() != 5 || time[2] != ':' || !number(time, 0, 2, hh) || !number(time, 3, 2, mm) ||
      hh > 23 || mm > 59)
    return std::nullopt;
  date::year_month_day ymd{date::year{static_cast<int>(y)}, date::month{m}, date::day{d}};
  if (!ymd.ok())
    return std::nullopt;
  return at_local(date::local_days{ymd} + std::chrono::hours(hh) + std::chrono::minutes(mm));
}

LondonTime london_time(std::chrono::system_clock::time_point t) {
  auto local = london().to_local(std::chrono::floor<std::chrono::minutes>(t));
  auto day = std::chrono::floor<date::days>(local);
  return {date::format("%F", day), date::format("%H:%M", local)};
}

std::string uk_time_words(std::chrono::system_clock::time_point t) {
  auto local = london_time(t);
  return format_date(local.date) + " at " + local.time + " UK time";
}

std::chrono::system_clock::time_point latest_london_monday(
    int hour, std::chrono::system_clock::time_point now) {
  auto local = london().to_local(std::chrono::floor<std::chrono::seconds>(now));
  date::local_days day = std::chrono::floor<date::days>(local);
  // Back to this week's Monday (or today), then a week further if that is still to come.
  date::weekday wd{day};
  day -= (wd - date::Monday);
  auto slot = at_local(date::local_seconds{day} + std::chrono::hours(hour));
  if (slot > now)
    slot = at_local(date::local_seconds{day - date::days(7)} + std::chrono::hours(hour));
  return slot;
}

}  // namespace cairn
