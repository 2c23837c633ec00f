// iso_date_time and iso_date: the exact text every caller stores, logs and shows.
#include "core/iso_time.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>

namespace cairn {
namespace {

using namespace std::chrono_literals;

struct TimeCase {
  std::int64_t unix_seconds;
  std::string date_time;
  std::string date;
};

class IsoTimeTest : public ::testing::TestWithParam<TimeCase> {};

TEST_P(IsoTimeTest, FromUnixSeconds) {
  EXPECT_EQ(iso_date_time(GetParam().unix_seconds), GetParam().date_time);
  EXPECT_EQ(iso_date(GetParam().unix_seconds), GetParam().date);
}

TEST_P(IsoTimeTest, FromTimePointsAlike) {
  std::chrono::system_clock::time_point t{std::chrono::seconds{GetParam().unix_seconds}};
  EXPECT_EQ(iso_date_time(t), GetParam().date_time);
  EXPECT_EQ(iso_date(t), GetParam().date);
}

INSTANTIATE_TEST_SUITE_P(
    Instants, IsoTimeTest,
    ::testing::Values(TimeCase{0, "1970-01-01T00:00:00Z", "1970-01-01"},
                      TimeCase{-1, "1969-12-31T23:59:59Z", "1969-12-31"},
                      TimeCase{1'750'000'000, "2025-06-15T15:06:40Z", "2025-06-15"},
                      TimeCase{1'772'529'300, "2026-03-03T09:15:00Z", "2026-03-03"},
                      TimeCase{1'798'761'599, "2026-12-31T23:59:59Z", "2026-12-31"},
                      TimeCase{1'798'761'600, "2027-01-01T00:00:00Z", "2027-01-01"},
                      TimeCase{1'835'395'200, "2028-02-29T00:00:00Z", "2028-02-29"},
                      TimeCase{4'102'444'800, "2100-01-01T00:00:00Z", "2100-01-01"}));

TEST(IsoDateTime, DropsThePartSecond) {
  std::chrono::system_clock::time_point t{1'772'529'300s + 999ms};
  EXPECT_EQ(iso_date_time(t), "2026-03-03T09:15:00Z");
  EXPECT_EQ(iso_date(t + 14h + 44min + 59s), "2026-03-03");
  EXPECT_EQ(iso_date(t + 14h + 45min), "2026-03-04");
}

// The shapes these functions replaced (strftime "%Y-%m-%dT%H:%M:%SZ" and snprintf
// "%04d-%02d-%02d" over gmtime_r), for years 1000 to 9999 where the two agree.
TEST(IsoDateTime, SameTextAsGmtimeFormatting) {
  for (std::int64_t s = -2'000'000'000; s < 5'000'000'000; s += 7'777'777) {
    std::time_t t = static_cast<std::time_t>(s);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char date_time[32];
    std::strftime(date_time, sizeof date_time, "%Y-%m-%dT%H:%M:%SZ", &tm);
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday);
    EXPECT_EQ(iso_date_time(s), date_time) << s;
    EXPECT_EQ(iso_date(s), date) << s;
  }
}

}  // namespace
}  // namespace cairn
