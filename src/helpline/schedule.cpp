#include "helpline/schedule.hpp"

#include <date/tz.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <string_view>

#include "core/text.hpp"

namespace cairn::helpline {

namespace {

constexpr std::array<std::string_view, 7> kDayKeys = {"monday", "tuesday",  "wednesday", "thursday",
                                                      "friday", "saturday", "sunday"};
constexpr int kMinutesPerDay = 24 * 60;

Error invalid(std::string message) {
  return make_error(Errc::invalid_input, std::move(message));
}

std::string in_quotes(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// Digits only, no sign or spaces: from_chars alone would accept "+1" in some forms.
std::optional<int> parse_digits(std::string_view text) {
  if (text.empty() || text.size() > 4)
    return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// "9:00" / "17:30" / "24:00" -> minutes after midnight.
std::optional<int> parse_time_of_day(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2)
    return std::nullopt;
  auto minutes_text = text.substr(colon + 1);
  if (minutes_text.size() != 2)
    return std::nullopt;
  auto hour = parse_digits(text.substr(0, colon));
  auto minute = parse_digits(minutes_text);
  if (!hour || !minute || *minute > 59)
    return std::nullopt;
  int total = *hour * 60 + *minute;
  if (total > kMinutesPerDay)
    return std::nullopt;
  return total;
}

bool means_closed(std::string_view text) {
  auto trimmed = trim(text);
  return trimmed.empty() || to_lower_ascii(trimmed) == "closed";
}

}  // namespace

Result<DayHours> parse_day_hours(std::string_view text) {
  auto dash = text.find('-');
  if (dash == std::string_view::npos) {
    return invalid(in_quotes(text) + " is not a time range like \"09:00-17:00\"");
  }
  auto open_text = trim(text.substr(0, dash));
  auto close_text = trim(text.substr(dash + 1));
  auto open = parse_time_of_day(open_text);
  auto close = parse_time_of_day(close_text);
  if (!open || !close) {
    return invalid(in_quotes(text) + " is not a time range like \"09:00-17:00\"");
  }
  if (*open == kMinutesPerDay) {
    return invalid(in_quotes(text) + " opens at 24:00; write 00:00 for the start of a day");
  }
  if (*close <= *open) {
    return invalid(in_quotes(text) + " closes at " + std::string(close_text) +
                   ", not after it opens at " + std::string(open_text));
  }
  return DayHours{*open, *close};
}

Result<date::year_month_day> parse_iso_date(std::string_view text) {
  auto bad = [&] { return invalid(in_quotes(text) + " is not a date like \"2026-12-24\""); };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return bad();
  auto y = parse_digits(text.substr(0, 4));
  auto m = parse_digits(text.substr(5, 2));
  auto d = parse_digits(text.substr(8, 2));
  if (!y || !m || !d)
    return bad();
  date::year_month_day day{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                           date::day{static_cast<unsigned>(*d)}};
  if (!day.ok())
    return invalid(in_quotes(text) + " is not a real date");
  return day;
}

std::optional<DayHours> HelplineSchedule::hours_on(date::year_month_day day) const {
  for (const auto& special : special_days) {
    if (special.day == day)
      return special.hours;
  }
  if (holidays.contains(day))
    return std::nullopt;
  const date::weekday weekday{date::sys_days{day}};
  return weekly[weekday.iso_encoding() - 1];
}

std::string HelplineSchedule::note_on(date::year_month_day day) const {
  for (const auto& special : special_days) {
    if (special.day == day)
      return special.note;
  }
  return holidays.title(day).value_or("");
}

Result<HelplineSchedule> make_schedule(const std::map<std::string, std::string>& weekly,
                                       const std::vector<SpecialDayConfig>& special,
                                       BankHolidays holidays, std::string timezone) {
  HelplineSchedule schedule;
  try {
    date::locate_zone(timezone);
  } catch (const std::exception&) {
    return invalid("helpline timezone " + in_quotes(timezone) +
                   " is not a known time zone (use a name like \"Europe/London\")");
  }
  schedule.timezone = std::move(timezone);

  std::array<bool, 7> seen{};
  for (const auto& [name, hours_text] : weekly) {
    const std::string key = to_lower_ascii(trim(name));
    auto found = std::find(kDayKeys.begin(), kDayKeys.end(), key);
    if (found == kDayKeys.end()) {
      return invalid("helpline hours: " + in_quotes(name) +
                     " is not a day of the week (use monday to sunday)");
    }
    auto index = static_cast<std::size_t>(found - kDayKeys.begin());
    if (seen[index])
      return invalid("helpline hours: " + key + " is listed twice");
    seen[index] = true;
    if (means_closed(hours_text))
      continue;
    auto hours = parse_day_hours(trim(hours_text));
    if (!hours)
      return invalid("helpline hours for " + key + ": " + hours.error().message);
    schedule.weekly[index] = *hours;
  }

  for (const auto& config : special) {
    auto day = parse_iso_date(trim(config.date));
    if (!day)
      return invalid("helpline special day: " + day.error().message);
    for (const auto& earlier : schedule.special_days) {
      if (earlier.day == *day) {
        return invalid("helpline special day " + std::string(trim(config.date)) +
                       " is listed twice");
      }
    }
    SpecialDay special_day{*day, std::nullopt, std::string(trim(config.note))};
    if (!means_closed(config.hours)) {
      auto hours = parse_day_hours(trim(config.hours));
      if (!hours) {
        return invalid("helpline special day " + std::string(trim(config.date)) + ": " +
                       hours.error().message);
      }
      special_day.hours = *hours;
    }
    schedule.special_days.push_back(std::move(special_day));
  }

  schedule.holidays = std::move(holidays);
  return schedule;
}

}  // namespace cairn::helpline
