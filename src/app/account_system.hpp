// The accounts wiring in one place: password rules, hashing, rate limits,
// sessions, the CSRF guard and the visitor resolver, built from the store at
// start-up. The forum, the nurse inbox and the editors' pages take their
// services from here.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>

#include "accounts/account_service.hpp"
#include "accounts/password_hasher.hpp"
#include "accounts/password_policy.hpp"
#include "accounts/session_service.hpp"
#include "app/account_routes.hpp"
#include "app/site_content.hpp"
#include "app/visitor.hpp"
#include "core/clock.hpp"
#include "core/rate_limiter.hpp"
#include "http/csrf.hpp"
#include "http/router.hpp"
#include "store/store.hpp"

namespace cairn::app {

struct AccountSettings {
  std::filesystem::path common_passwords;  // content/common-passwords.txt
  bool secure_cookies = false;
  bool trust_proxy = false;
  accounts::SessionPolicy sessions;
};

class AccountSystem {
 public:
  // A missing common-passwords list is reported to `log`; length and the other
  // rules still apply.
  AccountSystem(store::Store& store, const Clock& clock, const AccountSettings& settings,
                std::ostream& log);

  const http::CsrfGuard& csrf() const { return csrf_; }
  const VisitorResolver& visitors() const { return visitors_; }
  accounts::AccountService& accounts() { return accounts_; }
  RateLimiter& limiter() { return limiter_; }
  void add_routes(http::Router& router, const SiteContent& site);

 private:
  AccountSettings settings_;
  accounts::PasswordPolicy policy_;
  accounts::PasswordHasher hasher_;
  RateLimiter limiter_;
  accounts::AccountService accounts_;
  accounts::SessionService sessions_;
  http::CsrfGuard csrf_;
  VisitorResolver visitors_;
  std::unique_ptr<AccountDeps> deps_;  // the routes hold on to it
};

}  // namespace cairn::app
