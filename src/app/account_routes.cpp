#include "app/account_routes.hpp"

#include "app/form_state.hpp"
#include "app/web_app.hpp"
#include "core/text.hpp"
#include "http/client_address.hpp"
#include "http/form.hpp"
#include "views/account_views.hpp"

namespace cairn::app {

namespace {

using accounts::FormProblems;

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

  void add(http::Router& router) {
    router.add("GET", "/account/register", bind(&AccountPages::register_form));
    router.add("POST", "/account/register", bind(&AccountPages::register_member));
    router.add("GET", "/account/sign-in", bind(&AccountPages::sign_in_form));
    router.add("POST", "/account/sign-in", bind(&AccountPages::sign_in));
    router.add("POST", "/account/sign-out", bind(&AccountPages::sign_out));
    router.add("GET", "/account", bind(&AccountPages::overview));
    router.add("GET", "/account/password", bind(&AccountPages::password_form));
    router.add("POST", "/account/password", bind(&AccountPages::change_password));
    router.add("GET", "/account/delete", bind(&AccountPages::delete_form));
    router.add("POST", "/account/delete", bind(&AccountPages::delete_account));
    router.add("GET", "/account/data", bind(&AccountPages::download_data));
  }

 private:
  using Method = Result<http::Response> (AccountPages::*)(const http::Request&) const;
  http::Handler bind(Method method) const {
    return [pages = *this, method](const http::Request& r) { return (pages.*method)(r); };
  }

  std::string address(const http::Request& r) const {
    return http::client_address(r, d_.trust_forwarded_for);
  }

  http::Response page(const Visitor& v, const SafeHtml& html, int status = 200) const {
    http::Response r;
    r.status = status;
    r.body = html.str();
    d_.visitors.finish(v, r);
    return r;
  }

  http::Response redirect(const Visitor& v, std::string location) const {
    auto r = http::redirect(std::move(location));
    d_.visitors.finish(v, r);
    return r;
  }

  // Signed-out visitors are sent to sign in, and brought back afterwards.
  http::Response to_sign_in(const Visitor& v, const http::Request& r) const {
    return redirect(v, "/account/sign-in?next=" + url_encode(r.path));
  }

  Result<http::Response> register_form(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    if (v.account())
      return redirect(v, "/account");
    views::RegisterPage p;
    p.form = form_state(v);
    return page(v, views::render_register(d_.site.chrome(), p));
  }

  Result<http::Response> register_member(const http::Request& r) const {
    auto form = http::parse_form(r);
    if (!form)
      return form.error();
    auto v = d_.visitors.resolve(r);
    accounts::Registration reg{form->get("display_name"), form->get("email"),
                               form->get("password"),     form->get("confirm_password"),
                               form->has("over_14"),      form->has("accept_rules")};
    auto result = d_.accounts.register_member(reg, address(r));
    if (result) {
      d_.visitors.sign_in(v, result.value(), r);
      return redirect(v, "/account?welcome=1");
    }
    views::RegisterPage p;
    p.form = form_state(v, result.problems());
    p.display_name = reg.display_name;
    p.email = reg.email;
    p.over_14 = reg.over_14;
    p.accept_rules = reg.accepts_rules;
    return page(v, views::render_register(d_.site.chrome(), p),
                status_for(result.problems().code()));
  }

  Result<http::Response> sign_in_form(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    std::string next = local_path(r.param("next"));
    if (v.account())
      return redirect(v, next.empty() ? "/account" : next);
    views::SignInPage p;
    p.form = form_state(v);
    p.next = next;
    return page(v, views::render_sign_in(d_.site.chrome(), p));
  }

  Result<http::Response> sign_in(const http::Request& r) const {
    auto form = http::parse_form(r);
    if (!form)
      return form.error();
    auto v = d_.visitors.resolve(r);
    std::string next = local_path(form->get("next"));
    auto account = d_.accounts.authenticate(form->get("email"), form->get("password"), address(r));
    if (account) {
      d_.visitors.sign_in(v, account.value(), r);
      return redirect(v, next.empty() ? "/account" : next);
    }
    FormProblems problems;
    if (account.error().code == Errc::unauthorized) {
      problems.add("email", account.error().message);
    } else {
      problems.refusal = account.error();
    }
    views::SignInPage p;
    p.form = form_state(v, problems);
    p.email = form->get("email");
    p.next = next;
    return page(v, views::render_sign_in(d_.site.chrome(), p), status_for(account.error().code));
  }

