#include "accounts/account_service.hpp"

#include "accounts/display_name.hpp"
#include "accounts/email_address.hpp"
#include "core/iso_time.hpp"
#include "core/random_token.hpp"
#include "core/token_hash.hpp"

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
// One address signing in to one account, and that address's wrong guesses at it.
std::string pair_key(std::string_view email, std::string_view address) {
  return "sign-in:pair:" + std::string(email.substr(0, 320)) + "|" + std::string(address);
}
std::string failed_key(std::string_view email, std::string_view address) {
  return "sign-in:failed:" + std::string(email.substr(0, 320)) + "|" + std::string(address);
}

}  // namespace

AccountService::AccountService(store::AccountStore& store, const PasswordHasher& hasher,
                               const PasswordPolicy& policy, RateLimiter& limiter,
                               AccountMail& mail, const Clock& clock)
    : store_(store),
      hasher_(hasher),
      policy_(policy),
      limiter_(limiter),
      mail_(mail),
      clock_(clock) {}

std::string AccountService::now_iso() const {
  return iso_date_time(seconds_of(clock_.now()));
}

std::int64_t AccountService::now_seconds() const {
  return seconds_of(clock_.now());
}

// The new password and its confirmation, as reset and change both ask for them.
void AccountService::add_new_password_problems(FormProblems& problems, std::string_view fresh,
                                               std::string_view confirm, std::string_view email,
                                               std::string_view display_name) const {
  if (fresh.empty()) {
    problems.add("new_password", "Enter a new password");
  } else if (auto p = policy_.problem(fresh, email, display_name)) {
    problems.add("new_password", *p);
  } else if (confirm.empty()) {
    problems.add("confirm_password", "Confirm your new password");
  } else if (confirm != fresh) {
    problems.add("confirm_password", "The passwords do not match");
  }
}

std::optional<std::string> AccountService::new_link(std::int64_t account_id,
                                                    store::LinkPurpose purpose,
                                                    std::chrono::seconds life) {
  auto now = now_seconds();
  if (store_.links_since(account_id, purpose, now - 3600) >= kLinksPerHour)
    return std::nullopt;
  std::string token = random_token();
  store_.add_link({hash_token(token), account_id, purpose, now, now + life.count()});
  return token;
}

Result<Ok> AccountService::register_member(const Registration& form, std::string_view address) {
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
  // A registration never confirmed would hold its name for ever; once its
  // last link has expired it goes, here, where its name or address is next
  // asked for (and that address then registers afresh).
  store_.delete_abandoned_accounts(iso_date_time(clock_.now() - kConfirmLinkLife), now_seconds());
  // An address that has an account: its owner is told, the visitor sees the
  // usual answer. Checked before the name, so a taken name says nothing about the email.
  if (auto existing = store_.account_by_email(email)) {
    auto now = now_seconds();
    // Capped like the links (three an hour), so registering again and again
    // cannot fill someone's inbox.
    if (store_.links_since(existing->id, store::LinkPurpose::confirm_email, now - 3600) <
        kLinksPerHour) {
      bool unconfirmed = existing->email_confirmed_at.empty();
      std::string token = random_token();
      // Counted either way; usable only while the account still needs confirming.
      store_.add_link({hash_token(token), existing->id, store::LinkPurpose::confirm_email, now,
                       unconfirmed ? now + kConfirmLinkLife.count() : now});
      mail_.already_registered(existing->email, existing->display_name, unconfirmed ? token : "");
    }
    return Ok{};
  }
  std::string now = now_iso();
  store::NewAccount account{email, name, hasher_.hash(form.password), "member", true, now, now};
  auto created = store_.create_account(account);
  using Outcome = store::CreatedAccount::Outcome;
  if (created.outcome == Outcome::email_taken)
    return Ok{};  // registered a moment ago by another request: nothing more to say
  if (created.outcome == Outcome::display_name_taken) {
    problems.add("display_name", "That display name is taken. Choose another");
    return problems.error();
  }
  if (auto token = new_link(created.id, store::LinkPurpose::confirm_email, kConfirmLinkLife))
    mail_.confirm_email(email, name, *token);
  return Ok{};
}

