#include "core/iso_time.hpp"

#include <array>
#include <cstdlib>
#include <sstream>

#include <date/date.h>

namespace cairn {

namespace {

// Seconds since 1970 as a time point of whole seconds: no nanosecond clock to overflow.
date::sys_seconds from_unix(std::int64_t unix_seconds) {
  return date::sys_seconds{std::chrono::seconds{unix_seconds}};
}

}  // namespace

std::string iso_date_time(std::int64_t unix_seconds) {
  return date::format("%FT%TZ", from_unix(unix_seconds));
}

std::string iso_date_time(std::chrono::system_clock::time_point t) {
  return date::format("%FT%TZ", date::floor<std::chrono::seconds>(t));
}

std::string iso_date(std::int64_t unix_seconds) {
  return date::format("%F", date::floor<date::days>(from_unix(unix_seconds)));
}

std::optional<std::chrono::system_clock::time_point> parse_iso_date_time(std::string_view text) {
  if (text.size() != 20 || text.back() != 'Z')
    return std::nullopt;
  std::istringstream in{std::string(text)};
  date::sys_seconds t;
  in >> date::parse("%Y-%m-%dT%H:%M:%SZ", t);
  if (in.fail())
    return std::nullopt;
  return std::chrono::time_point_cast<std::chrono::system_clock::duration>(t);
}

std::string iso_date(std::chrono::system_clock::time_point t) {
  return date::format("%F", date::floor<date::days>(t));
}

std::string format_date(std::string_view iso) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if ((iso.size() != 10 && iso.size() != 7) || iso[4] != '-' || (iso.size() == 10 && iso[7] != '-'))
    return std::string(iso);
  int month = std::atoi(std::string(iso.substr(5, 2)).c_str());
  if (month < 1 || month > 12)
    return std::string(iso);
  std::string month_year = std::string(kMonths[month - 1]) + " " + std::string(iso.substr(0, 4));
  if (iso.size() == 7)
    return month_year;
  int day = std::atoi(std::string(iso.substr(8, 2)).c_str());
  if (day < 1)
    return std::string(iso);
  return std::to_string(day) + " " + month_year;
}

}  // namespace cairn
