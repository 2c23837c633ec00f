// A SQLite store in a fresh folder, a standing clock, the test categories,
// the real watched-words list, and the forum and moderation services.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "accounts/account.hpp"
#include "core/clock.hpp"
#include "core/rate_limiter.hpp"
#include "core/text.hpp"
#include "forum/categories.hpp"
#include "forum/forum_service.hpp"
#include "forum/moderation_service.hpp"
#include "safeguarding/watched_words.hpp"
#include "store/store.hpp"

namespace cairn::forum::testing {

class ForumFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cairn-forum-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    store_ = store::open_sqlite_store(dir_);
    auto cats = Categories::load(std::string(CAIRN_TEST_DATA) + "/forum/categories.yaml");
    ASSERT_TRUE(cats) << cats.error().message;
    categories_ = std::move(cats.value());
    auto words = safeguarding::WatchedWords::load(std::string(CAIRN_SOURCE_DIR) +
                                                  "/content/safeguarding/watched-words.txt");
    ASSERT_TRUE(words) << words.error().message;
    watched_ = std::move(words.value());
    words_ = std::make_unique<WatchedWordList>(store_->watched_words(), store_->forum(), clock_);
    words_->seed_once(watched_);
    forum_ = std::make_unique<ForumService>(store_->forum(), store_->forum_members(), categories_,
                                            *words_, limiter_, clock_);
    moderation_ = std::make_unique<ModerationService>(store_->forum(), store_->forum_members(),
                                                      store_->accounts(), clock_);
  }
  void TearDown() override {
    forum_.reset();
    moderation_.reset();
    words_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  accounts::Account add_account(const std::string& name,
                                accounts::Role role = accounts::Role::member) {
    auto created =
        store_->accounts().create_account({to_lower_ascii(name) + "@example.org", name,
                                           "$argon2id$fake", std::string(accounts::role_name(role)),
                                           true, "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z"});
    EXPECT_EQ(created.outcome, store::CreatedAccount::Outcome::created);
    return reload(created.id);
  }
  accounts::Account reload(std::int64_t id) {
    return accounts::account_from_record(*store_->accounts().account_by_id(id));
  }

  // A member whose first posts a moderator has already approved.
  accounts::Account add_trusted_member(const std::string& name, const accounts::Account& mod) {
    auto member = add_account(name);
    for (int i = 0; i < kPostsHeldForNewMembers; ++i) {
      auto p = forum_->start_thread(member, "general-chat", "Hello " + std::to_string(i), "Hi all");
      EXPECT_TRUE(p.ok());
      EXPECT_TRUE(moderation_->approve(mod, p->post_id).ok());
    }
    return member;
  }

  FixedClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1'750'000'000))};
  RateLimiter limiter_{clock_};
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  Categories categories_;
  safeguarding::WatchedWords watched_ = safeguarding::WatchedWords::parse("");
  std::unique_ptr<WatchedWordList> words_;
  std::unique_ptr<ForumService> forum_;
  std::unique_ptr<ModerationService> moderation_;
};

}  // namespace cairn::forum::testing
