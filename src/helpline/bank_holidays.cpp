#include "helpline/bank_holidays.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "helpline/schedule.hpp"

namespace cairn::helpline {

namespace {

Error feed_error(std::string message) {
  return make_error(Errc::invalid_input, std::move(message));
}

std::string known_divisions(const nlohmann::json& feed) {
  std::string names;
  for (const auto& [key, value] : feed.items()) {
    if (!names.empty())
      names += ", ";
    names += key;
  }
  return names.empty() ? "none" : names;
}

}  // namespace

Result<BankHolidays> BankHolidays::parse(std::string_view json, std::string division) {
  nlohmann::json feed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (feed.is_discarded()) {
    return feed_error("bank holidays: the file is not valid JSON");
  }
  if (!feed.is_object()) {
    return feed_error(
        "bank holidays: expected a JSON object keyed by division, like GOV.UK's feed");
  }
  auto found = feed.find(division);
  if (found == feed.end()) {
    return feed_error("bank holidays: no division \"" + division +
                      "\" in the file (it has: " + known_divisions(feed) + ")");
  }
  if (!found->is_object() || !found->contains("events") || !(*found)["events"].is_array()) {
    return feed_error("bank holidays: division \"" + division + "\" has no \"events\" list");
  }

  BankHolidays holidays;
  holidays.division_ = division;
  std::size_t index = 0;
  for (const auto& event : (*found)["events"]) {
    const std::string where =
        "bank holidays: " + division + " event " + std::to_string(index++) + ": ";
    if (!event.is_object() || !event.contains("date") || !event["date"].is_string()) {
      return feed_error(where + "needs a \"date\" string");
    }
    const auto text = event["date"].get<std::string>();
    auto day = parse_iso_date(text);
    if (!day)
      return feed_error(where + day.error().message);
    std::string title = "Bank holiday";
    if (event.contains("title") && event["title"].is_string()) {
      title = event["title"].get<std::string>();
    }
    holidays.titles_[date::sys_days{*day}] = std::move(title);
  }
  return holidays;
}

Result<BankHolidays> BankHolidays::load(const std::filesystem::path& gov_uk_json,
                                        std::string division) {
  std::ifstream in(gov_uk_json, std::ios::binary);
  if (!in) {
    return make_error(Errc::not_found, "bank holidays: cannot read " + gov_uk_json.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = parse(text.str(), std::move(division));
  if (!parsed) {
    return make_error(parsed.error().code,
                      parsed.error().message + " (in " + gov_uk_json.string() + ")");
  }
  return parsed;
}

bool BankHolidays::contains(date::year_month_day day) const {
  return day.ok() && titles_.contains(date::sys_days{day});
}

std::optional<std::string> BankHolidays::title(date::year_month_day day) const {
  if (!day.ok())
    return std::nullopt;
  auto found = titles_.find(date::sys_days{day});
  if (found == titles_.end())
    return std::nullopt;
  return found->second;
}

std::optional<date::year_month_day> BankHolidays::last_date() const {
  if (titles_.empty())
    return std::nullopt;
  return date::year_month_day{titles_.rbegin()->first};
}

}  // namespace cairn::helpline
