#include "app/account_routes.hpp"

#include <nlohmann/json.hpp>

#include "app/json_text.hpp"
#include "views/account_views.hpp"

namespace cairn::app {

namespace {

// Only a path on this site: never "//host", "/\host" or anything with a scheme.
std::string local_path(std::string_view next) {
  if (next.empty() || next.size() > 2000 || next.front() != '/')
    return "";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))
    return "";
  for (unsigned char c : next) {
    if (c < 0x20 || c == 0x7F || c == '\\')
      return "";
  }
  return std::string(next);
}

class AccountPages {
 public:
  explicit AccountPages(AccountDeps& deps) : d_(deps) {}

  void add(Routes& routes) const {
    routes.add("GET", "/account/register", bind_page(*this, &AccountPages::register_form));
    routes.add("POST", "/account/register", bind_page(*this, &AccountPages::register_member));
    routes.add("GET", "/account/confirm/{token}", bind_page(*this, &AccountPages::confirm_form));
    routes.add("POST", "/account/confirm/{token}", bind_page(*this, &AccountPages::confirm));
    routes.add("GET", "/account/forgot-password", bind_page(*this, &AccountPages::forgot_form));
    routes.add("POST", "/account/forgot-password", bind_page(*this, &AccountPages::forgot));
    routes.add("GET", "/account/reset/{token}", bind_page(*this, &AccountPages::reset_form));
    routes.add("POST", "/account/reset/{token}", bind_page(*this, &AccountPages::reset));
    routes.add("GET", "/account/sign-in", bind_page(*this, &AccountPages::sign_in_form));
    routes.add("POST", "/account/sign-in", bind_page(*this, &AccountPages::sign_in));
    routes.add("POST", "/account/sign-out", bind_page(*this, &AccountPages::sign_out));
    routes.add("GET", "/account", bind_page(*this, &AccountPages::overview));
    routes.add("GET", "/account/password", bind_page(*this, &AccountPages::password_form));
    routes.add("POST", "/account/password", bind_page(*this, &AccountPages::change_password));
    routes.add("GET", "/account/delete", bind_page(*this, &AccountPages::delete_form));
    routes.add("POST", "/account/delete", bind_page(*this, &AccountPages::delete_account));
    routes.add("GET", "/account/data", bind_page(*this, &AccountPages::download_data));
  }

 private:
  Outcome register_form(RequestContext& c) const {
    if (c.account())
      return Outcome::see_other("/account");
    views::RegisterPage p;
    p.form = c.form_state();
    return Outcome::page(views::render_register(d_.site.chrome(), p));
  }

  Outcome register_member(RequestContext& c) const {
    const auto& form = c.form();
    if (!form)
      return form.error();
    accounts::Registration reg{form->get("display_name"), form->get("email"),
                               form->get("password"),     form->get("confirm_password"),
                               form->has("over_14"),      form->has("accept_rules")};
    c.visitor();  // the answer is for this visitor: their cookies, never stored
    auto result = d_.accounts.register_member(reg, c.client_address());
    if (result) {
      // The same page for a new address and one that has an account.
      return Outcome::page(views::render_check_email(
          d_.site.chrome(), {views::EmailSentFor::registration, reg.email}));
    }
    views::RegisterPage p;
    p.form = c.form_state(&result.error());
    p.display_name = reg.display_name;
    p.email = reg.email;
    p.over_14 = reg.over_14;
    p.accept_rules = reg.accepts_rules;
    return Outcome::form(views::render_register(d_.site.chrome(), p), result.error());
  }

  // A page with a button, not a confirmation on GET: mail scanners open links
  // before people do, and must not use them up.
  Outcome confirm_form(RequestContext& c) const {
    views::ConfirmEmailPage p{c.form_state(), std::string(c.path_param("token"))};
    return Outcome::page(views::render_confirm_email(d_.site.chrome(), p));
  }

