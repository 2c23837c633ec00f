#include "views/account_views.hpp"

#include <string_view>

#include "views/html.hpp"

namespace cairn::views {

using namespace literals;

namespace {

const FormError* error_for(const FormState& form, std::string_view field) {
  for (const auto& e : form.errors) {
    if (e.field == field)
      return &e;
  }
  return nullptr;
}

bool has_errors(const FormState& form) {
  return !form.errors.empty() || !form.refusal.empty();
}

std::string title_for(const FormState& form, std::string title) {
  return has_errors(form) ? "Error: " + title : title;
}

void write_error_summary(Html& h, const FormState& form) {
  if (!has_errors(form))
    return;
  h << R"(<div class="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1">
<h2 class="nhsuk-error-summary__title" id="error-summary-title">There is a problem</h2>
<div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list" role="list">)"_m;
  if (!form.refusal.empty())
    h << "<li>"_m << form.refusal << "</li>"_m;
  for (const auto& e : form.errors) {
    // A group of radios is reached through its first option.
    std::string target = e.field == "posts" ? "posts-keep" : e.field;
    h << R"(<li><a href="#)"_m << target << "\">"_m << e.message << "</a></li>"_m;
  }
  h << "</ul></div></div>\n"_m;
}

void write_csrf(Html& h, const FormState& form) {
  h << R"(<input type="hidden" name="csrf_token" value=")"_m << form.csrf_token << "\">\n"_m;
}

void write_error_message(Html& h, const FormError* error, std::string_view field) {
  if (!error)
    return;
  h << R"(<span class="nhsuk-error-message" id=")"_m << field
    << R"(-error"><span class="nhsuk-u-visually-hidden">Error:</span> )"_m << error->message
    << "</span>\n"_m;
}

struct Input {
  std::string_view name;
  std::string_view label;
  std::string_view type;          // "text", "email", "password"
  std::string_view autocomplete;  // "email", "new-password", ...
  std::string_view hint;
  std::string_view value;
};

void write_input(Html& h, const FormState& form, const Input& in) {
  const FormError* error = error_for(form, in.name);
  h << (error ? R"(<div class="nhsuk-form-group nhsuk-form-group--error">)"_m
              : R"(<div class="nhsuk-form-group">)"_m)
    << R"(<label class="nhsuk-label" for=")"_m << in.name << "\">"_m << in.label << "</label>\n"_m;
  std::string described;
  if (!in.hint.empty()) {
    h << R"(<div class="nhsuk-hint" id=")"_m << in.name << R"(-hint">)"_m << in.hint
      << "</div>\n"_m;
    described = std::string(in.name) + "-hint";
  }
  write_error_message(h, error, in.name);
  if (error)
    described += (described.empty() ? "" : " ") + std::string(in.name) + "-error";
  h << (error ? R"(<input class="nhsuk-input nhsuk-input--error" id=")"_m
              : R"(<input class="nhsuk-input" id=")"_m)
    << in.name << R"(" name=")"_m << in.name << R"(" type=")"_m << in.type
    << R"(" autocomplete=")"_m << in.autocomplete << "\""_m;
  if (in.type != "password") {
    h << R"( spellcheck="false" value=")"_m << in.value << "\""_m;
  }
  if (!described.empty())
    h << R"( aria-describedby=")"_m << described << "\""_m;
  h << "></div>\n"_m;
}

// One checkbox in its own group, so each can carry its own error.
void write_checkbox(Html& h, const FormState& form, std::string_view name, bool checked,
                    const SafeHtml& label) {
  const FormError* error = error_for(form, name);
  h << (error ? R"(<div class="nhsuk-form-group nhsuk-form-group--error">)"_m
              : R"(<div class="nhsuk-form-group">)"_m);
  write_error_message(h, error, name);
  h << R"(<div class="nhsuk-checkboxes"><div class="nhsuk-checkboxes__item"><input class="nhsuk-checkboxes__input" id=")"_m
    << name << R"(" name=")"_m << name << R"(" type="checkbox" value="yes")"_m;
  if (checked)
    h << " checked"_m;
  if (error)
    h << R"( aria-describedby=")"_m << name << R"(-error")"_m;
  h << R"(><label class="nhsuk-label nhsuk-checkboxes__label" for=")"_m << name << "\">"_m << label
    << "</label></div></div></div>\n"_m;
}

