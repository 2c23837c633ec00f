// Bank holidays from a GOV.UK bank-holidays feed (one division of it), so the
// helpline's hours can skip them.
#pragma once

#include <date/date.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace cairn::helpline {

class BankHolidays {
 public:
  static constexpr std::string_view kDefaultDivision = "england-and-wales";

  // An empty set: no day is a bank holiday.
  BankHolidays() = default;

  // Reads a file shaped like https://www.gov.uk/bank-holidays.json:
  // {"england-and-wales": {"division": ..., "events": [{"title", "date", "notes", "bunting"}]},
  //  "scotland": ..., "northern-ireland": ...}. Only `division` is read; others may be absent.
  static Result<BankHolidays> load(const std::filesystem::path& gov_uk_json,
                                   std::string division = std::string(kDefaultDivision));
  static Result<BankHolidays> parse(std::string_view json,
                                    std::string division = std::string(kDefaultDivision));

  bool contains(date::year_month_day day) const;
  // The holiday's name ("Boxing Day"), or nullopt on an ordinary day.
  std::optional<std::string> title(date::year_month_day day) const;

  std::size_t size() const { return titles_.size(); }
  bool empty() const { return titles_.empty(); }
  const std::string& division() const { return division_; }
  // The last date the feed knows about: after it, no day counts as a bank holiday,
  // so the app can warn when the file needs a newer copy.
  std::optional<date::year_month_day> last_date() const;

 private:
  std::string division_;
  std::map<date::sys_days, std::string> titles_;
};

}  // namespace cairn::helpline