  Outcome confirm(RequestContext& c) const {
    c.visitor();  // the answer is for this visitor: their cookies, never stored
    auto account = d_.accounts.confirm_email(std::string(c.path_param("token")));
    if (!account) {
      if (account.error().code == Errc::not_found) {
        return Outcome::form(
            views::render_dead_link(d_.site.chrome(), views::DeadLink::confirm_email),
            account.error());
      }
      return account.error();
    }
    c.sign_in(account.value());
    return Outcome::see_other("/account?welcome=1");
  }

  Outcome forgot_form(RequestContext& c) const {
    views::ForgotPasswordPage p{c.form_state(), ""};
    return Outcome::page(views::render_forgot_password(d_.site.chrome(), p));
  }

  Outcome forgot(RequestContext& c) const {
    const auto& form = c.form();
    if (!form)
      return form.error();
    std::string email = form->get("email");
    auto result = d_.accounts.request_password_reset(email, c.client_address());
    if (result) {
      return Outcome::page(views::render_check_email(d_.site.chrome(),
                                                     {views::EmailSentFor::password_reset, email}));
    }
    views::ForgotPasswordPage p{c.form_state(&result.error()), email};
    return Outcome::form(views::render_forgot_password(d_.site.chrome(), p), result.error());
  }

  Outcome reset_form(RequestContext& c) const {
    std::string token = std::string(c.path_param("token"));
    if (!d_.accounts.reset_link_live(token)) {
      return Outcome::form(
          views::render_dead_link(d_.site.chrome(), views::DeadLink::reset_password),
          make_error(Errc::not_found, "This link has expired"));
    }
    views::ResetPasswordPage p{c.form_state(), token};
    return Outcome::page(views::render_reset_password(d_.site.chrome(), p));
  }

  Outcome reset(RequestContext& c) const {
    const auto& form = c.form();
    if (!form)
      return form.error();
    std::string token = std::string(c.path_param("token"));
    c.visitor();  // the answer is for this visitor: their cookies, never stored
    auto account =
        d_.accounts.reset_password(token, form->get("new_password"), form->get("confirm_password"));
    if (account) {
      // Every session ended with the change; this browser gets a new one.
      c.sign_in(account.value());
      return Outcome::see_other("/account?changed=password");
    }
    if (account.error().code == Errc::not_found) {
      return Outcome::form(
          views::render_dead_link(d_.site.chrome(), views::DeadLink::reset_password),
          account.error());
    }
    if (account.error().problems.empty())
      return account.error();
    views::ResetPasswordPage p{c.form_state(&account.error()), token};
    return Outcome::form(views::render_reset_password(d_.site.chrome(), p), account.error());
  }

  Outcome sign_in_form(RequestContext& c) const {
    std::string next = local_path(c.query("next"));
    if (c.account())
      return Outcome::see_other(next.empty() ? "/account" : next);
    views::SignInPage p;
    p.form = c.form_state();
    p.next = next;
    p.kept_text = c.query("kept") == "1";
    return Outcome::page(views::render_sign_in(d_.site.chrome(), p));
  }

  Outcome sign_in(RequestContext& c) const {
    const auto& form = c.form();
    if (!form)
      return form.error();
    c.visitor();  // the answer is for this visitor: their cookies, never stored
    std::string next = local_path(form->get("next"));
    auto account =
        d_.accounts.authenticate(form->get("email"), form->get("password"), c.client_address());
    if (account) {
      c.sign_in(account.value());
      return Outcome::see_other(next.empty() ? "/account" : next);
    }
    // A wrong address or password is shown at the address; a refusal (too many tries) above all.
    Error problem = account.error();
    if (problem.code == Errc::unauthorized)
      problem.field = "email";
    views::SignInPage p;
    p.form = c.form_state(&problem);
    p.email = form->get("email");
    p.next = next;
    return Outcome::form(views::render_sign_in(d_.site.chrome(), p), problem);
  }

  Outcome sign_out(RequestContext& c) const {
    c.sign_out();
    return Outcome::see_other("/");
  }