Result<Account> AccountService::confirm_email(std::string_view token) {
  auto id = store_.use_link(hash_token(token), store::LinkPurpose::confirm_email, now_seconds());
  auto record = id ? store_.account_by_id(*id) : std::nullopt;
  if (!record) {
    return make_error(Errc::not_found,
                      "This link has expired or has already been used. Sign in, and if your "
                      "email address still needs confirming we will send you a new link.");
  }
  store_.confirm_email(record->id, now_iso());
  if (record->status != "active") {
    return make_error(Errc::forbidden,
                      "This account is suspended. Contact us if you think this is a mistake.");
  }
  return account_from_record(*record);
}

Result<Ok> AccountService::request_password_reset(std::string_view email_typed,
                                                  std::string_view address) {
  std::string email = normalise_email(email_typed);
  if (email.empty())
    return make_error(Errc::invalid_input, "Enter your email address", "email");
  if (auto p = email_problem(email))
    return make_error(Errc::invalid_input, *p, "email");
  if (auto allowed = limiter_.attempt(address_key("reset", address), kResetRequestsPerAddress);
      !allowed) {
    return allowed.error();
  }
  auto record = store_.account_by_email(email);
  if (!record)
    return Ok{};
  if (auto token = new_link(record->id, store::LinkPurpose::reset_password, kResetLinkLife))
    mail_.reset_password(record->email, record->display_name, *token);
  return Ok{};
}

bool AccountService::reset_link_live(std::string_view token) {
  return store_.live_link(hash_token(token), store::LinkPurpose::reset_password, now_seconds())
      .has_value();
}

Result<Account> AccountService::reset_password(std::string_view token, std::string_view fresh,
                                               std::string_view confirm) {
  auto dead = [] {
    return make_error(Errc::not_found,
                      "This link has expired or has already been used. Ask for a new one.");
  };
  auto live =
      store_.live_link(hash_token(token), store::LinkPurpose::reset_password, now_seconds());
  auto record = live ? store_.account_by_id(*live) : std::nullopt;
  if (!record)
    return dead();
  FormProblems problems;
  add_new_password_problems(problems, fresh, confirm, record->email, record->display_name);
  if (!problems.empty())
    return problems.error();
  std::string hash = hasher_.hash(fresh);
  // Used only now, so a typo above does not cost the link; one use wins a race.
  if (!store_.use_link(hash_token(token), store::LinkPurpose::reset_password, now_seconds()))
    return dead();
  store_.reset_password(record->id, hash, now_iso());
  auto updated = store_.account_by_id(record->id);
  if (!updated)
    return dead();
  if (updated->status != "active") {
    return make_error(Errc::forbidden,
                      "Your password has been changed, but this account is suspended. Contact us "
                      "if you think this is a mistake.");
  }
  return account_from_record(*updated);
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
  // An operator made it: the address needs no confirming.
  store::NewAccount account{
      email, name, hasher_.hash(staff.password), std::string(role_name(staff.role)), true, now,
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
  if (auto allowed = limiter_.attempt(pair_key(key_email, address), kSignInPerAccount); !allowed) {
    return allowed.error();
  }
  // The account's own limit counts wrong guesses from everywhere, but binds
  // only an address that has itself guessed wrong: guesses from elsewhere
  // never refuse the owner's correct password.
  if (limiter_.remembers(failed_key(key_email, address))) {
    if (auto allowed = limiter_.check(account_key(key_email), kSignInPerAccount); !allowed)
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
  if (!matches) {
    (void)limiter_.attempt(account_key(key_email), kSignInPerAccount);
    (void)limiter_.attempt(failed_key(key_email, address), kSignInPerAccount);
    return make_error(Errc::unauthorized, std::string(kWrongEmailOrPassword));
  }
  // The owner is in: the account's count starts afresh (guessers stay held by
  // their own pair and address limits).
  limiter_.reset(account_key(key_email));
  limiter_.reset(pair_key(key_email, address));
  limiter_.reset(failed_key(key_email, address));
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
  if (record->email_confirmed_at.empty()) {
    // Only someone with the password learns this; they get a fresh link.
    if (auto token = new_link(record->id, store::LinkPurpose::confirm_email, kConfirmLinkLife))
      mail_.confirm_email(record->email, record->display_name, *token);
    return make_error(Errc::forbidden,
                      "Confirm your email address first. We have emailed you a link: open it to "
                      "finish creating your account.");
  }
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
  add_new_password_problems(problems, fresh, confirm, account.email, account.display_name);
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
