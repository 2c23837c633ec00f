#include <gtest/gtest.h>

#include <date/date.h>

#include "helpline/upcoming_changes.hpp"

namespace cairn::helpline {
namespace {

HelplineSchedule christmas_schedule() {
  auto holidays = BankHolidays::load(std::string(CAIRN_SHARED_DATA) + "/holidays/bank-holidays.json");
  EXPECT_TRUE(holidays.ok());
  std::map<std::string, std::string> weekly;
  for (auto d : {"monday", "tuesday", "wednesday", "thursday", "friday"}) weekly[d] = "09:00-17:00";
  auto schedule = make_schedule(weekly, {{"2026-12-24", "09:00-13:00", "Christmas Eve"}},
                                holidays.value(), "Europe/London");
  EXPECT_TRUE(schedule.ok());
  return schedule.value();
}

TEST(UpcomingChanges, ListsChristmasDaysInOrder) {
  auto schedule = christmas_schedule();
  auto now = date::sys_days{date::year{2026} / 12 / 20} + std::chrono::hours(10);
  auto days = upcoming_changes(schedule, now, 14);
  ASSERT_GE(days.size(), 3u);
  EXPECT_EQ(days[0].day, "Thursday 24 December");
  EXPECT_EQ(days[0].hours, "9am to 1pm");
  EXPECT_EQ(days[0].note, "Christmas Eve");
  EXPECT_EQ(days[1].day, "Friday 25 December");
  EXPECT_EQ(days[1].hours, "Closed");
  EXPECT_EQ(days[2].day, "Monday 28 December");
  EXPECT_EQ(days[2].hours, "Closed");
}

TEST(UpcomingChanges, AnOrdinaryFortnightHasNone) {
  auto schedule = christmas_schedule();
  auto now = date::sys_days{date::year{2026} / 11 / 2} + std::chrono::hours(10);
  EXPECT_TRUE(upcoming_changes(schedule, now, 14).empty());
}

}  // namespace
}  // namespace cairn::helpline
