// RateLimiter: the sliding window, the doubling delay, its cap and the quiet spell.
#include "core/rate_limiter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cairn {
namespace {

using namespace std::chrono_literals;

// The shapes of accounts' sign-in limits (kSignInPerAccount, kSignInPerAddress), which
// these tests were first written against.
constexpr RateLimit kFivePerMinute{5, 60s, 2s, 60s};
constexpr RateLimit kTwentyPerMinute{20, 60s, 2s, 60s};

std::chrono::system_clock::time_point test_start() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1'750'000'000));
}

class RateLimiterTest : public ::testing::Test {
 protected:
  Status sign_in() { return limiter_.attempt("sign-in:account:jo@example.org", kFivePerMinute); }
  FixedClock clock_{test_start()};
  RateLimiter limiter_{clock_};
};

TEST_F(RateLimiterTest, FiveAttemptsAMinuteThenTheSixthWaits) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(sign_in()) << "attempt " << i + 1;
  auto sixth = sign_in();
  ASSERT_FALSE(sixth);
  EXPECT_EQ(sixth.error().code, Errc::rate_limited);
  EXPECT_EQ(sixth.error().message, "Too many attempts. Try again in 2 seconds.");
}

TEST_F(RateLimiterTest, DelayDoublesWithEachAttemptOverTheLimit) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(sign_in());
  std::vector<int> waits;
  for (int i = 0; i < 6; ++i) {
    auto refused = sign_in();
    ASSERT_FALSE(refused);
    // "Too many attempts. Try again in N seconds."
    auto& m = refused.error().message;
    int wait = std::stoi(m.substr(m.find(" in ") + 4));
    waits.push_back(wait);
    clock_.advance(std::chrono::seconds(wait));
    ASSERT_TRUE(sign_in()) << "after waiting " << wait << " s";
  }
  EXPECT_EQ(waits, (std::vector<int>{2, 4, 8, 16, 32, 60}));
}

TEST_F(RateLimiterTest, DelayNeverPassesTheCap) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(sign_in());
  for (int i = 0; i < 12; ++i) {
    clock_.advance(1s);
    while (!sign_in()) clock_.advance(1s);
  }
  auto refused = sign_in();
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("in 60 seconds"), std::string::npos)
      << refused.error().message;
}

TEST_F(RateLimiterTest, AfterAQuietSpellTheDelaysStartAgain) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(sign_in());
  for (int i = 0; i < 4; ++i) {  // delays of 2, 4, 8 and 16 seconds
    while (!sign_in()) clock_.advance(1s);
  }
  clock_.advance(61s);  // the window has passed, but not the quiet spell
  ASSERT_TRUE(sign_in());
  EXPECT_FALSE(sign_in());
  clock_.advance(120s);  // window + longest delay without an attempt
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(sign_in()) << "attempt " << i + 1;
  auto sixth = sign_in();
  ASSERT_FALSE(sixth);
  EXPECT_EQ(sixth.error().message, "Too many attempts. Try again in 2 seconds.");
}

TEST_F(RateLimiterTest, RefusedAttemptsAreNotCounted) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(sign_in());
  for (int i = 0; i < 50; ++i) ASSERT_FALSE(sign_in());
  clock_.advance(2s);
  EXPECT_TRUE(sign_in());
}

TEST_F(RateLimiterTest, QuietWindowRestoresTheFullAllowance) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(sign_in());
  ASSERT_FALSE(sign_in());
  clock_.advance(61s);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(sign_in()) << "attempt " << i + 1;
}

TEST_F(RateLimiterTest, KeysAreCountedApart) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(sign_in());
  ASSERT_FALSE(sign_in());
  EXPECT_TRUE(limiter_.attempt("sign-in:account:sam@example.org", kFivePerMinute));
}

TEST_F(RateLimiterTest, ResetForgetsTheKey) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(sign_in());
  limiter_.reset("sign-in:account:jo@example.org");
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(sign_in());
}

TEST_F(RateLimiterTest, AddressAllowsTwentyAMinute) {
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(limiter_.attempt("sign-in:address:192.0.2.1", kTwentyPerMinute));
  }
  EXPECT_FALSE(limiter_.attempt("sign-in:address:192.0.2.1", kTwentyPerMinute));
}

}  // namespace
}  // namespace cairn
