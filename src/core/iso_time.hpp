// Instants written the ISO 8601 way, always in UTC: "2026-03-03T09:15:00Z" for
// stored and logged times, "2026-03-03" for days (pages, reviews, feedback).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cairn {

// "2026-03-03T09:15:00Z": to the second (a part second is dropped), Z for UTC.
std::string iso_date_time(std::int64_t unix_seconds);
std::string iso_date_time(std::chrono::system_clock::time_point t);

// "2026-03-03T09:15:00Z" -> that instant; nothing for anything else.
std::optional<std::chrono::system_clock::time_point> parse_iso_date_time(std::string_view text);

// "2026-03-03": the UTC calendar day of an instant.
std::string iso_date(std::int64_t unix_seconds);
std::string iso_date(std::chrono::system_clock::time_point t);

// "2023-08-30" -> "30 August 2023", "2023-08" -> "August 2023" (the registry
// dates some things to the month); other text is returned as it is.
std::string format_date(std::string_view iso_date);

}  // namespace cairn
