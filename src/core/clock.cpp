#include "core/clock.hpp"

#include <cstdio>

namespace cairn {

std::string iso_date(std::chrono::system_clock::time_point t) {
  std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(t)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

}  // namespace cairn
