#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/store.hpp"

namespace cairn::store {
namespace {

class AccountStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cairn-account-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    store_ = open_sqlite_store(dir_);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  AccountStore& accounts() { return store_->accounts(); }
  std::int64_t add(std::string email, std::string name) {
    auto created = accounts().create_account({email, name, "$argon2id$fake", "member", true,
                                              "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z"});
    EXPECT_EQ(created.outcome, CreatedAccount::Outcome::created);
    return created.id;
  }
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(AccountStoreTest, CreatedAccountReadsBack) {
  auto id = add("jo@example.org", "Jo");
  auto by_email = accounts().account_by_email("jo@example.org");
  ASSERT_TRUE(by_email);
  EXPECT_EQ(by_email->id, id);
  EXPECT_EQ(by_email->display_name, "Jo");
  EXPECT_EQ(by_email->role, "member");
  EXPECT_EQ(by_email->status, "active");
  EXPECT_TRUE(by_email->over_14);
  EXPECT_EQ(accounts().account_by_id(id)->email, "jo@example.org");
  EXPECT_FALSE(accounts().account_by_email("JO@example.org"));
}

TEST_F(AccountStoreTest, SqlMetacharactersAreStoredVerbatim) {
  std::string name = "'; DROP TABLE accounts; -- \" \\ % _";
  std::string email = "o'brien%_\"x\"@example.org";
  auto id = add(email, name);
  auto back = accounts().account_by_id(id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->display_name, name);
  EXPECT_EQ(back->email, email);
  EXPECT_TRUE(accounts().account_by_email(email));
  EXPECT_FALSE(accounts().account_by_email("o'brien%"));
}

TEST_F(AccountStoreTest, EmailAndDisplayNameAreTaken) {
  add("jo@example.org", "Jo Bloggs");
  auto same_email = accounts().create_account(
      {"jo@example.org", "Other", "h", "member", true, "", "2025-01-01T00:00:00Z"});
  EXPECT_EQ(same_email.outcome, CreatedAccount::Outcome::email_taken);
  auto same_name = accounts().create_account(
      {"sam@example.org", "JO BLOGGS", "h", "member", true, "", "2025-01-01T00:00:00Z"});
  EXPECT_EQ(same_name.outcome, CreatedAccount::Outcome::display_name_taken);
  EXPECT_TRUE(accounts().display_name_taken("jo bloggs"));
  EXPECT_FALSE(accounts().display_name_taken("jo"));
}

TEST_F(AccountStoreTest, ChangePasswordEndsEverySessionOfThatAccount) {
  auto jo = add("jo@example.org", "Jo");
  auto sam = add("sam@example.org", "Sam");
  accounts().add_session({"h1", jo, 100, 100, "a"});
  accounts().add_session({"h2", jo, 100, 100, "b"});
  accounts().add_session({"h3", sam, 100, 100, "c"});
  accounts().change_password(jo, "$argon2id$new");
  EXPECT_EQ(accounts().account_by_id(jo)->password_hash, "$argon2id$new");
  EXPECT_TRUE(accounts().sessions_of(jo).empty());
  EXPECT_EQ(accounts().sessions_of(sam).size(), 1u);
}

TEST_F(AccountStoreTest, DeletingAnAccountDeletesItsSessions) {
  auto jo = add("jo@example.org", "Jo");
  accounts().add_session({"h1", jo, 100, 100, ""});
  EXPECT_TRUE(accounts().delete_account(jo));
  EXPECT_FALSE(accounts().account_by_id(jo));
  EXPECT_FALSE(accounts().session("h1"));
  EXPECT_FALSE(accounts().delete_account(jo));
}

TEST_F(AccountStoreTest, SessionsTouchAndExpire) {
  auto jo = add("jo@example.org", "Jo");
  accounts().add_session({"old", jo, 100, 150, ""});
  accounts().add_session({"idle", jo, 900, 200, ""});
  accounts().add_session({"live", jo, 900, 950, ""});
  accounts().touch_session("live", 1000);
  EXPECT_EQ(accounts().session("live")->last_seen_at, 1000);
  EXPECT_EQ(accounts().delete_expired_sessions(/*seen_before=*/500, /*created_before=*/120), 2);
  EXPECT_TRUE(accounts().session("live"));
  EXPECT_EQ(accounts().delete_sessions_of(jo), 1);
}

TEST_F(AccountStoreTest, FirstSettingWins) {
  EXPECT_EQ(store_->settings().get_or_create("csrf_secret", "first"), "first");
  EXPECT_EQ(store_->settings().get_or_create("csrf_secret", "second"), "first");
}

}  // namespace
}  // namespace cairn::store