  Outcome overview(RequestContext& c) const {
    const auto* account = c.account();
    if (!account)
      return to_sign_in(c.path());
    views::AccountPage p;
    p.csrf_token = c.visitor().csrf_token;
    p.display_name = account->display_name;
    p.role_title = std::string(accounts::role_title(account->role));
    p.member_since = account->created_at;
    using accounts::Role;
    Role role = account->role;
    if (role == Role::editor || role == Role::admin) {
      p.staff_links.push_back({"Pages and reviews", "/staff/content"});
      p.due_reviews = d_.reminders.due_for(account->id);
    }
    if (role == Role::moderator || role == Role::admin)
      p.staff_links.push_back({"Moderation queue", "/staff/moderation"});
    if (role == Role::nurse || role == Role::admin)
      p.staff_links.push_back({"Nurse inbox", "/staff/helpline"});
    if (role != Role::member)
      p.trial_sync = d_.trial_sync.sync_state();
    p.unread_messages = d_.forum.unread_messages(*account);
    if (c.has_query("welcome"))
      p.notice = "Your account has been created.";
    if (c.query("changed") == "password") {
      p.notice = "Your password has been changed. You have been signed out on other devices.";
    }
    return Outcome::page(views::render_account(d_.site.chrome(), p));
  }

  Outcome password_form(RequestContext& c) const {
    if (!c.account())
      return to_sign_in(c.path());
    views::PasswordPage p{c.form_state()};
    return Outcome::page(views::render_change_password(d_.site.chrome(), p));
  }

  Outcome change_password(RequestContext& c) const {
    return member_post(
        c, c.path(), [&](const http::Form& form, const accounts::Account& account) -> Outcome {
          auto result = d_.accounts.change_password(
              account, form.get("current_password"), form.get("new_password"),
              form.get("confirm_password"), c.client_address());
          if (result) {
            // Every session ended with the change; this browser gets a new one.
            auto who = account;
            c.sign_in(who);
            return Outcome::see_other("/account?changed=password");
          }
          views::PasswordPage p{c.form_state(&result.error())};
          return Outcome::form(views::render_change_password(d_.site.chrome(), p), result.error());
        });
  }

  Outcome delete_form(RequestContext& c) const {
    if (!c.account())
      return to_sign_in(c.path());
    views::DeletePage p{c.form_state(), ""};
    return Outcome::page(views::render_delete_account(d_.site.chrome(), p));
  }

  Outcome delete_account(RequestContext& c) const {
    return member_post(
        c, c.path(), [&](const http::Form& form, const accounts::Account& account) -> Outcome {
          std::string posts = form.get("posts");
          std::optional<accounts::PostChoice> choice;
          if (posts == "keep")
            choice = accounts::PostChoice::keep_as_deleted_member;
          if (posts == "remove")
            choice = accounts::PostChoice::remove;
          auto result =
              d_.accounts.delete_account(account, form.get("password"), choice, c.client_address());
          if (result) {
            c.sign_out();
            return Outcome::page(views::render_account_deleted(d_.site.chrome()));
          }
          views::DeletePage p{c.form_state(&result.error()), choice ? posts : ""};
          return Outcome::form(views::render_delete_account(d_.site.chrome(), p), result.error());
        });
  }

  Outcome download_data(RequestContext& c) const {
    const auto* account = c.account();
    if (!account)
      return to_sign_in(c.path());
    auto data = d_.accounts.export_data(*account);
    return Outcome::json(json_text(data, 2) + "\n")
        .with_header("Content-Disposition", "attachment; filename=\"cairn-account-data.json\"");
  }

  AccountDeps& d_;
};

}  // namespace

bool hashes_password(const http::Request& request) {
  if (request.method != "POST")
    return false;
  const auto& path = request.path;
  return path == "/account/sign-in" || path == "/account/register" || path == "/account/password" ||
         path == "/account/delete" || path.starts_with(accounts::kResetPasswordPath);
}

void add_account_routes(Routes& routes, AccountDeps& deps) {
  AccountPages(deps).add(routes);
}

}  // namespace cairn::app
