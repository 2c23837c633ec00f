#include "app/account_system.hpp"

namespace cairn::app {

namespace {

accounts::PasswordPolicy load_policy(const std::filesystem::path& list, std::ostream& log) {
  auto policy = accounts::PasswordPolicy::load(list);
  if (policy)
    return std::move(policy.value());
  log << "cairn: warning: " << policy.error().message
      << "; new passwords are checked for length only\n";
  return accounts::PasswordPolicy();
}

}  // namespace

AccountSystem::AccountSystem(store::Store& store, const Clock& clock,
                             const AccountSettings& settings, std::ostream& log)
    : settings_(settings),
      policy_(load_policy(settings.common_passwords, log)),
      limiter_(clock),
      accounts_(store.accounts(), hasher_, policy_, limiter_, clock),
      sessions_(store.accounts(), clock, settings.sessions),
      csrf_(csrf_secret(store.settings()), {settings.secure_cookies}),
      visitors_(sessions_, csrf_, {settings.secure_cookies}) {}

void AccountSystem::add_routes(Routes& routes, const SiteContent& site) {
  deps_ = std::make_unique<AccountDeps>(AccountDeps{accounts_, site});
  add_account_routes(routes, *deps_);
}

}  // namespace cairn::app
