// A SQLite store in a fresh temporary folder, a clock the test moves, and the
// account services on top, with a cheap hash cost so tests run fast.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "accounts/account_service.hpp"
#include "accounts/password_hasher.hpp"
#include "accounts/password_policy.hpp"
#include "accounts/session_service.hpp"
#include "core/clock.hpp"
#include "core/rate_limiter.hpp"
#include "store/store.hpp"

namespace cairn::accounts::testing {

// libsodium's smallest argon2id cost: the rules are under test here, not the cost.
inline constexpr HashCost kCheapCost{1, 8 * 1024};

inline std::chrono::system_clock::time_point test_start() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1'750'000'000));
}

inline std::filesystem::path common_passwords_file() {
  return std::filesystem::path(CAIRN_SOURCE_DIR) / "content" / "common-passwords.txt";
}

class AccountFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cairn-accounts-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    store_ = store::open_sqlite_store(dir_);
    auto loaded = PasswordPolicy::load(common_passwords_file());
    ASSERT_TRUE(loaded) << loaded.error().message;
    policy_ = std::make_unique<PasswordPolicy>(std::move(loaded.value()));
    mail_ = std::make_unique<AccountMail>(store_->outbox(), clock_,
                                          AccountMailSettings{"https://cairn.test", "Cairn"});
    service_ = std::make_unique<AccountService>(store_->accounts(), hasher_, *policy_, limiter_,
                                                *mail_, clock_);
    sessions_ = std::make_unique<SessionService>(store_->accounts(), clock_);
  }
  void TearDown() override {
    sessions_.reset();
    service_.reset();
    mail_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  static Registration registration(std::string name = "River Song",
                                   std::string email = "river@example.org") {
    return Registration{std::move(name),
                        std::move(email),
                        "blue tardis at dawn",
                        "blue tardis at dawn",
                        true,
                        true};
  }

  // The mails queued since the last call, taken from the outbox as its sender would.
  std::vector<store::QueuedMail> mails() {
    auto now = std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch());
    auto due = store_->outbox().take_due(now.count(), now.count() + 1'000'000, 100);
    for (const auto& m : due) store_->outbox().mark_sent(m.id, now.count());
    return due;
  }

  // The token of the first link in `body` that starts with `path`.
  static std::string link_token(const std::string& body, std::string_view path) {
    auto at = body.find(path);
    if (at == std::string::npos)
      return "";
    auto start = at + path.size();
    return body.substr(start, body.find_first_of(" \n", start) - start);
  }

  // Registers and follows the emailed confirmation link.
  Account registered(std::string name = "River Song", std::string email = "river@example.org") {
    auto result =
        service_->register_member(registration(std::move(name), std::move(email)), "192.0.2.1");
    EXPECT_TRUE(result.ok());
    auto sent = mails();
    EXPECT_EQ(sent.size(), 1u);
    auto token = sent.empty() ? "" : link_token(sent.back().mail.body, kConfirmEmailPath);
    auto account = service_->confirm_email(token);
    EXPECT_TRUE(account.ok()) << (account ? "" : account.error().message);
    return account ? account.value() : Account{};
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  FixedClock clock_{test_start()};
  PasswordHasher hasher_{kCheapCost};
  RateLimiter limiter_{clock_};
  std::unique_ptr<PasswordPolicy> policy_;
  std::unique_ptr<AccountMail> mail_;
  std::unique_ptr<AccountService> service_;
  std::unique_ptr<SessionService> sessions_;
};

}  // namespace cairn::accounts::testing
