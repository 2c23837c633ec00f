#include "helpline/opening_status.hpp"

#include <gtest/gtest.h>

#include "helpline_test_support.hpp"

namespace cairn::helpline {
namespace {

using testing::real_holidays;
using testing::site_schedule;
using testing::utc;
using testing::weekdays_nine_to_five;

HelplineSchedule with_closures(std::vector<SpecialDayConfig> special) {
  auto schedule = make_schedule(weekdays_nine_to_five(), special, real_holidays(), "Europe/London");
  EXPECT_TRUE(schedule.ok()) << schedule.error().message;
  return schedule.ok() ? *schedule : HelplineSchedule{};
}

// --- An ordinary winter week (GMT, so local time = UTC) ---

TEST(StatusAt, MondayMorningIsOpenUntilFive) {
  auto status = status_at(site_schedule(), utc(2026, 2, 2, 10, 0));
  EXPECT_TRUE(status.open);
  EXPECT_EQ(status.line, "Open now, until 5pm");
  EXPECT_EQ(status.changes_at, utc(2026, 2, 2, 17, 0));
  EXPECT_EQ(status.note, "");
}

TEST(StatusAt, FridayAtFiveExactlyIsClosedUntilMonday) {
  auto status = status_at(site_schedule(), utc(2026, 2, 6, 17, 0));
  EXPECT_FALSE(status.open);
  EXPECT_EQ(status.line, "Closed now. Opens Monday at 9am");
  EXPECT_EQ(status.changes_at, utc(2026, 2, 9, 9, 0));
}

TEST(StatusAt, FridayOneMinuteBeforeFiveIsOpen) {
  auto status = status_at(site_schedule(), utc(2026, 2, 6, 16, 59));
  EXPECT_TRUE(status.open);
  EXPECT_EQ(status.line, "Open now, until 5pm");
  EXPECT_EQ(status.changes_at, utc(2026, 2, 6, 17, 0));
}

TEST(StatusAt, SaturdayOpensMonday) {
  auto status = status_at(site_schedule(), utc(2026, 2, 7, 12, 0));
  EXPECT_FALSE(status.open);
  EXPECT_EQ(status.line, "Closed now. Opens Monday at 9am");
}

TEST(StatusAt, WeekdayEveningOpensTomorrow) {
  auto status = status_at(site_schedule(), utc(2026, 2, 3, 18, 0));
  EXPECT_FALSE(status.open);
  EXPECT_EQ(status.line, "Closed now. Opens tomorrow at 9am");
  EXPECT_EQ(status.changes_at, utc(2026, 2, 4, 9, 0));
}

TEST(StatusAt, SundayMidnightInWinter) {
  EXPECT_EQ(status_at(site_schedule(), utc(2026, 2, 8, 23, 59)).line,
            "Closed now. Opens tomorrow at 9am");
  auto monday = status_at(site_schedule(), utc(2026, 2, 9, 0, 0));
  EXPECT_EQ(monday.line, "Closed now. Opens today at 9am");
  EXPECT_EQ(monday.changes_at, utc(2026, 2, 9, 9, 0));
}

// In summer, local midnight is 23:00 UTC: the day changes by the London clock.
TEST(StatusAt, SundayMidnightInSummerUsesLondonTime) {
  auto sunday = status_at(site_schedule(), utc(2026, 6, 14, 22, 59));  // 23:59 BST Sunday
  EXPECT_EQ(sunday.line, "Closed now. Opens tomorrow at 9am");
  EXPECT_EQ(sunday.changes_at, utc(2026, 6, 15, 8, 0));
  auto monday = status_at(site_schedule(), utc(2026, 6, 14, 23, 0));  // 00:00 BST Monday
  EXPECT_EQ(monday.line, "Closed now. Opens today at 9am");
  EXPECT_EQ(monday.changes_at, utc(2026, 6, 15, 8, 0));
}

// --- Clock changes: 29 March and 25 October 2026 ---

TEST(StatusAt, FirstMondayOfSummerTimeOpensAtEightUtc) {
  auto before = status_at(site_schedule(), utc(2026, 3, 30, 7, 30));  // 08:30 BST
  EXPECT_FALSE(before.open);
  EXPECT_EQ(before.line, "Closed now. Opens today at 9am");
  EXPECT_EQ(before.changes_at, utc(2026, 3, 30, 8, 0));

  auto after = status_at(site_schedule(), utc(2026, 3, 30, 8, 30));  // 09:30 BST
  EXPECT_TRUE(after.open);
  EXPECT_EQ(after.line, "Open now, until 5pm");
  EXPECT_EQ(after.changes_at, utc(2026, 3, 30, 16, 0));
}

TEST(StatusAt, FridayBeforeTheSpringChangeOpensMondayInSummerTime) {
  auto friday = status_at(site_schedule(), utc(2026, 3, 27, 16, 30));  // 16:30 GMT
  EXPECT_TRUE(friday.open);
  EXPECT_EQ(friday.changes_at, utc(2026, 3, 27, 17, 0));

  auto evening = status_at(site_schedule(), utc(2026, 3, 27, 17, 0));
  EXPECT_EQ(evening.line, "Closed now. Opens Monday at 9am");
  EXPECT_EQ(evening.changes_at, utc(2026, 3, 30, 8, 0));  // 9am BST
}

TEST(StatusAt, AutumnChangeBackToGmt) {
  auto friday = status_at(site_schedule(), utc(2026, 10, 23, 15, 59));  // 16:59 BST
  EXPECT_TRUE(friday.open);
  EXPECT_EQ(friday.changes_at, utc(2026, 10, 23, 16, 0));

  auto evening = status_at(site_schedule(), utc(2026, 10, 23, 16, 0));  // 17:00 BST
  EXPECT_FALSE(evening.open);
  EXPECT_EQ(evening.line, "Closed now. Opens Monday at 9am");
  EXPECT_EQ(evening.changes_at, utc(2026, 10, 26, 9, 0));  // 9am GMT

  EXPECT_EQ(status_at(site_schedule(), utc(2026, 10, 25, 23, 59)).line,
            "Closed now. Opens tomorrow at 9am");
  EXPECT_FALSE(status_at(site_schedule(), utc(2026, 10, 26, 8, 30)).open);
  auto monday = status_at(site_schedule(), utc(2026, 10, 26, 9, 0));
  EXPECT_TRUE(monday.open);
  EXPECT_EQ(monday.changes_at, utc(2026, 10, 26, 17, 0));
}

// --- Bank holidays from the real file ---

TEST(StatusAt, EasterWeekendIsClosedUntilTuesday) {
  auto thursday = status_at(site_schedule(), utc(2026, 4, 2, 16, 0));  // 17:00 BST
  EXPECT_EQ(thursday.line, "Closed now. Opens Tuesday at 9am");
  EXPECT_EQ(thursday.changes_at, utc(2026, 4, 7, 8, 0));

  auto good_friday = status_at(site_schedule(), utc(2026, 4, 3, 10, 0));
  EXPECT_FALSE(good_friday.open);
  EXPECT_EQ(good_friday.note, "Good Friday");
  EXPECT_EQ(good_friday.line, "Closed now. Opens Tuesday at 9am");

  auto easter_monday = status_at(site_schedule(), utc(2026, 4, 6, 9, 0));  // 10:00 BST
  EXPECT_FALSE(easter_monday.open);
  EXPECT_EQ(easter_monday.note, "Easter Monday");
  EXPECT_EQ(easter_monday.line, "Closed now. Opens tomorrow at 9am");
  EXPECT_EQ(easter_monday.changes_at, utc(2026, 4, 7, 8, 0));
}

// 24 Dec 2026 is a Thursday with special hours 9 to 1; 25 Dec (Fri) and 28 Dec (Mon,
// substitute Boxing Day) are bank holidays; 26 and 27 are the weekend.
TEST(StatusAt, ChristmasEveClosesAtOne) {
  auto morning = status_at(site_schedule(), utc(2026, 12, 24, 10, 0));
  EXPECT_TRUE(morning.open);
  EXPECT_EQ(morning.line, "Open now, until 1pm");
  EXPECT_EQ(morning.changes_at, utc(2026, 12, 24, 13, 0));
  EXPECT_EQ(morning.note, "Christmas Eve");
}

TEST(StatusAt, ChristmasEveAfternoonOpensTuesdayTwentyNinth) {
  auto afternoon = status_at(site_schedule(), utc(2026, 12, 24, 13, 30));
  EXPECT_FALSE(afternoon.open);
  EXPECT_EQ(afternoon.line, "Closed now. Opens Tuesday at 9am");
  EXPECT_EQ(afternoon.changes_at, utc(2026, 12, 29, 9, 0));

  auto christmas = status_at(site_schedule(), utc(2026, 12, 25, 12, 0));
  EXPECT_EQ(christmas.note, "Christmas Day");
  EXPECT_EQ(christmas.line, "Closed now. Opens Tuesday at 9am");

  auto boxing_day = status_at(site_schedule(), utc(2026, 12, 28, 10, 0));
  EXPECT_FALSE(boxing_day.open);
  EXPECT_EQ(boxing_day.note, "Boxing Day");
  EXPECT_EQ(boxing_day.line, "Closed now. Opens tomorrow at 9am");
}

TEST(StatusAt, SpecialDayCanOpenOnABankHoliday) {
  auto schedule = with_closures({{"2026-12-28", "10:00-12:30", "Extra cover"}});
  auto status = status_at(schedule, utc(2026, 12, 28, 11, 0));
  EXPECT_TRUE(status.open);
  EXPECT_EQ(status.line, "Open now, until 12:30pm");
  EXPECT_EQ(status.note, "Extra cover");
}

// --- How far ahead the next opening is ---

TEST(StatusAt, MoreThanSixDaysAheadNamesTheDate) {
  // Closed between Christmas and New Year: from Christmas Eve afternoon the next
  // opening is Monday 4 January 2027 (1 January is a bank holiday).
  auto schedule = with_closures({{"2026-12-24", "09:00-13:00", "Christmas Eve"},
                                 {"2026-12-29", "closed", "Christmas break"},
                                 {"2026-12-30", "closed", "Christmas break"},
                                 {"2026-12-31", "", "Christmas break"}});
  auto status = status_at(schedule, utc(2026, 12, 24, 13, 30));
  EXPECT_EQ(status.line, "Closed now. Opens on Monday 4 January at 9am");
  EXPECT_EQ(status.changes_at, utc(2027, 1, 4, 9, 0));
}

TEST(StatusAt, SixDaysAheadStillUsesTheWeekday) {
  auto schedule = with_closures(
      {{"2026-02-04", "closed", ""}, {"2026-02-05", "closed", ""}, {"2026-02-06", "closed", ""}});
  // Tuesday 3 Feb 17:00 -> Monday 9 Feb is six days on.
  EXPECT_EQ(status_at(schedule, utc(2026, 2, 3, 17, 0)).line, "Closed now. Opens Monday at 9am");
  // Monday 2 Feb 17:00 -> with Tuesday closed too, Monday 9 Feb is seven days on.
  auto longer = with_closures({{"2026-02-03", "closed", ""},
                               {"2026-02-04", "closed", ""},
                               {"2026-02-05", "closed", ""},
                               {"2026-02-06", "closed", ""}});
  EXPECT_EQ(status_at(longer, utc(2026, 2, 2, 17, 0)).line,
            "Closed now. Opens on Monday 9 February at 9am");
}

TEST(StatusAt, NeverOpensSaysOnlyClosed) {
  auto schedule = make_schedule({}, {}, BankHolidays{}, "Europe/London");
  ASSERT_TRUE(schedule.ok());
  const auto now = utc(2026, 2, 2, 10, 0);
  auto status = status_at(*schedule, now);
  EXPECT_FALSE(status.open);
  EXPECT_EQ(status.line, "Closed now.");
  EXPECT_GT(status.changes_at, now + std::chrono::hours(24 * 30));
}

// --- Other hours and zones ---

TEST(StatusAt, UsesTheScheduleTimeZone) {
  auto schedule =
      make_schedule({{"monday", "09:00-17:00"}}, {}, BankHolidays{}, "America/New_York");
  ASSERT_TRUE(schedule.ok());
  auto status = status_at(*schedule, utc(2026, 3, 30, 14, 0));  // 10:00 EDT
  EXPECT_TRUE(status.open);
  EXPECT_EQ(status.changes_at, utc(2026, 3, 30, 21, 0));
  EXPECT_FALSE(status_at(*schedule, utc(2026, 3, 30, 12, 59)).open);  // 08:59 EDT
}

TEST(StatusAt, EveningLineOpenUntilMidnight) {
  auto schedule = make_schedule({{"monday", "18:00-24:00"}}, {}, BankHolidays{}, "Europe/London");
  ASSERT_TRUE(schedule.ok());
  auto status = status_at(*schedule, utc(2026, 2, 2, 20, 0));
  EXPECT_EQ(status.line, "Open now, until midnight");
  EXPECT_EQ(status.changes_at, utc(2026, 2, 3, 0, 0));
}

TEST(StatusAt, DaysOpenRoundTheClockJoinUp) {
  std::map<std::string, std::string> weekly;
  for (const auto& day : {"monday", "tuesday", "wednesday", "thursday", "friday"}) {
    weekly[day] = "00:00-24:00";
  }
  auto schedule = make_schedule(weekly, {}, BankHolidays{}, "Europe/London");
  ASSERT_TRUE(schedule.ok());
  auto status = status_at(*schedule, utc(2026, 2, 2, 10, 0));
  EXPECT_TRUE(status.open);
  EXPECT_EQ(status.line, "Open now, until Friday at midnight");
  EXPECT_EQ(status.changes_at, utc(2026, 2, 7, 0, 0));

  weekly["saturday"] = weekly["sunday"] = "00:00-24:00";
  auto always = make_schedule(weekly, {}, BankHolidays{}, "Europe/London");
  ASSERT_TRUE(always.ok());
  EXPECT_EQ(status_at(*always, utc(2026, 2, 2, 10, 0)).line, "Open now.");
}

// --- Words ---

TEST(FormatTimeOfDay, ReadsLikeTheNhsStyleGuide) {
  EXPECT_EQ(format_time_of_day(9 * 60), "9am");
  EXPECT_EQ(format_time_of_day(17 * 60), "5pm");
  EXPECT_EQ(format_time_of_day(13 * 60 + 30), "1:30pm");
  EXPECT_EQ(format_time_of_day(9 * 60 + 5), "9:05am");
  EXPECT_EQ(format_time_of_day(12 * 60), "midday");
  EXPECT_EQ(format_time_of_day(12 * 60 + 30), "12:30pm");
  EXPECT_EQ(format_time_of_day(0), "midnight");
  EXPECT_EQ(format_time_of_day(24 * 60), "midnight");
  EXPECT_EQ(format_time_of_day(30), "12:30am");
}

TEST(DescribeHours, SiteScheduleGroupsTheWorkingWeek) {
  EXPECT_EQ(describe_hours(site_schedule()),
            "Monday to Friday, 9am to 5pm. Closed on bank holidays.");
}

TEST(DescribeHours, DifferentHoursMakeSeparateGroups) {
  auto schedule = make_schedule({{"monday", "09:00-17:00"},
                                 {"tuesday", "09:00-17:00"},
                                 {"wednesday", "09:00-17:00"},
                                 {"thursday", "09:00-17:00"},
                                 {"friday", "09:00-13:30"},
                                 {"saturday", "10:00-12:00"},
                                 {"sunday", "10:00-12:00"}},
                                {}, BankHolidays{}, "Europe/London");
  ASSERT_TRUE(schedule.ok());
  EXPECT_EQ(describe_hours(*schedule),
            "Monday to Thursday, 9am to 5pm; Friday, 9am to 1:30pm; "
            "Saturday and Sunday, 10am to midday.");
}

TEST(DescribeHours, GapsAndWholeWeeks) {
  auto gaps = make_schedule({{"monday", "09:00-17:00"}, {"wednesday", "09:00-17:00"}}, {},
                            BankHolidays{}, "Europe/London");
  ASSERT_TRUE(gaps.ok());
  EXPECT_EQ(describe_hours(*gaps), "Monday, 9am to 5pm; Wednesday, 9am to 5pm.");

  std::map<std::string, std::string> every_day;
  for (const auto& day :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
    every_day[day] = "00:00-24:00";
  }
  auto always = make_schedule(every_day, {}, BankHolidays{}, "Europe/London");
  ASSERT_TRUE(always.ok());
  EXPECT_EQ(describe_hours(*always), "Every day, 24 hours.");

  auto never = make_schedule({}, {}, BankHolidays{}, "Europe/London");
  ASSERT_TRUE(never.ok());
  EXPECT_EQ(describe_hours(*never), "No regular opening hours.");
}

}  // namespace
}  // namespace cairn::helpline
