// The account pages: register, check your email, confirm your email, sign in,
// forgot and reset password, your account, change password, delete account. Built with NHS.UK form
// components; every value typed is escaped, and kept on error except passwords.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/review_reminders.hpp"
#include "core/safe_html.hpp"
#include "store/trial_sync_store.hpp"
#include "views/components.hpp"
#include "views/layout.hpp"

namespace cairn::views {

struct RegisterPage {
  FormState form;
  std::string display_name;
  std::string email;
  bool over_14 = false;
  bool accept_rules = false;
};

struct SignInPage {
  FormState form;
  std::string email;
  std::string next;        // a local path to return to after signing in
  bool kept_text = false;  // signed out mid-edit: what they typed waits for them
};

struct AccountPage {
  std::string csrf_token;  // for the sign-out button
  std::string display_name;
  std::string role_title;
  std::string member_since;  // ISO date-time
  std::string notice;        // e.g. "Your password has been changed"
  struct Link {
    std::string text, href;
  };
  std::vector<Link> staff_links;  // the staff pages this account's role may use
  int unread_messages = 0;        // moderators' messages not yet read
  // For staff: the registry sync's last run.
  std::optional<store::TrialSyncState> trial_sync;
  // For editors: the pages they look after that are overdue for review or due soon.
  std::optional<std::vector<content::DuePage>> due_reviews;
};

struct PasswordPage {
  FormState form;
};

struct DeletePage {
  FormState form;
  std::string posts;  // "keep", "remove" or empty
};

// After registering or asking for a reset: the same page whether or not the
// address has an account.
enum class EmailSentFor { registration, password_reset };
struct CheckEmailPage {
  EmailSentFor reason = EmailSentFor::registration;
  std::string email;  // as typed
};

struct ForgotPasswordPage {
  FormState form;
  std::string email;
};

struct ResetPasswordPage {
  FormState form;
  std::string token;  // from the emailed link; goes back in the form's address
};

struct ConfirmEmailPage {
  FormState form;
  std::string token;
};

// A reset or confirmation link that is unknown, used or expired.
enum class DeadLink { reset_password, confirm_email };

SafeHtml render_register(const Chrome& chrome, const RegisterPage& page);
SafeHtml render_check_email(const Chrome& chrome, const CheckEmailPage& page);
SafeHtml render_forgot_password(const Chrome& chrome, const ForgotPasswordPage& page);
SafeHtml render_reset_password(const Chrome& chrome, const ResetPasswordPage& page);
SafeHtml render_confirm_email(const Chrome& chrome, const ConfirmEmailPage& page);
SafeHtml render_dead_link(const Chrome& chrome, DeadLink which);
SafeHtml render_sign_in(const Chrome& chrome, const SignInPage& page);
SafeHtml render_account(const Chrome& chrome, const AccountPage& page);
SafeHtml render_change_password(const Chrome& chrome, const PasswordPage& page);
SafeHtml render_delete_account(const Chrome& chrome, const DeletePage& page);
SafeHtml render_account_deleted(const Chrome& chrome);

}  // namespace cairn::views
