// When the daily trial sync is due: at the hour in Europe/London whatever the
// season (and on the days the clocks change), once a day, and at once when it
// has never run or the server was down at the hour.
#include "app/daily_trial_sync.hpp"

#include <gtest/gtest.h>

#include "core/iso_time.hpp"

namespace cairn::app {
namespace {

using namespace std::chrono;

system_clock::time_point utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return sys_days(year(y) / month(m) / day(d)) + hours(h) + minutes(min);
}

std::string latest(int hour, system_clock::time_point now) {
  return iso_date_time(latest_sync_hour(hour, now));
}

TEST(DailyTrialSync, TheHourIsLondonTimeInWinterAndSummer) {
  EXPECT_EQ(latest(3, utc(2026, 12, 3, 10)), "2026-12-03T03:00:00Z");  // GMT
  EXPECT_EQ(latest(3, utc(2026, 12, 3, 3)), "2026-12-03T03:00:00Z");   // on the hour
  EXPECT_EQ(latest(3, utc(2026, 12, 3, 2, 59)), "2026-12-02T03:00:00Z");
  EXPECT_EQ(latest(3, utc(2026, 7, 1, 10)), "2026-07-01T02:00:00Z");  // BST
  EXPECT_EQ(latest(23, utc(2026, 7, 1, 22, 30)), "2026-07-01T22:00:00Z");
  EXPECT_EQ(latest(23, utc(2026, 7, 1, 21, 30)), "2026-06-30T22:00:00Z");
  EXPECT_EQ(latest(0, utc(2026, 7, 1, 0, 30)), "2026-06-30T23:00:00Z");  // midnight BST
}

TEST(DailyTrialSync, TheDaysTheClocksChangeStillHaveTheirHour) {
  // 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:00 never comes; the change stands for it.
  EXPECT_EQ(latest(1, utc(2026, 3, 29, 12)), "2026-03-29T01:00:00Z");
  EXPECT_EQ(latest(3, utc(2026, 3, 29, 12)), "2026-03-29T02:00:00Z");
  // 25 October 2026: 01:00 comes twice; the first.
  EXPECT_EQ(latest(1, utc(2026, 10, 25, 12)), "2026-10-25T00:00:00Z");
  EXPECT_EQ(latest(3, utc(2026, 10, 25, 12)), "2026-10-25T03:00:00Z");
}

TEST(DailyTrialSync, TheNextHourIsADayOnWhateverTheDaysLength) {
  auto next = [](int hour, system_clock::time_point now) {
    return iso_date_time(next_sync_hour(hour, now));
  };
  EXPECT_EQ(next(3, utc(2026, 12, 3, 10)), "2026-12-04T03:00:00Z");
  EXPECT_EQ(next(3, utc(2026, 12, 3, 2)), "2026-12-03T03:00:00Z");
  EXPECT_EQ(next(3, utc(2026, 12, 3, 3)), "2026-12-04T03:00:00Z");  // not the one now
  // Just after 03:00 BST the day before the clocks go back: 25 hours to 03:00 GMT.
  EXPECT_EQ(next(3, utc(2026, 10, 24, 2, 1)), "2026-10-25T03:00:00Z");
  // And before they go forward: 23 hours to 03:00 BST.
  EXPECT_EQ(next(3, utc(2026, 3, 28, 3, 1)), "2026-03-29T02:00:00Z");
}

TEST(DailyTrialSync, DueOnceADayAndAtOnceWhenNeverRunOrMissed) {
  const auto morning = utc(2026, 12, 3, 10);
  EXPECT_TRUE(trial_sync_due(3, "", morning)) << "never run: at once";
  EXPECT_FALSE(trial_sync_due(3, "2026-12-03T03:04:10Z", morning)) << "ran at 3 today";
  EXPECT_FALSE(trial_sync_due(3, "2026-12-03T09:00:00Z", morning)) << "ran by hand this morning";
  EXPECT_TRUE(trial_sync_due(3, "2026-12-03T02:59:59Z", morning)) << "last ran before today's hour";
  EXPECT_TRUE(trial_sync_due(3, "2026-12-01T03:04:10Z", morning)) << "the server was down at 3";
  EXPECT_FALSE(trial_sync_due(3, "2026-12-03T03:04:10Z", utc(2026, 12, 4, 2, 59)));
  EXPECT_TRUE(trial_sync_due(3, "2026-12-03T03:04:10Z", utc(2026, 12, 4, 3)));
}

}  // namespace
}  // namespace cairn::app
