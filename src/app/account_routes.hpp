// The account pages: /account/register, /account/confirm/{token},
// /account/sign-in, /account/forgot-password, /account/reset/{token},
// /account/sign-out, /account, /account/password, /account/delete and /account/data.
#pragma once

#include "accounts/account_service.hpp"
#include "app/routes.hpp"
#include "app/site_content.hpp"
#include "content/review_reminders.hpp"
#include "forum/member_forum.hpp"
#include "http/message.hpp"
#include "store/trial_sync_store.hpp"

namespace cairn::app {

struct AccountDeps {
  accounts::AccountService& accounts;
  const SiteContent& site;
  forum::MemberForum& forum;                  // the Cancer Chat part of the account page
  store::TrialSyncStore& trial_sync;          // the registry sync's last run, for staff
  const content::ReviewReminders& reminders;  // editors' pages due for review
};

// The handlers keep a reference to `deps`: it must outlive the routes.
void add_account_routes(Routes& routes, AccountDeps& deps);

// The account form posts that run argon2id (sign-in, registration, password
// change, reset and deletion): the server runs them in its slow lane.
bool hashes_password(const http::Request& request);

}  // namespace cairn::app