void write_button(Html& h, std::string_view text, bool warning = false) {
  h << (warning
            ? R"(<button class="nhsuk-button nhsuk-button--warning" type="submit" data-module="nhsuk-button">)"_m
            : R"(<button class="nhsuk-button" type="submit" data-module="nhsuk-button">)"_m)
    << text << "</button>\n"_m;
}

SafeHtml page(const Chrome& chrome, std::string title, std::string path, const SafeHtml& main,
              std::vector<Breadcrumb> crumbs = {{"Home", "/"}}) {
  PageShell shell{std::move(title), "", std::move(path), std::move(crumbs), {}};
  return render_layout(chrome, shell, main);
}

SafeHtml in_column(Html& h) {
  Html wrapped;
  wrapped << R"(<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">)"_m
          << h.take() << "</div></div>\n"_m;
  return wrapped.take();
}

}  // namespace

SafeHtml render_register(const Chrome& chrome, const RegisterPage& p) {
  Html h;
  write_error_summary(h, p.form);
  h << R"(<h1>Create an account</h1>
<p>An account lets you post in Cancer Chat, our online forum. Other people see only your display name; we never show your email address.</p>
<form method="post" action="/account/register" novalidate>
)"_m;
  write_csrf(h, p.form);
  write_input(h, p.form,
              {"display_name", "Display name", "text", "nickname",
               "Other people will see this name. To stay anonymous, do not use your full name.",
               p.display_name});
  write_input(h, p.form,
              {"email", "Email address", "email", "email",
               "You will use this to sign in. We never show it to anyone.", p.email});
  write_input(
      h, p.form,
      {"password", "Password", "password", "new-password",
       "At least 10 characters. Avoid common passwords; a few unrelated words work well.", ""});
  write_input(h, p.form,
              {"confirm_password", "Confirm password", "password", "new-password", "", ""});
  Html over_14, rules;
  over_14 << "I am 14 or over"_m;
  rules << R"(I accept the <a href="/forum/rules">community rules</a>)"_m;
  write_checkbox(h, p.form, "over_14", p.over_14, over_14.take());
  write_checkbox(h, p.form, "accept_rules", p.accept_rules, rules.take());
  write_button(h, "Create account");
  h << R"(</form>
<p>Already have an account? <a href="/account/sign-in">Sign in</a></p>
)"_m;
  return page(chrome, title_for(p.form, "Create an account"), "/account/register", in_column(h));
}

SafeHtml render_sign_in(const Chrome& chrome, const SignInPage& p) {
  Html h;
  write_error_summary(h, p.form);
  h << R"(<h1>Sign in</h1>
<form method="post" action="/account/sign-in" novalidate>
)"_m;
  write_csrf(h, p.form);
  if (!p.next.empty()) {
    h << R"(<input type="hidden" name="next" value=")"_m << p.next << "\">\n"_m;
  }
  write_input(h, p.form, {"email", "Email address", "email", "email", "", p.email});
  write_input(h, p.form, {"password", "Password", "password", "current-password", "", ""});
  write_button(h, "Sign in");
  h << R"(</form>
<p>No account yet? <a href="/account/register">Create an account</a></p>
)"_m;
  return page(chrome, title_for(p.form, "Sign in"), "/account/sign-in", in_column(h));
}

SafeHtml render_account(const Chrome& chrome, const AccountPage& p) {
  Html h;
  h << "<h1>Your account</h1>\n"_m;
  if (!p.notice.empty()) {
    h << R"(<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">Information: </span><p>)"_m
      << p.notice << "</p></div>\n"_m;
  }
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
)"_m;
  if (!p.staff_links.empty()) {
    h << "<h2>Staff pages</h2>\n<ul class=\"nhsuk-list\">"_m;
    for (const auto& link : p.staff_links) {
      h << "<li><a href=\""_m << link.href << "\">"_m << link.text << "</a></li>"_m;
    }
    h << "</ul>\n"_m;
  }
  h << R"(<form method="post" action="/account/sign-out">
