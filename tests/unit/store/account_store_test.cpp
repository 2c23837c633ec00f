#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/store.hpp"
#include "store_backends.hpp"

namespace cairn::store {
namespace {

// Every test below runs on SQLite and on PostgreSQL.
template <class Backend>
class AccountStoreTest : public testing::StoreContract<Backend> {
 protected:
  AccountStore& accounts() { return this->store_->accounts(); }
  std::int64_t add(std::string email, std::string name) {
    auto created = accounts().create_account({email, name, "$argon2id$fake", "member", true,
                                              "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z"});
    EXPECT_EQ(created.outcome, CreatedAccount::Outcome::created);
    return created.id;
  }
};
TYPED_TEST_SUITE(AccountStoreTest, testing::StoreBackends, testing::BackendNames);

TYPED_TEST(AccountStoreTest, CreatedAccountReadsBack) {
  auto id = this->add("jo@example.org", "Jo");
  auto by_email = this->accounts().account_by_email("jo@example.org");
  ASSERT_TRUE(by_email);
  EXPECT_EQ(by_email->id, id);
  EXPECT_EQ(by_email->display_name, "Jo");
  EXPECT_EQ(by_email->role, "member");
  EXPECT_EQ(by_email->status, "active");
  EXPECT_TRUE(by_email->over_14);
  EXPECT_EQ(this->accounts().account_by_id(id)->email, "jo@example.org");
  EXPECT_FALSE(this->accounts().account_by_email("JO@example.org"));
}

TYPED_TEST(AccountStoreTest, SqlMetacharactersAreStoredVerbatim) {
  std::string name = "'; DROP TABLE this->accounts; -- \" \\ % _";
  std::string email = "o'brien%_\"x\"@example.org";
  auto id = this->add(email, name);
  auto back = this->accounts().account_by_id(id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->display_name, name);
  EXPECT_EQ(back->email, email);
  EXPECT_TRUE(this->accounts().account_by_email(email));
  EXPECT_FALSE(this->accounts().account_by_email("o'brien%"));
}

TYPED_TEST(AccountStoreTest, EmailAndDisplayNameAreTaken) {
  this->add("jo@example.org", "Jo Bloggs");
  auto same_email = this->accounts().create_account(
      {"jo@example.org", "Other", "h", "member", true, "", "2025-01-01T00:00:00Z"});
  EXPECT_EQ(same_email.outcome, CreatedAccount::Outcome::email_taken);
  auto same_name = this->accounts().create_account(
      {"sam@example.org", "JO BLOGGS", "h", "member", true, "", "2025-01-01T00:00:00Z"});
  EXPECT_EQ(same_name.outcome, CreatedAccount::Outcome::display_name_taken);
  EXPECT_TRUE(this->accounts().display_name_taken("jo bloggs"));
  EXPECT_FALSE(this->accounts().display_name_taken("jo"));
}

TYPED_TEST(AccountStoreTest, ChangePasswordEndsEverySessionOfThatAccount) {
  auto jo = this->add("jo@example.org", "Jo");
  auto sam = this->add("sam@example.org", "Sam");
  this->accounts().add_session({"h1", jo, 100, 100, "a"});
  this->accounts().add_session({"h2", jo, 100, 100, "b"});
  this->accounts().add_session({"h3", sam, 100, 100, "c"});
  this->accounts().change_password(jo, "$argon2id$new");
  EXPECT_EQ(this->accounts().account_by_id(jo)->password_hash, "$argon2id$new");
  EXPECT_TRUE(this->accounts().sessions_of(jo).empty());
  EXPECT_EQ(this->accounts().sessions_of(sam).size(), 1u);
}

TYPED_TEST(AccountStoreTest, DeletingAnAccountDeletesItsSessions) {
  auto jo = this->add("jo@example.org", "Jo");
  this->accounts().add_session({"h1", jo, 100, 100, ""});
  EXPECT_TRUE(this->accounts().delete_account(jo));
  EXPECT_FALSE(this->accounts().account_by_id(jo));
  EXPECT_FALSE(this->accounts().session("h1"));
  EXPECT_FALSE(this->accounts().delete_account(jo));
}

TYPED_TEST(AccountStoreTest, SessionsTouchAndExpire) {
  auto jo = this->add("jo@example.org", "Jo");
  this->accounts().add_session({"old", jo, 100, 150, ""});
  this->accounts().add_session({"idle", jo, 900, 200, ""});
  this->accounts().add_session({"live", jo, 900, 950, ""});
  this->accounts().touch_session("live", 1000);
  EXPECT_EQ(this->accounts().session("live")->last_seen_at, 1000);
  EXPECT_EQ(this->accounts().delete_expired_sessions(/*seen_before=*/500, /*created_before=*/120),
            2);
  EXPECT_TRUE(this->accounts().session("live"));
  EXPECT_EQ(this->accounts().delete_sessions_of(jo), 1);
}

TYPED_TEST(AccountStoreTest, FirstSettingWins) {
  EXPECT_EQ(this->store_->settings().get_or_create("csrf_secret", "first"), "first");
  EXPECT_EQ(this->store_->settings().get_or_create("csrf_secret", "second"), "first");
}

}  // namespace
}  // namespace cairn::store
