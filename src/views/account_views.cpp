#include "views/account_views.hpp"

#include <string_view>

#include "views/components.hpp"
#include "views/editor_views.hpp"
#include "views/forum_views.hpp"
#include "views/html.hpp"
#include "views/trial_sync_view.hpp"

namespace cairn::views {

using namespace literals;

SafeHtml render_register(const Chrome& chrome, const RegisterPage& p) {
  Html h;
  write_form_error_summary(h, p.form);
  h << R"(<h1>Create an account</h1>
<p>An account lets you post in Cancer Chat, our online forum. Other people see only your display name; we never show your email address.</p>
<form method="post" action="/account/register" novalidate>
)"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_input_field(
      h, p.form,
      {"display_name", "Display name", "text", "nickname",
       "Other people will see this name. To stay anonymous, do not use your full name.",
       p.display_name});
  write_input_field(h, p.form,
                    {"email", "Email address", "email", "email",
                     "You will use this to sign in. We never show it to anyone.", p.email});
  write_input_field(
      h, p.form,
      {"password", "Password", "password", "new-password",
       "At least 10 characters. Avoid common passwords; a few unrelated words work well.", ""});
  write_input_field(h, p.form,
                    {"confirm_password", "Confirm password", "password", "new-password", "", ""});
  Html over_14, rules;
  over_14 << "I am 14 or over"_m;
  rules << R"(I accept the <a href="/forum/rules">community rules</a>)"_m;
  write_checkbox_field(h, p.form, "over_14", p.over_14, over_14.take());
  write_checkbox_field(h, p.form, "accept_rules", p.accept_rules, rules.take());
  write_submit_button(h, "Create account");
  h << R"(</form>
<p>Already have an account? <a href="/account/sign-in">Sign in</a></p>
)"_m;
  return render_in_layout(chrome, form_page_title(p.form, "Create an account"), "/account/register",
                          in_two_thirds_column(h.take()));
}

SafeHtml render_check_email(const Chrome& chrome, const CheckEmailPage& p) {
  Html h;
  bool registering = p.reason == EmailSentFor::registration;
  h << "<h1>Check your email</h1>\n<p>We have sent an email to <strong>"_m << p.email
    << "</strong>.</p>\n"_m;
  if (registering) {
    h << R"(<p>Open the link in it to finish creating your account. The link works for 48 hours.</p>
<p>If you already have an account with this address, the email tells you how to sign in instead.</p>
)"_m;
  } else {
    h << R"(<p>If there is an account with this address, the email has a link to set a new password. The link works once and for 1 hour.</p>
)"_m;
  }
  h << R"(<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">Information: </span>
<p>No email after a few minutes? Check your spam or junk folder, and check the address is spelt right.</p>
</div>
)"_m;
  if (registering) {
    h << R"(<p><a href="/account/register">Try again with another address</a></p>
)"_m;
  } else {
    h << R"(<p><a href="/account/forgot-password">Try again</a> or <a href="/account/sign-in">go back to sign in</a></p>
)"_m;
  }
  return render_in_layout(chrome, "Check your email",
                          registering ? "/account/register" : "/account/forgot-password",
                          in_two_thirds_column(h.take()));
}

SafeHtml render_forgot_password(const Chrome& chrome, const ForgotPasswordPage& p) {
  Html h;
  write_form_error_summary(h, p.form);
  h << R"(<h1>Forgot your password?</h1>
<p>Enter the email address you use to sign in. We will email you a link to set a new password.</p>
<form method="post" action="/account/forgot-password" novalidate>
)"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_input_field(h, p.form, {"email", "Email address", "email", "email", "", p.email});
  write_submit_button(h, "Send me a link");
  h << R"(</form>
<p><a href="/account/sign-in">Back to sign in</a></p>
)"_m;
  return render_in_layout(chrome, form_page_title(p.form, "Forgot your password?"),
                          "/account/forgot-password", in_two_thirds_column(h.take()),
                          {{"Home", "/"}, {"Sign in", "/account/sign-in"}});
}

