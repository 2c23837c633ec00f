// The accounts' own rate limits (the limiter itself is tested in core): how many
// sign-ins and registrations pass before the first wait, and how long it is.
#include <gtest/gtest.h>

#include "account_fixture.hpp"
#include "accounts/account_service.hpp"
#include "core/rate_limiter.hpp"

namespace cairn::accounts {
namespace {

struct LimitCase {
  std::string name;
  const RateLimit* limit;
  int allowed;
  std::string refusal;
};

class AccountRateLimitTest : public ::testing::TestWithParam<LimitCase> {};

TEST_P(AccountRateLimitTest, AllowsSoManyThenWaits) {
  FixedClock clock{testing::test_start()};
  RateLimiter limiter{clock};
  const auto& c = GetParam();
  for (int i = 0; i < c.allowed; ++i) ASSERT_TRUE(limiter.attempt("k", *c.limit)) << i + 1;
  auto refused = limiter.attempt("k", *c.limit);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, c.refusal);
}

INSTANTIATE_TEST_SUITE_P(Limits, AccountRateLimitTest,
                         ::testing::Values(LimitCase{"SignInPerAccount", &kSignInPerAccount, 5,
                                                     "Too many attempts. Try again in 2 seconds."},
                                           LimitCase{"SignInPerAddress", &kSignInPerAddress, 20,
                                                     "Too many attempts. Try again in 2 seconds."},
                                           LimitCase{
                                               "RegistrationsPerAddress", &kRegistrationsPerAddress,
                                               10, "Too many attempts. Try again in 60 seconds."}),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace cairn::accounts
