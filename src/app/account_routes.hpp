// The account pages: /account/register, /account/sign-in, /account/sign-out,
// /account, /account/password, /account/delete and /account/data.
#pragma once

#include "accounts/account_service.hpp"
#include "app/site_content.hpp"
#include "app/visitor.hpp"
#include "http/router.hpp"

namespace cairn::app {

struct AccountDeps {
  accounts::AccountService& accounts;
  const VisitorResolver& visitors;
  const SiteContent& site;
  bool trust_forwarded_for = false;  // behind our own load balancer (--trust-proxy)
};

// The handlers keep a reference to `deps`: it must outlive the router.
void add_account_routes(http::Router& router, AccountDeps& deps);

}  // namespace cairn::app
