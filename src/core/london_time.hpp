// The charity's clock: UK time (Europe/London, GMT or BST) for what editors set
// and read, such as when a revision goes live or when review reminders go out.
// Instants stay UTC everywhere else (core/iso_time.hpp).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cairn {

// The instant it is `time` ("HH:MM") on `date` ("YYYY-MM-DD") in London; nothing when
// either is not written so or is not a real date or time. A time the clocks skip
// (01:30 on the spring change) is the instant they change; one they repeat (01:30 on
// the autumn change) is the first of the two.
std::optional<std::chrono::system_clock::time_point> london_instant(std::string_view date,
                                                                    std::string_view time);

struct LondonTime {
  std::string date;  // "2026-06-01"
  std::string time;  // "10:00"
};

// The London date and time of an instant, to the minute.
LondonTime london_time(std::chrono::system_clock::time_point t);

// "1 June 2030 at 10:00 UK time"
std::string uk_time_words(std::chrono::system_clock::time_point t);

// The latest instant at or before `now` when it was `hour`:00 on a Monday in London:
// the start of the week that weekly reminders belong to.
std::chrono::system_clock::time_point latest_london_monday(
    int hour, std::chrono::system_clock::time_point now);

}  // namespace cairn
