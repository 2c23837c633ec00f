// Shared by the helpline tests: instants written as UTC dates, and the schedule from
// docs/content-format.md (Mon-Fri 09:00-17:00, Christmas Eve 09:00-13:00, real holidays).
#pragma once

#include <date/date.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "helpline/bank_holidays.hpp"
#include "helpline/schedule.hpp"

namespace cairn::helpline::testing {

inline std::chrono::system_clock::time_point utc(int y, unsigned m, unsigned d, int hour,
                                                 int minute = 0) {
  const auto day = date::sys_days{date::year{y} / date::month{m} / date::day{d}};
  return std::chrono::time_point_cast<std::chrono::system_clock::duration>(
      day + std::chrono::hours{hour} + std::chrono::minutes{minute});
}

inline std::string real_holidays_path() {
  return std::string(CAIRN_SHARED_DATA) + "/holidays/bank-holidays.json";
}

inline std::string fixture(const std::string& name) {
  return std::string(CAIRN_TEST_DATA) + "/helpline/" + name;
}

inline BankHolidays real_holidays() {
  auto holidays = BankHolidays::load(real_holidays_path());
  EXPECT_TRUE(holidays.ok()) << holidays.error().message;
  return holidays.ok() ? *holidays : BankHolidays{};
}

inline std::map<std::string, std::string> weekdays_nine_to_five() {
  return {{"monday", "09:00-17:00"},
          {"tuesday", "09:00-17:00"},
          {"wednesday", "09:00-17:00"},
          {"thursday", "09:00-17:00"},
          {"friday", "09:00-17:00"}};
}

// The helpline as site.yaml describes it.
inline HelplineSchedule site_schedule() {
  auto schedule =
      make_schedule(weekdays_nine_to_five(), {{"2026-12-24", "09:00-13:00", "Christmas Eve"}},
                    real_holidays(), "Europe/London");
  EXPECT_TRUE(schedule.ok()) << schedule.error().message;
  return schedule.ok() ? *schedule : HelplineSchedule{};
}

}  // namespace cairn::helpline::testing
