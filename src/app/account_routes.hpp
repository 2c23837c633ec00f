// The account pages: /account/register, /account/confirm/{token},
// /account/sign-in, /account/forgot-password, /account/reset/{token},
// /account/sign-out, /account, /account/password, /account/delete and /account/data.
#pragma once

#include "accounts/account_service.hpp"
#include "app/routes.hpp"
#include "app/site_content.hpp"

namespace cairn::app {

struct AccountDeps {
  accounts::AccountService& accounts;
  const SiteContent& site;
};

// The handlers keep a reference to `deps`: it must outlive the routes.
void add_account_routes(Routes& routes, AccountDeps& deps);

}  // namespace cairn::app
