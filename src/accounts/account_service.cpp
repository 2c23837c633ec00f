#include "accounts/account_service.hpp"

#include "accounts/display_name.hpp"
#include "accounts/email_address.hpp"
#include "core/iso_time.hpp"

namespace cairn::accounts {

namespace {

constexpr std::string_view kWrongEmailOrPassword = "Enter a correct email and password";

std::int64_t seconds_of(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

// Rate-limit keys: the address, and the email as typed (normalised), whether or
// not an account has it, so the limit itself says nothing about who is registered.
std::string address_key(std::string_view what, std::string_view address) {
  return std::string(what) + ":address:" + std::string(address);
}
std::string account_key(std::string_view email) {
  return "sign-in:account:" + std::string(email.substr(0, 320));
}

}  // namespace

AccountService::AccountService(store::AccountStore& store, const PasswordHasher& hasher,
                               const PasswordPolicy& policy, RateLimiter& limiter,
                               const Clock& clock)
    : store_(store), hasher_(hasher), policy_(policy), limiter_(limiter), clock_(clock) {}

std::string AccountService::now_iso() const {
  return iso_date_time(seconds_of(clock_.now()));
}

Result<Account> AccountService::register_member(const Registration& form,
                                                std::string_view address) {
  std::string name = normalise_display_name(form.display_name);
  std::string email = normalise_email(form.email);
  FormProblems problems;
  if (auto p = display_name_problem(name))
    problems.add("display_name", *p);
  if (auto p = email_problem(email))
    problems.add("email", *p);
  if (form.password.empty()) {
    problems.add("password", "Enter a password");
  } else if (auto p = policy_.problem(form.password, email, name)) {
    problems.add("password", *p);
  } else if (form.confirm_password.empty()) {
    problems.add("confirm_password", "Confirm your password");
  } else if (form.confirm_password != form.password) {
    problems.add("confirm_password", "The passwords do not match");
  }
  if (!form.over_14)
    problems.add("over_14", "Confirm that you are 14 or over");
  if (!form.accepts_rules)
    problems.add("accept_rules", "Accept the community rules to join");
  if (!problems.empty())
    return problems.error();

  // Counted only for forms that would create an account, so fixing typos costs nothing.
  if (auto allowed = limiter_.attempt(address_key("register", address), kRegistrationsPerAddress);
      !allowed) {
    return allowed.error();
  }
  std::string now = now_iso();
  store::NewAccount account{email, name, hasher_.hash(form.password), "member", true, now, now};
  auto created = store_.create_account(account);
  using Outcome = store::CreatedAccount::Outcome;
  if (created.outcome == Outcome::email_taken) {
    problems.add("email", "An account with this email address already exists. Sign in instead");
    return problems.error();
  }
  if (created.outcome == Outcome::display_name_taken) {
    problems.add("display_name", "That display name is taken. Choose another");
    return problems.error();
  }
  auto record = store_.account_by_id(created.id);
  if (!record)
    throw std::runtime_error("a new account could not be read back");
  return account_from_record(*record);
}

Result<Account> AccountService::create_staff(const StaffAccount& staff) {
  std::string name = normalise_display_name(staff.display_name);
  std::string email = normalise_email(staff.email);
  if (auto p = email_problem(email))
    return make_error(Errc::invalid_input, *p);
  if (auto p = display_name_problem(name, true))
    return make_error(Errc::invalid_input, *p);
  if (auto p = policy_.problem(staff.password, email, name)) {
    return make_error(Errc::invalid_input, *p);
  }
  std::string now = now_iso();
  store::NewAccount account{
      email, name, hasher_.hash(staff.password), std::string(role_name(staff.role)), true,
      now,   now};
  auto created = store_.create_account(account);
  using Outcome = store::CreatedAccount::Outcome;
  if (created.outcome == Outcome::email_taken) {
    return make_error(Errc::conflict, "an account with this email address already exists");
  }
  if (created.outcome == Outcome::display_name_taken) {
    return make_error(Errc::conflict,
                      "the display name '" + name + "' is taken; choose another with --name");
  }
  auto record = store_.account_by_id(created.id);
  if (!record)
    throw std::runtime_error("a new account could not be read back");
  return account_from_record(*record);
}

Result<store::AccountRecord> AccountService::check_password(std::string_view email,
                                                            std::string_view password,
                                                            std::string_view address) {
  std::string key_email = normalise_email(email);
  if (auto allowed = limiter_.attempt(address_key("sign-in", address), kSignInPerAddress);
      !allowed) {
    return allowed.error();
  }
  if (auto allowed = limiter_.attempt(account_key(key_email), kSignInPerAccount); !allowed) {
    return allowed.error();
  }
  auto record = store_.account_by_email(key_email);
  // Either way one argon2id verification runs, so the time taken does not tell
  // an unknown email from a wrong password.
  bool matches = false;
  if (record) {
    matches = hasher_.verify(record->password_hash, password);
  } else {
    hasher_.verify_nothing(password);
  }
  if (!matches)
    return make_error(Errc::unauthorized, std::string(kWrongEmailOrPassword));
  return std::move(*record);
}

Result<Account> AccountService::authenticate(std::string_view email, std::string_view password,
                                             std::string_view address) {
  auto record = check_password(email, password, address);
  if (!record)
    return record.error();
  if (record->status != "active") {
    return make_error(Errc::forbidden,
                      "This account is suspended. Contact us if you think this is a mistake.");
  }
  limiter_.reset(account_key(record->email));
  if (hasher_.needs_rehash(record->password_hash)) {
    store_.update_password_hash(record->id, hasher_.hash(password));
  }
  return account_from_record(*record);
}

Result<Ok> AccountService::change_password(const Account& account, std::string_view current,
                                           std::string_view fresh, std::string_view confirm,
                                           std::string_view address) {
  FormProblems problems;
  if (current.empty())
    problems.add("current_password", "Enter your current password");
  if (fresh.empty()) {
    problems.add("new_password", "Enter a new password");
  } else if (auto p = policy_.problem(fresh, account.email, account.display_name)) {
    problems.add("new_password", *p);
  } else if (confirm.empty()) {
    problems.add("confirm_password", "Confirm your new password");
  } else if (confirm != fresh) {
    problems.add("confirm_password", "The passwords do not match");
  }
  if (!problems.empty())
    return problems.error();
  auto checked = check_password(account.email, current, address);
  if (!checked) {
    if (checked.error().code == Errc::rate_limited)
      return checked.error();
    problems.add("current_password", "Your current password is not right");
    return problems.error();
  }
  if (checked->id != account.id)
    throw std::logic_error("session and account disagree");
  if (current == fresh) {
    problems.add("new_password", "Your new password must be different from your current one");
    return problems.error();
  }
  store_.change_password(account.id, hasher_.hash(fresh));
  limiter_.reset(account_key(account.email));
  return Ok{};
}

Result<Ok> AccountService::delete_account(const Account& account, std::string_view password,
                                          std::optional<PostChoice> posts,
                                          std::string_view address) {
  FormProblems problems;
  if (!posts)
    problems.add("posts", "Choose what happens to your posts");
  if (password.empty())
    problems.add("password", "Enter your password");
  if (!problems.empty())
    return problems.error();
  auto checked = check_password(account.email, password, address);
  if (!checked) {
    if (checked.error().code == Errc::rate_limited)
      return checked.error();
    problems.add("password", "Your password is not right");
    return problems.error();
  }
  for (auto* data : member_data_) data->account_deleted(account.id, *posts);
  store_.delete_account(account.id);
  limiter_.reset(account_key(account.email));
  return Ok{};
}

nlohmann::json AccountService::export_data(const Account& account) {
  nlohmann::json out;
  out["format"] = "cairn-account-data/1";
  out["exported_at"] = now_iso();
  out["account"] = {
      {"display_name", account.display_name},
      {"email", account.email},
      {"role", role_name(account.role)},
      {"status", account.suspended ? "suspended" : "active"},
      {"confirmed_14_or_over", account.over_14},
      {"community_rules_accepted_at", account.rules_accepted_at},
      {"created_at", account.created_at},
  };
  auto sessions = nlohmann::json::array();
  for (const auto& s : store_.sessions_of(account.id)) {
    sessions.push_back({{"started_at", iso_date_time(s.created_at)},
                        {"last_seen_at", iso_date_time(s.last_seen_at)},
                        {"browser", s.user_agent}});
  }
  out["sessions"] = std::move(sessions);
  for (auto* data : member_data_) out[data->section()] = data->export_for(account.id);
  return out;
}

std::optional<Account> AccountService::find(std::int64_t account_id) {
  auto record = store_.account_by_id(account_id);
  if (!record)
    return std::nullopt;
  return account_from_record(*record);
}

}  // namespace cairn::accounts