SafeHtml render_reset_password(const Chrome& chrome, const ResetPasswordPage& p) {
  Html h;
  write_form_error_summary(h, p.form);
  h << R"(<h1>Set a new password</h1>
<p>Setting a new password signs you out on every other device.</p>
<form method="post" action="/account/reset/)"_m
    << p.token << R"(" novalidate>
)"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_input_field(h, p.form,
                    {"new_password", "New password", "password", "new-password",
                     "At least 10 characters. Avoid common passwords; a few unrelated words work "
                     "well.",
                     ""});
  write_input_field(
      h, p.form, {"confirm_password", "Confirm new password", "password", "new-password", "", ""});
  write_submit_button(h, "Set new password");
  h << "</form>\n"_m;
  return render_in_layout(chrome, form_page_title(p.form, "Set a new password"), "/account/reset",
                          in_two_thirds_column(h.take()));
}

SafeHtml render_confirm_email(const Chrome& chrome, const ConfirmEmailPage& p) {
  Html h;
  write_form_error_summary(h, p.form);
  h << R"(<h1>Confirm your email address</h1>
<p>Confirm your address to finish creating your account. You will be signed in.</p>
<form method="post" action="/account/confirm/)"_m
    << p.token << R"(">
)"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_submit_button(h, "Confirm and sign in");
  h << "</form>\n"_m;
  return render_in_layout(chrome, form_page_title(p.form, "Confirm your email address"),
                          "/account/confirm", in_two_thirds_column(h.take()));
}

SafeHtml render_dead_link(const Chrome& chrome, DeadLink which) {
  Html h;
  h << R"(<h1>This link has expired</h1>
<p>The link may be more than )"_m
    << (which == DeadLink::reset_password ? "1 hour"_m : "48 hours"_m)
    << R"( old, or it has already been used. Each link works once.</p>
)"_m;
  if (which == DeadLink::reset_password) {
    h << R"(<p><a href="/account/forgot-password">Ask for a new link</a></p>
)"_m;
  } else {
    h << R"(<p><a href="/account/sign-in">Sign in</a>: if your email address still needs confirming, we will email you a new link.</p>
)"_m;
  }
  return render_in_layout(chrome, "This link has expired", "/account",
                          in_two_thirds_column(h.take()));
}

SafeHtml render_sign_in(const Chrome& chrome, const SignInPage& p) {
  Html h;
  write_form_error_summary(h, p.form);
  h << "<h1>Sign in</h1>\n"_m;
  if (p.kept_text) {
    write_inset_text(h,
                     "You were signed out before your changes were saved. What you typed is "
                     "kept: sign in again to carry on where you were.",
                     "cairn-message");
  }
  h << R"(<form method="post" action="/account/sign-in" novalidate>
)"_m;
  write_csrf_field(h, p.form.csrf_token);
  if (!p.next.empty()) {
    h << R"(<input type="hidden" name="next" value=")"_m << p.next << "\">\n"_m;
  }
  write_input_field(h, p.form, {"email", "Email address", "email", "email", "", p.email});
  write_input_field(h, p.form, {"password", "Password", "password", "current-password", "", ""});
  write_submit_button(h, "Sign in");
  h << R"(</form>
<p><a href="/account/forgot-password">Forgot your password?</a></p>
<p>No account yet? <a href="/account/register">Create an account</a></p>
)"_m;
  return render_in_layout(chrome, form_page_title(p.form, "Sign in"), "/account/sign-in",
                          in_two_thirds_column(h.take()));
}

SafeHtml render_account(const Chrome& chrome, const AccountPage& p) {
  Html h;
  write_message_notice(h, p.unread_messages);
  h << "<h1>Your account</h1>\n"_m;
  if (!p.notice.empty()) {
    write_inset_text(h, p.notice);
  }
  if (p.due_reviews)
    h << render_due_reviews(*p.due_reviews);
  h << R"(<dl class="nhsuk-summary-list">
<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Display name</dt><dd class="nhsuk-summary-list__value cairn-display-name">)"_m
    << p.display_name << R"(</dd></div>
<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Role</dt><dd class="nhsuk-summary-list__value">)"_m
    << p.role_title << R"(</dd></div>
<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Member since</dt><dd class="nhsuk-summary-list__value">)"_m
    << format_date(std::string_view(p.member_since).substr(0, 10)) << R"(</dd></div>
