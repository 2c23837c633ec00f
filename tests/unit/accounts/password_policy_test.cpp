#include "accounts/password_policy.hpp"

#include <gtest/gtest.h>

#include "account_fixture.hpp"

namespace cairn::accounts {
namespace {

class PasswordPolicyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = PasswordPolicy::load(testing::common_passwords_file());
    ASSERT_TRUE(loaded) << loaded.error().message;
    policy_ = std::move(loaded.value());
  }
  PasswordPolicy policy_;
};

TEST_F(PasswordPolicyTest, ListHoldsAThousandOrMore) {
  EXPECT_GE(policy_.common_count(), 1000u);
}

TEST_F(PasswordPolicyTest, AcceptsALongUncommonPassword) {
  EXPECT_EQ(policy_.problem("blue tardis at dawn"), std::nullopt);
  EXPECT_EQ(policy_.problem("kettle-orbit-5"), std::nullopt);
}

TEST_F(PasswordPolicyTest, TenCharactersIsTheMinimum) {
  EXPECT_NE(policy_.problem("kettle-or"), std::nullopt);   // 9
  EXPECT_EQ(policy_.problem("kettle-orb"), std::nullopt);  // 10
  EXPECT_NE(policy_.problem(""), std::nullopt);
}

TEST_F(PasswordPolicyTest, CountsCharactersNotBytes) {
  // Nine accented letters are 18 bytes but only 9 characters.
  EXPECT_NE(policy_.problem("ééééééééa"), std::nullopt);
  EXPECT_EQ(policy_.problem("éèêëāăąçćd"), std::nullopt);
}

TEST_F(PasswordPolicyTest, RefusesCommonPasswordsInAnyCase) {
  for (const char* common : {"password123", "PASSWORD123", "Qwerty123456", "1234567890",
                             "qwertyuiop", "iloveyou123", "liverpool1", "1q2w3e4r5t"}) {
    auto problem = policy_.problem(common);
    ASSERT_NE(problem, std::nullopt) << common;
    EXPECT_NE(problem->find("common"), std::string::npos) << *problem;
  }
}

TEST_F(PasswordPolicyTest, RefusesOneCharacterRepeated) {
  EXPECT_NE(policy_.problem("zzzzzzzzzzzz"), std::nullopt);
}

TEST_F(PasswordPolicyTest, RefusesTheEmailOrDisplayName) {
  EXPECT_NE(policy_.problem("river.song@example.org", "river.song@example.org"), std::nullopt);
  EXPECT_NE(policy_.problem("River.Song.Writes", "river.song.writes@example.org"), std::nullopt);
  EXPECT_NE(policy_.problem("Doctor River Song", "r@example.org", "doctor river song"),
            std::nullopt);
  EXPECT_EQ(policy_.problem("Doctor River Song!", "r@example.org", "doctor river song"),
            std::nullopt);
}

TEST_F(PasswordPolicyTest, RefusesTooLongAndUnreadable) {
  EXPECT_NE(policy_.problem(std::string(257, 'a') + "b"), std::nullopt);
  EXPECT_NE(policy_.problem("abcdefghij\xff"), std::nullopt);
}

TEST(PasswordPolicyLoad, MissingListIsAnError) {
  auto loaded = PasswordPolicy::load("/nonexistent/common-passwords.txt");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, Errc::not_found);
}

}  // namespace
}  // namespace cairn::accounts