<input type="hidden" name="csrf_token" value=")"_m
    << p.csrf_token << R"(">
<button class="nhsuk-button nhsuk-button--secondary" type="submit" data-module="nhsuk-button">Sign out</button>
</form>
)"_m;
  return page(chrome, "Your account", "/account", in_column(h));
}

SafeHtml render_change_password(const Chrome& chrome, const PasswordPage& p) {
  Html h;
  write_error_summary(h, p.form);
  h << R"(<h1>Change your password</h1>
<p>Changing your password signs you out on every other device.</p>
<form method="post" action="/account/password" novalidate>
)"_m;
  write_csrf(h, p.form);
  write_input(h, p.form,
              {"current_password", "Current password", "password", "current-password", "", ""});
  write_input(h, p.form,
              {"new_password", "New password", "password", "new-password",
               "At least 10 characters. Avoid common passwords.", ""});
  write_input(h, p.form,
              {"confirm_password", "Confirm new password", "password", "new-password", "", ""});
  write_button(h, "Change password");
  h << R"(</form>
<p><a href="/account">Back to your account</a></p>
)"_m;
  return page(chrome, title_for(p.form, "Change your password"), "/account/password", in_column(h),
              {{"Home", "/"}, {"Your account", "/account"}});
}

SafeHtml render_delete_account(const Chrome& chrome, const DeletePage& p) {
  Html h;
  write_error_summary(h, p.form);
  h << R"(<h1>Delete your account</h1>
<div class="nhsuk-warning-callout"><h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>This cannot be undone</span></h2>
<p>Your account, your email address and your sign-in details are removed for good.</p></div>
<form method="post" action="/account/delete" novalidate>
)"_m;
  write_csrf(h, p.form);
  const FormError* posts_error = error_for(p.form, "posts");
  h << (posts_error ? R"(<div class="nhsuk-form-group nhsuk-form-group--error">)"_m
                    : R"(<div class="nhsuk-form-group">)"_m)
    << R"(<fieldset class="nhsuk-fieldset")"_m;
  if (posts_error)
    h << R"( aria-describedby="posts-error")"_m;
  h << R"(><legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What should happen to your posts in Cancer Chat?</legend>
)"_m;
  write_error_message(h, posts_error, "posts");
  h << R"(<div class="nhsuk-radios">)"_m;
  struct Option {
    std::string_view value, label;
  };
  for (const auto& option : {Option{"keep", "Keep them, shown as written by \"deleted member\""},
                             Option{"remove", "Remove them"}}) {
    h << R"(<div class="nhsuk-radios__item"><input class="nhsuk-radios__input" id="posts-)"_m
      << option.value << R"(" name="posts" type="radio" value=")"_m << option.value << "\""_m;
    if (p.posts == option.value)
      h << " checked"_m;
    h << R"(><label class="nhsuk-label nhsuk-radios__label" for="posts-)"_m << option.value
      << "\">"_m << option.label << "</label></div>"_m;
  }
  h << "</div></fieldset></div>\n"_m;
  write_input(
      h, p.form,
      {"password", "Your password", "password", "current-password", "To check it is you.", ""});
  write_button(h, "Delete my account", true);
  h << R"(</form>
<p><a href="/account">Cancel and go back to your account</a></p>
)"_m;
  return page(chrome, title_for(p.form, "Delete your account"), "/account/delete", in_column(h),
              {{"Home", "/"}, {"Your account", "/account"}});
}

SafeHtml render_account_deleted(const Chrome& chrome) {
  Html h;
  h << R"(<h1>Your account has been deleted</h1>
<p>You have been signed out and your account has been removed.</p>
<p>If you need support, you can still call our nurses or read our information.</p>
<p><a href="/">Go to the home page</a></p>
)"_m;
  return page(chrome, "Your account has been deleted", "/account/delete", in_column(h));
}

}  // namespace cairn::views
