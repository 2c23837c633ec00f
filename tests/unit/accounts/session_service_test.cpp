#include "accounts/session_service.hpp"

#include <gtest/gtest.h>

#include "account_fixture.hpp"
#include "core/token_hash.hpp"

namespace cairn::accounts {
namespace {

using namespace std::chrono_literals;

class SessionServiceTest : public testing::AccountFixture {};

TEST_F(SessionServiceTest, TokenFindsItsAccount) {
  auto account = registered();
  std::string token = sessions_->start(account, "test browser");
  EXPECT_EQ(token.size(), 43u);
  auto session = sessions_->find(token);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->account.id, account.id);
  EXPECT_EQ(session->account.display_name, "River Song");
}

TEST_F(SessionServiceTest, TokensAreRandom) {
  auto account = registered();
  EXPECT_NE(sessions_->start(account, ""), sessions_->start(account, ""));
}

TEST_F(SessionServiceTest, StoreKeepsOnlyTheHash) {
  auto account = registered();
  std::string token = sessions_->start(account, "");
  EXPECT_FALSE(store_->accounts().session(token));
  auto stored = store_->accounts().sessions_of(account.id);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_NE(stored[0].token_hash, token);
  EXPECT_EQ(stored[0].token_hash, hash_token(token));
}

TEST_F(SessionServiceTest, UnknownOrMalformedTokenFindsNothing) {
  registered();
  EXPECT_FALSE(sessions_->find(""));
  EXPECT_FALSE(sessions_->find("not-a-token"));
  EXPECT_FALSE(sessions_->find(std::string(43, 'A')));
}

TEST_F(SessionServiceTest, IdleSessionExpires) {
  auto account = registered();
  std::string token = sessions_->start(account, "");
  clock_.advance(11h);
  ASSERT_TRUE(sessions_->find(token));
  clock_.advance(11h);  // used 11 hours ago: still alive
  ASSERT_TRUE(sessions_->find(token));
  clock_.advance(12h);  // now idle for 12 hours
  EXPECT_FALSE(sessions_->find(token));
  clock_.set(testing::test_start());  // and it is gone, not merely hidden
  EXPECT_FALSE(sessions_->find(token));
}

TEST_F(SessionServiceTest, BusySessionStillEndsAtFourteenDays) {
  auto account = registered();
  std::string token = sessions_->start(account, "");
  for (int hour = 0; hour < 14 * 24 - 2; hour += 2) {
    clock_.advance(2h);
    ASSERT_TRUE(sessions_->find(token)) << "hour " << hour;
  }
  clock_.advance(2h);
  EXPECT_FALSE(sessions_->find(token));
}

TEST_F(SessionServiceTest, PolicyIsConfigurable) {
  SessionService short_lived(store_->accounts(), clock_, {30min, 2h, 1min});
  auto account = registered();
  std::string token = short_lived.start(account, "");
  clock_.advance(31min);
  EXPECT_FALSE(short_lived.find(token));
}

TEST_F(SessionServiceTest, EndStopsOneSession) {
  auto account = registered();
  std::string a = sessions_->start(account, "");
  std::string b = sessions_->start(account, "");
  sessions_->end(a);
  EXPECT_FALSE(sessions_->find(a));
  EXPECT_TRUE(sessions_->find(b));
}

TEST_F(SessionServiceTest, EndAllStopsEverySessionOfTheAccount) {
  auto river = registered();
  auto amy = registered("Amy Pond", "amy@example.org");
  std::string a = sessions_->start(river, "");
  std::string b = sessions_->start(river, "");
  std::string c = sessions_->start(amy, "");
  EXPECT_EQ(sessions_->end_all(river.id), 2);
  EXPECT_FALSE(sessions_->find(a));
  EXPECT_FALSE(sessions_->find(b));
  EXPECT_TRUE(sessions_->find(c));
}

TEST_F(SessionServiceTest, StartingClearsExpiredSessions) {
  auto account = registered();
  sessions_->start(account, "");
  clock_.advance(13h);
  sessions_->start(account, "");
  EXPECT_EQ(store_->accounts().sessions_of(account.id).size(), 1u);
}

}  // namespace
}  // namespace cairn::accounts
