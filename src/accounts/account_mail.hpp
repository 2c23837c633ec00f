// The emails about an account: confirm your address, someone tried to register
// with your address, reset your password. Written in plain words and queued in
// the one outbox; each link is single-use and carries a token only its owner sees.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "store/mail_outbox.hpp"

namespace cairn::accounts {

// Where the links in these emails lead (the token follows the path).
inline constexpr std::string_view kConfirmEmailPath = "/account/confirm/";
inline constexpr std::string_view kResetPasswordPath = "/account/reset/";

struct AccountMailSettings {
  std::string public_url;  // "https://cairn.example.org", no trailing slash
  std::string site_name;   // "Cairn"
};

class AccountMail {
 public:
  AccountMail(store::MailOutbox& outbox, const Clock& clock, AccountMailSettings settings);

  // Called after each mail is queued (the app wakes the sender with it).
  void on_queued(std::function<void()> queued) { queued_ = std::move(queued); }

  void confirm_email(const std::string& to, std::string_view display_name, std::string_view token);
  // `confirm_token` is set when the existing account is still unconfirmed.
  void already_registered(const std::string& to, std::string_view display_name,
                          std::string_view confirm_token);
  void reset_password(const std::string& to, std::string_view display_name, std::string_view token);

 private:
  void queue(const std::string& to, std::string subject, std::string body);

  store::MailOutbox& outbox_;
  const Clock& clock_;
  AccountMailSettings settings_;
  std::function<void()> queued_;
};

}  // namespace cairn::accounts
