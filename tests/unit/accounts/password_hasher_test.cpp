#include "accounts/password_hasher.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace cairn::accounts {
namespace {

constexpr HashCost kCheap{1, 8 * 1024};

TEST(PasswordHasher, DefaultIsArgon2idAtOwaspMinimum) {
  PasswordHasher hasher;  // kOwaspCost
  std::string encoded = hasher.hash("correct horse battery staple");
  EXPECT_TRUE(encoded.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << encoded;
  EXPECT_TRUE(hasher.verify(encoded, "correct horse battery staple"));
  EXPECT_FALSE(hasher.needs_rehash(encoded));
}

TEST(PasswordHasher, VerifiesOnlyTheRightPassword) {
  PasswordHasher hasher(kCheap);
  std::string encoded = hasher.hash("blue tardis at dawn");
  EXPECT_TRUE(hasher.verify(encoded, "blue tardis at dawn"));
  EXPECT_FALSE(hasher.verify(encoded, "blue tardis at dusk"));
  EXPECT_FALSE(hasher.verify(encoded, "Blue tardis at dawn"));
  EXPECT_FALSE(hasher.verify(encoded, ""));
}

TEST(PasswordHasher, SaltsEveryHash) {
  PasswordHasher hasher(kCheap);
  EXPECT_NE(hasher.hash("same password"), hasher.hash("same password"));
}

TEST(PasswordHasher, PasswordWithNulByteIsNotCutShort) {
  PasswordHasher hasher(kCheap);
  std::string with_nul("abc\0defghijk", 12);
  std::string encoded = hasher.hash(with_nul);
  EXPECT_TRUE(hasher.verify(encoded, with_nul));
  EXPECT_FALSE(hasher.verify(encoded, "abc"));
}

TEST(PasswordHasher, GarbageHashNeverVerifies) {
  PasswordHasher hasher(kCheap);
  EXPECT_FALSE(hasher.verify("", ""));
  EXPECT_FALSE(hasher.verify("not a hash", "not a hash"));
  EXPECT_FALSE(hasher.verify(std::string(500, '$'), "x"));
}

TEST(PasswordHasher, HashesOfAnotherCostNeedRehash) {
  PasswordHasher cheap(kCheap);
  PasswordHasher owasp;
  EXPECT_TRUE(owasp.needs_rehash(cheap.hash("some long password")));
  EXPECT_TRUE(owasp.needs_rehash("garbage"));
}

// An unknown email must cost as much as a wrong password, or timing tells
// which emails have accounts.
TEST(PasswordHasher, VerifyingNothingTakesAsLongAsVerifying) {
  PasswordHasher hasher;  // the real cost, so the work dominates the noise
  std::string encoded = hasher.hash("the real password");
  auto time = [](auto&& f) {
    auto best = std::chrono::steady_clock::duration::max();
    for (int i = 0; i < 3; ++i) {
      auto start = std::chrono::steady_clock::now();
      f();
      best = std::min(best, std::chrono::steady_clock::now() - start);
    }
    return std::chrono::duration<double>(best).count();
  };
  double wrong = time([&] { (void)hasher.verify(encoded, "a wrong password"); });
  double nothing = time([&] { hasher.verify_nothing("a wrong password"); });
  EXPECT_GT(nothing, wrong * 0.5);
  EXPECT_LT(nothing, wrong * 2.0);
}

}  // namespace
}  // namespace cairn::accounts