</dl>
<h2>Manage your account</h2>
<ul class="nhsuk-list">
<li><a href="/account/password">Change your password</a></li>
<li><a href="/account/data">Download your data</a> (a JSON file)</li>
<li><a href="/account/delete">Delete your account</a></li>
</ul>
<h2>Cancer Chat</h2>
<ul class="nhsuk-list">
<li><a href="/account/forum">Your posts, watched threads and emails</a></li>
<li><a href="/account/messages">Messages from our moderators</a></li>
</ul>
)"_m;
  if (!p.staff_links.empty()) {
    h << "<h2>Staff pages</h2>\n<ul class=\"nhsuk-list\">"_m;
    for (const auto& link : p.staff_links) {
      h << "<li><a href=\""_m << link.href << "\">"_m << link.text << "</a></li>"_m;
    }
    h << "</ul>\n"_m;
  }
  if (p.trial_sync)
    h << render_trial_sync_box(*p.trial_sync);
  h << "<form method=\"post\" action=\"/account/sign-out\">\n"_m;
  write_csrf_field(h, p.csrf_token);
  write_submit_button(h, "Sign out", ButtonStyle::secondary);
  h << "</form>\n"_m;
  return render_in_layout(chrome, "Your account", "/account", in_two_thirds_column(h.take()));
}

SafeHtml render_change_password(const Chrome& chrome, const PasswordPage& p) {
  Html h;
  write_form_error_summary(h, p.form);
  h << R"(<h1>Change your password</h1>
<p>Changing your password signs you out on every other device.</p>
<form method="post" action="/account/password" novalidate>
)"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_input_field(
      h, p.form, {"current_password", "Current password", "password", "current-password", "", ""});
  write_input_field(h, p.form,
                    {"new_password", "New password", "password", "new-password",
                     "At least 10 characters. Avoid common passwords.", ""});
  write_input_field(
      h, p.form, {"confirm_password", "Confirm new password", "password", "new-password", "", ""});
  write_submit_button(h, "Change password");
  h << R"(</form>
<p><a href="/account">Back to your account</a></p>
)"_m;
  return render_in_layout(chrome, form_page_title(p.form, "Change your password"),
                          "/account/password", in_two_thirds_column(h.take()),
                          {{"Home", "/"}, {"Your account", "/account"}});
}

SafeHtml render_delete_account(const Chrome& chrome, const DeletePage& p) {
  const RadiosField posts{
      .name = "posts",
      .legend = "What should happen to your posts in Cancer Chat?",
      .options = {{"keep", "Keep them, shown as written by \"deleted member\""},
                  {"remove", "Remove them"}},
      .selected = p.posts,
      .value_in_every_id = true,
  };
  Html h;
  // The summary links to the first option, whose id is not the group's name.
  write_form_error_summary(h, p.form, {{posts.name, radio_option_id(posts, 0)}});
  h << R"(<h1>Delete your account</h1>
<div class="nhsuk-warning-callout"><h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>This cannot be undone</span></h2>
<p>Your account, your email address and your sign-in details are removed for good.</p></div>
<form method="post" action="/account/delete" novalidate>
)"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_radios_field(h, p.form, posts);
  write_input_field(
      h, p.form,
      {"password", "Your password", "password", "current-password", "To check it is you.", ""});
  write_submit_button(h, "Delete my account", ButtonStyle::warning);
  h << R"(</form>
<p><a href="/account">Cancel and go back to your account</a></p>
)"_m;
  return render_in_layout(chrome, form_page_title(p.form, "Delete your account"), "/account/delete",
                          in_two_thirds_column(h.take()),
                          {{"Home", "/"}, {"Your account", "/account"}});
}

SafeHtml render_account_deleted(const Chrome& chrome) {
  Html h;
  h << R"(<h1>Your account has been deleted</h1>
<p>You have been signed out and your account has been removed.</p>
<p>If you need support, you can still call our nurses or read our information.</p>
<p><a href="/">Go to the home page</a></p>
)"_m;
  return render_in_layout(chrome, "Your account has been deleted", "/account/delete",
                          in_two_thirds_column(h.take()));
}

}  // namespace cairn::views
