#include <gtest/gtest.h>

#include "core/iso_time.hpp"
#include "core/london_time.hpp"

namespace cairn {
namespace {

std::string at(std::string_view date, std::string_view time) {
  auto t = london_instant(date, time);
  return t ? iso_date_time(*t) : "none";
}

TEST(LondonTime, LocalTimesBecomeInstantsInGmtAndBst) {
  EXPECT_EQ(at("2030-01-15", "10:00"), "2030-01-15T10:00:00Z");
  EXPECT_EQ(at("2030-06-01", "10:00"), "2030-06-01T09:00:00Z");
  // 01:30 is skipped on 31 March 2030: the clocks change at 01:00 GMT.
  EXPECT_EQ(at("2030-03-31", "01:30"), "2030-03-31T01:00:00Z");
  // 01:30 comes twice on 27 October 2030: the first is in BST.
  EXPECT_EQ(at("2030-10-27", "01:30"), "2030-10-27T00:30:00Z");
}

TEST(LondonTime, NonsenseIsRefused) {
  EXPECT_EQ(at("2030-02-30", "10:00"), "none");
  EXPECT_EQ(at("2030-01-15", "24:00"), "none");
  EXPECT_EQ(at("2030-1-15", "10:00"), "none");
  EXPECT_EQ(at("2030-01-15", "10.00"), "none");
  EXPECT_EQ(at("", ""), "none");
}

TEST(LondonTime, InstantsReadAsLondonDatesAndTimes) {
  auto summer = london_time(*london_instant("2030-06-01", "00:15"));
  EXPECT_EQ(summer.date, "2030-06-01");
  EXPECT_EQ(summer.time, "00:15");
}

TEST(LondonTime, TheLatestMondayMorning) {
  auto monday = [](std::string_view date, std::string_view time) {
    return iso_date_time(latest_london_monday(8, *london_instant(date, time)));
  };
  EXPECT_EQ(monday("2030-03-11", "08:00"), "2030-03-11T08:00:00Z");  // Monday at 08:00
  EXPECT_EQ(monday("2030-03-11", "07:59"), "2030-03-04T08:00:00Z");  // not yet: last week's
  EXPECT_EQ(monday("2030-03-17", "23:00"), "2030-03-11T08:00:00Z");  // Sunday
  EXPECT_EQ(monday("2030-04-03", "12:00"), "2030-04-01T07:00:00Z");  // 08:00 BST
}

}  // namespace
}  // namespace cairn
