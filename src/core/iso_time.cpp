#include "core/iso_time.hpp"

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

std::string iso_date(std::chrono::system_clock::time_point t) {
  return date::format("%F", date::floor<date::days>(t));
}

}  // namespace cairn
