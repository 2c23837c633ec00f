// The helpline's opening hours: a weekly pattern in one time zone, dates that
// differ from it (special days), and bank holidays, on which it is closed.
#pragma once

#include <date/date.h>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "helpline/bank_holidays.hpp"

namespace cairn::helpline {

// One day's opening, in minutes after local midnight: 09:00-17:00 is {540, 1020}.
// close_minute may be 1440 (open until midnight); it is always after open_minute.
struct DayHours {
  int open_minute = 0;
  int close_minute = 0;
  friend bool operator==(const DayHours&, const DayHours&) = default;
};

// A date whose hours differ from the weekly pattern (and from a bank holiday on it).
struct SpecialDay {
  date::year_month_day day;
  std::optional<DayHours> hours;  // nullopt: closed all day
  std::string note;               // "Christmas Eve"
};

// A special day as written in site.yaml: date "2026-12-24", hours "09:00-13:00";
// hours empty or "closed" means closed that day.
struct SpecialDayConfig {
  std::string date;
  std::string hours;
  std::string note;
};

struct HelplineSchedule {
  std::string timezone = "Europe/London";         // IANA name; the hours are local times there
  std::array<std::optional<DayHours>, 7> weekly;  // index 0 = Monday; nullopt = closed
  std::vector<SpecialDay> special_days;
  BankHolidays holidays;  // closed on these unless a special day says otherwise

  // The hours on one local date (nullopt: closed), with special days first, then bank
  // holidays, then the weekly pattern.
  std::optional<DayHours> hours_on(date::year_month_day day) const;
  // Why a date differs from the weekly pattern: the special day's note or the bank
  // holiday's title; empty on an ordinary day.
  std::string note_on(date::year_month_day day) const;
};

// Builds a schedule from site.yaml's helpline section. `weekly` maps day names
// ("monday".."sunday", any case) to "HH:MM-HH:MM" or "closed"; a day not listed is
// closed. Errors (invalid_input) name the bad value: an unknown day, a time that is not
// HH:MM, a closing time not after the opening, a bad or repeated date, an unknown zone.
Result<HelplineSchedule> make_schedule(const std::map<std::string, std::string>& weekly,
                                       const std::vector<SpecialDayConfig>& special,
                                       BankHolidays holidays,
                                       std::string timezone = "Europe/London");

// "09:00-17:00" -> {540, 1020}. Hours may have one digit ("9:00"); "24:00" may only close.
Result<DayHours> parse_day_hours(std::string_view text);
// "2026-12-24" -> 2026-12-24; rejects dates that do not exist (2026-02-30).
Result<date::year_month_day> parse_iso_date(std::string_view text);

}  // namespace cairn::helpline
