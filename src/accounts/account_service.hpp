// The account rules: registration with email confirmation, sign-in, password
// reset and change, deletion and the data download. Registration and "forgot
// your password" give the same answer whether or not the address has an
// account; sign-in gives the same answer, after the same work, whether the
// email is unknown or the password wrong. Attempts are rate limited per
// address, per account and address, and per account for addresses that
// guessed wrong (so others' guesses never lock the owner out).
//
// An unconfirmed account can do nothing until its owner follows the emailed
// link: it cannot sign in (a correct password gets a fresh link instead), and
// its display name is held for it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/account.hpp"
#include "accounts/account_mail.hpp"
#include "accounts/member_data.hpp"
#include "accounts/password_hasher.hpp"
#include "accounts/password_policy.hpp"
#include "core/clock.hpp"
#include "core/form_problems.hpp"
#include "core/rate_limiter.hpp"
#include "core/result.hpp"
#include "store/account_store.hpp"

namespace cairn::accounts {

using namespace std::chrono_literals;
// Sign-in: five a minute per account and twenty per address, then 2, 4, 8 ... up to 60 s.
inline constexpr RateLimit kSignInPerAccount{5, 60s, 2s, 60s};
inline constexpr RateLimit kSignInPerAddress{20, 60s, 2s, 60s};
// Registrations from one address: ten an hour, then one a minute and slower.
inline constexpr RateLimit kRegistrationsPerAddress{10, 3600s, 60s, 900s};
// "Forgot your password?" from one address: five an hour, then one a minute and slower.
inline constexpr RateLimit kResetRequestsPerAddress{5, 3600s, 60s, 900s};
// Emailed links to one account: at most three an hour of each kind, so nobody
// can fill someone's inbox; further requests get the same answer and no mail.
inline constexpr int kLinksPerHour = 3;
inline constexpr std::chrono::seconds kResetLinkLife = std::chrono::hours(1);
inline constexpr std::chrono::seconds kConfirmLinkLife = std::chrono::hours(48);

// The registration form, as sent. Field names in problems: "display_name",
// "email", "password", "confirm_password", "over_14", "accept_rules".
struct Registration {
  std::string display_name;
  std::string email;
  std::string password;
  std::string confirm_password;
  bool over_14 = false;
  bool accepts_rules = false;
};

// A staff account made by an operator (`cairn user add`).
struct StaffAccount {
  std::string email;
  std::string display_name;
  std::string password;
  Role role = Role::member;
};

class AccountService {
 public:
  AccountService(store::AccountStore& store, const PasswordHasher& hasher,
                 const PasswordPolicy& policy, RateLimiter& limiter, AccountMail& mail,
                 const Clock& clock);

  // Parts holding member data join the download and the deletion.
  void add_member_data(MemberData& data) { member_data_.push_back(&data); }

  // Creates an unconfirmed member and emails a confirmation link; when the
  // email already has an account, emails its owner instead and succeeds all the
  // same, so the answer never tells who is registered. Problems are per field;
  // a refusal (rate_limited) when this address has registered too often.
  Result<Ok> register_member(const Registration& form, std::string_view address);
  // Follows a confirmation link: the account, now confirmed; not_found when the
  // link is unknown, used or expired.
  Result<Account> confirm_email(std::string_view token);

  // "Forgot your password?": emails a reset link if an account has the address,
  // nothing otherwise; the same answer either way. invalid_input for an
  // address that is not one ("email"); rate_limited per address.
  Result<Ok> request_password_reset(std::string_view email, std::string_view address);
  // True while a reset link can still be used (to show its form).
  bool reset_link_live(std::string_view token);
  // Sets the new password through a reset link: uses up the link, ends every
  // session, and returns the account (for a new session in this browser).
  // Fields "new_password", "confirm_password"; not_found for a dead link.
  Result<Account> reset_password(std::string_view token, std::string_view fresh,
                                 std::string_view confirm);
  // Creates a staff account under the same email, name and password rules.
  // invalid_input or conflict, with a message for the operator.
  Result<Account> create_staff(const StaffAccount& staff);

  // The account for this email and password. unauthorized ("Enter a correct
  // email and password") for an unknown email or a wrong password alike;
  // rate_limited after too many attempts; forbidden if suspended.
  Result<Account> authenticate(std::string_view email, std::string_view password,
                               std::string_view address);

  // Checks the current password (rate limited like sign-in), then stores the
  // new one and ends every session of the account. Fields: "current_password",
  // "new_password", "confirm_password".
  Result<Ok> change_password(const Account& account, std::string_view current,
                             std::string_view fresh, std::string_view confirm,
                             std::string_view address);

  // Removes the account after checking its password; the member chooses what
  // happens to their posts. Fields: "posts", "password".
  Result<Ok> delete_account(const Account& account, std::string_view password,
                            std::optional<PostChoice> posts, std::string_view address);

  // Everything kept about the member, for the "download my data" file.
  nlohmann::json export_data(const Account& account);

  std::optional<Account> find(std::int64_t account_id);

 private:
  // Rate limits, then verifies (against a dummy hash when there is no account).
  Result<store::AccountRecord> check_password(std::string_view email, std::string_view password,
                                              std::string_view address);
  std::string now_iso() const;
  std::int64_t now_seconds() const;
  void add_new_password_problems(FormProblems& problems, std::string_view fresh,
                                 std::string_view confirm, std::string_view email,
                                 std::string_view display_name) const;
  // A new single-use link for the account, or nothing when it had its share this hour.
  std::optional<std::string> new_link(std::int64_t account_id, store::LinkPurpose purpose,
                                      std::chrono::seconds life);

  store::AccountStore& store_;
  const PasswordHasher& hasher_;
  const PasswordPolicy& policy_;
  RateLimiter& limiter_;
  AccountMail& mail_;
  const Clock& clock_;
  std::vector<MemberData*> member_data_;
};

}  // namespace cairn::accounts