  Result<http::Response> sign_out(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    d_.visitors.sign_out(v);
    return redirect(v, "/");
  }

  Result<http::Response> overview(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    const auto* account = v.account();
    if (!account)
      return to_sign_in(v, r);
    views::AccountPage p;
    p.csrf_token = v.csrf_token;
    p.display_name = account->display_name;
    p.role_title = std::string(accounts::role_title(account->role));
    p.member_since = account->created_at;
    using accounts::Role;
    Role role = account->role;
    if (role == Role::editor || role == Role::admin)
      p.staff_links.push_back({"Pages and reviews", "/staff/content"});
    if (role == Role::moderator || role == Role::admin)
      p.staff_links.push_back({"Moderation queue", "/staff/moderation"});
    if (role == Role::nurse || role == Role::admin)
      p.staff_links.push_back({"Nurse inbox", "/staff/helpline"});
    if (r.has_param("welcome"))
      p.notice = "Your account has been created.";
    if (r.param("changed") == "password") {
      p.notice = "Your password has been changed. You have been signed out on other devices.";
    }
    return page(v, views::render_account(d_.site.chrome(), p));
  }

  Result<http::Response> password_form(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    if (!v.account())
      return to_sign_in(v, r);
    views::PasswordPage p{form_state(v)};
    return page(v, views::render_change_password(d_.site.chrome(), p));
  }

  Result<http::Response> change_password(const http::Request& r) const {
    auto form = http::parse_form(r);
    if (!form)
      return form.error();
    auto v = d_.visitors.resolve(r);
    const auto* account = v.account();
    if (!account)
      return to_sign_in(v, r);
    auto result = d_.accounts.change_password(*account, form->get("current_password"),
                                              form->get("new_password"),
                                              form->get("confirm_password"), address(r));
    if (result) {
      // Every session ended with the change; this browser gets a new one.
      auto who = *account;
      d_.visitors.sign_in(v, who, r);
      return redirect(v, "/account?changed=password");
    }
    views::PasswordPage p{form_state(v, result.problems())};
    return page(v, views::render_change_password(d_.site.chrome(), p),
                status_for(result.problems().code()));
  }

  Result<http::Response> delete_form(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    if (!v.account())
      return to_sign_in(v, r);
    views::DeletePage p{form_state(v), ""};
    return page(v, views::render_delete_account(d_.site.chrome(), p));
  }

  Result<http::Response> delete_account(const http::Request& r) const {
    auto form = http::parse_form(r);
    if (!form)
      return form.error();
    auto v = d_.visitors.resolve(r);
    const auto* account = v.account();
    if (!account)
      return to_sign_in(v, r);
    std::string posts = form->get("posts");
    std::optional<accounts::PostChoice> choice;
    if (posts == "keep")
      choice = accounts::PostChoice::keep_as_deleted_member;
    if (posts == "remove")
      choice = accounts::PostChoice::remove;
    auto result = d_.accounts.delete_account(*account, form->get("password"), choice, address(r));
    if (result) {
      d_.visitors.sign_out(v);
      return page(v, views::render_account_deleted(d_.site.chrome()));
    }
    views::DeletePage p{form_state(v, result.problems()), choice ? posts : ""};
    return page(v, views::render_delete_account(d_.site.chrome(), p),
                status_for(result.problems().code()));
  }

  Result<http::Response> download_data(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    const auto* account = v.account();
    if (!account)
      return to_sign_in(v, r);
    auto data = d_.accounts.export_data(*account);
    auto response = http::json_response(
        200, data.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    response.set_header("Content-Disposition", "attachment; filename=\"cairn-account-data.json\"");
    d_.visitors.finish(v, response);
    return response;
  }

  AccountDeps& d_;
};

}  // namespace

void add_account_routes(http::Router& router, AccountDeps& deps) {
  AccountPages(deps).add(router);
}

}  // namespace cairn::app
