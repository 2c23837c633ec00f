#include "helpline/schedule.hpp"

#include <gtest/gtest.h>

#include "helpline_test_support.hpp"

namespace cairn::helpline {
namespace {

using namespace date::literals;
using testing::weekdays_nine_to_five;

TEST(ParseDayHours, ReadsMinutesAfterMidnight) {
  auto hours = parse_day_hours("09:00-17:00");
  ASSERT_TRUE(hours.ok()) << hours.error().message;
  EXPECT_EQ(*hours, (DayHours{540, 1020}));
  EXPECT_EQ(*parse_day_hours("9:30 - 13:15"), (DayHours{570, 795}));
  EXPECT_EQ(*parse_day_hours("00:00-24:00"), (DayHours{0, 1440}));
}

struct BadHoursCase {
  const char* text;
  const char* message_part;
};

class ParseDayHoursRejects : public ::testing::TestWithParam<BadHoursCase> {};

TEST_P(ParseDayHoursRejects, WithAMessageQuotingTheValue) {
  auto hours = parse_day_hours(GetParam().text);
  ASSERT_FALSE(hours.ok()) << GetParam().text;
  EXPECT_EQ(hours.error().code, Errc::invalid_input);
  EXPECT_NE(hours.error().message.find(GetParam().message_part), std::string::npos)
      << hours.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    BadValues, ParseDayHoursRejects,
    ::testing::Values(BadHoursCase{"9-5", "not a time range"},
                      BadHoursCase{"09:00", "not a time range"},
                      BadHoursCase{"", "not a time range"},
                      BadHoursCase{"25:00-26:00", "not a time range"},
                      BadHoursCase{"09:60-17:00", "not a time range"},
                      BadHoursCase{"09:00-17:00x", "not a time range"},
                      BadHoursCase{"+9:00-17:00", "not a time range"},
                      BadHoursCase{"24:00-24:00", "opens at 24:00"},
                      BadHoursCase{"17:00-09:00", "closes at 09:00, not after it opens at 17:00"},
                      BadHoursCase{"09:00-09:00", "not after it opens"}));

TEST(ParseIsoDate, AcceptsRealDatesOnly) {
  EXPECT_EQ(*parse_iso_date("2026-12-24"), 2026_y / date::December / 24);
  EXPECT_TRUE(parse_iso_date("2028-02-29").ok());
  EXPECT_FALSE(parse_iso_date("2026-02-29").ok());
  EXPECT_FALSE(parse_iso_date("2026-13-01").ok());
  EXPECT_FALSE(parse_iso_date("24/12/2026").ok());
  EXPECT_FALSE(parse_iso_date("2026-12-24T09:00").ok());
}

TEST(MakeSchedule, BuildsTheWeekAndSpecialDays) {
  auto schedule = make_schedule(
      {{"Monday", "09:00-17:00"}, {"saturday", "10:00-12:00"}, {"sunday", "closed"}},
      {{"2026-12-24", "09:00-13:00", "Christmas Eve"}, {"2026-12-31", "closed", "New Year's Eve"}},
      BankHolidays{}, "Europe/London");
  ASSERT_TRUE(schedule.ok()) << schedule.error().message;
  EXPECT_EQ(schedule->timezone, "Europe/London");
  EXPECT_EQ(schedule->weekly[0], (DayHours{540, 1020}));
  EXPECT_EQ(schedule->weekly[1], std::nullopt);  // not listed: closed
  EXPECT_EQ(schedule->weekly[5], (DayHours{600, 720}));
  EXPECT_EQ(schedule->weekly[6], std::nullopt);
  ASSERT_EQ(schedule->special_days.size(), 2u);
  EXPECT_EQ(schedule->special_days[0].day, 2026_y / date::December / 24);
  EXPECT_EQ(schedule->special_days[0].hours, (DayHours{540, 780}));
  EXPECT_EQ(schedule->special_days[0].note, "Christmas Eve");
  EXPECT_EQ(schedule->special_days[1].hours, std::nullopt);
}

TEST(MakeSchedule, SpecialDayBeatsBankHolidayWhichBeatsTheWeek) {
  auto schedule =
      make_schedule(weekdays_nine_to_five(), {{"2026-12-28", "10:00-14:00", "Open for calls"}},
                    testing::real_holidays(), "Europe/London");
  ASSERT_TRUE(schedule.ok()) << schedule.error().message;
  EXPECT_EQ(schedule->hours_on(2026_y / date::December / 28), (DayHours{600, 840}));
  EXPECT_EQ(schedule->note_on(2026_y / date::December / 28), "Open for calls");
  EXPECT_EQ(schedule->hours_on(2026_y / date::December / 25), std::nullopt);
  EXPECT_EQ(schedule->note_on(2026_y / date::December / 25), "Christmas Day");
  EXPECT_EQ(schedule->hours_on(2026_y / date::December / 29), (DayHours{540, 1020}));
  EXPECT_EQ(schedule->note_on(2026_y / date::December / 29), "");
}

struct BadConfigCase {
  std::map<std::string, std::string> weekly;
  std::vector<SpecialDayConfig> special;
  std::string timezone;
  const char* message_part;
};

class MakeScheduleRejects : public ::testing::TestWithParam<BadConfigCase> {};

TEST_P(MakeScheduleRejects, NamingTheBadValue) {
  const auto& c = GetParam();
  auto schedule = make_schedule(c.weekly, c.special, BankHolidays{}, c.timezone);
  ASSERT_FALSE(schedule.ok()) << c.message_part;
  EXPECT_EQ(schedule.error().code, Errc::invalid_input);
  EXPECT_NE(schedule.error().message.find(c.message_part), std::string::npos)
      << schedule.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    BadConfig, MakeScheduleRejects,
    ::testing::Values(
        BadConfigCase{{{"mondy", "09:00-17:00"}}, {}, "Europe/London", "\"mondy\" is not a day"},
        BadConfigCase{{{"monday", "9-5"}}, {}, "Europe/London", "for monday: \"9-5\""},
        BadConfigCase{
            {{"friday", "17:00-09:00"}}, {}, "Europe/London", "for friday: \"17:00-09:00\" closes"},
        BadConfigCase{{{"Monday", "09:00-17:00"}, {"monday", "10:00-12:00"}},
                      {},
                      "Europe/London",
                      "monday is listed twice"},
        BadConfigCase{{}, {}, "Europe/Lundon", "\"Europe/Lundon\" is not a known time zone"},
        BadConfigCase{{}, {}, "", "not a known time zone"},
        BadConfigCase{
            {}, {{"2026-02-30", "closed", ""}}, "Europe/London", "\"2026-02-30\" is not a real"},
        BadConfigCase{{},
                      {{"2026-12-24", "09:00-13:00", ""}, {"2026-12-24", "closed", ""}},
                      "Europe/London",
                      "2026-12-24 is listed twice"},
        BadConfigCase{
            {}, {{"2026-12-24", "9am-1pm", ""}}, "Europe/London", "2026-12-24: \"9am-1pm\""}));

}  // namespace
}  // namespace cairn::helpline
