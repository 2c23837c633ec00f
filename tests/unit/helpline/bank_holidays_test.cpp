#include "helpline/bank_holidays.hpp"

#include <gtest/gtest.h>

#include "helpline_test_support.hpp"

namespace cairn::helpline {
namespace {

using namespace date::literals;
using testing::fixture;
using testing::real_holidays_path;

TEST(BankHolidays, RealFeedHasEasterAndChristmas2026) {
  auto holidays = BankHolidays::load(real_holidays_path());
  ASSERT_TRUE(holidays.ok()) << holidays.error().message;
  EXPECT_EQ(holidays->division(), "england-and-wales");
  EXPECT_TRUE(holidays->contains(2026_y / date::April / 6));
  EXPECT_EQ(holidays->title(2026_y / date::April / 6), "Easter Monday");
  EXPECT_EQ(holidays->title(2026_y / date::December / 25), "Christmas Day");
  // 26 December 2026 is a Saturday: the holiday moves to Monday 28.
  EXPECT_FALSE(holidays->contains(2026_y / date::December / 26));
  EXPECT_EQ(holidays->title(2026_y / date::December / 28), "Boxing Day");
  EXPECT_FALSE(holidays->contains(2026_y / date::April / 7));
  EXPECT_EQ(holidays->title(2026_y / date::April / 7), std::nullopt);
  EXPECT_EQ(holidays->last_date(), 2027_y / date::December / 28);
}

TEST(BankHolidays, NewerFeedWithAllDivisionsReadsTheOneAskedFor) {
  const auto path = fixture("bank-holidays-all-divisions.json");
  auto england = BankHolidays::load(path);
  auto scotland = BankHolidays::load(path, "scotland");
  auto northern_ireland = BankHolidays::load(path, "northern-ireland");
  ASSERT_TRUE(england.ok()) << england.error().message;
  ASSERT_TRUE(scotland.ok()) << scotland.error().message;
  ASSERT_TRUE(northern_ireland.ok()) << northern_ireland.error().message;

  EXPECT_EQ(england->size(), 8u);
  EXPECT_FALSE(england->contains(2026_y / date::January / 2));
  EXPECT_TRUE(england->contains(2026_y / date::April / 6));

  EXPECT_EQ(scotland->title(2026_y / date::January / 2), "2nd January");
  EXPECT_FALSE(scotland->contains(2026_y / date::April / 6));  // no Easter Monday there

  EXPECT_EQ(northern_ireland->title(2026_y / date::March / 17), "St Patrick’s Day");
  EXPECT_FALSE(england->contains(2026_y / date::March / 17));
}

TEST(BankHolidays, MissingDivisionSaysWhichOnesExist) {
  auto holidays = BankHolidays::load(real_holidays_path(), "scotland");
  ASSERT_FALSE(holidays.ok());
  EXPECT_EQ(holidays.error().code, Errc::invalid_input);
  EXPECT_NE(holidays.error().message.find("\"scotland\""), std::string::npos)
      << holidays.error().message;
  EXPECT_NE(holidays.error().message.find("england-and-wales"), std::string::npos)
      << holidays.error().message;
}

TEST(BankHolidays, BrokenJsonIsAClearErrorNamingTheFile) {
  const auto path = fixture("bank-holidays-broken.json");
  auto holidays = BankHolidays::load(path);
  ASSERT_FALSE(holidays.ok());
  EXPECT_EQ(holidays.error().code, Errc::invalid_input);
  EXPECT_NE(holidays.error().message.find("not valid JSON"), std::string::npos)
      << holidays.error().message;
  EXPECT_NE(holidays.error().message.find(path), std::string::npos) << holidays.error().message;
}

TEST(BankHolidays, ImpossibleEventDateIsRejected) {
  auto holidays = BankHolidays::load(fixture("bank-holidays-bad-date.json"));
  ASSERT_FALSE(holidays.ok());
  EXPECT_NE(holidays.error().message.find("2026-02-30"), std::string::npos)
      << holidays.error().message;
}

TEST(BankHolidays, DivisionWithoutEventsIsRejected) {
  auto holidays = BankHolidays::load(fixture("bank-holidays-no-events.json"));
  ASSERT_FALSE(holidays.ok());
  EXPECT_NE(holidays.error().message.find("\"events\""), std::string::npos)
      << holidays.error().message;
}

TEST(BankHolidays, WrongShapesAreRejected) {
  EXPECT_FALSE(BankHolidays::parse("[]", "england-and-wales").ok());
  EXPECT_FALSE(BankHolidays::parse(R"({"england-and-wales": []})", "england-and-wales").ok());
  EXPECT_FALSE(BankHolidays::parse(R"({"england-and-wales": {"events": [{"title": "No date"}]}})",
                                   "england-and-wales")
                   .ok());
  EXPECT_FALSE(BankHolidays::parse("", "england-and-wales").ok());
}

TEST(BankHolidays, MissingFileIsNotFound) {
  auto holidays = BankHolidays::load(fixture("no-such-file.json"));
  ASSERT_FALSE(holidays.ok());
  EXPECT_EQ(holidays.error().code, Errc::not_found);
  EXPECT_NE(holidays.error().message.find("no-such-file.json"), std::string::npos);
}

}  // namespace
}  // namespace cairn::helpline
