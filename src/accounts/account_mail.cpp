#include "accounts/account_mail.hpp"

namespace cairn::accounts {

AccountMail::AccountMail(store::MailOutbox& outbox, const Clock& clock,
                         AccountMailSettings settings)
    : outbox_(outbox), clock_(clock), settings_(std::move(settings)) {}

void AccountMail::queue(const std::string& to, std::string subject, std::string body) {
  auto now = std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch());
  outbox_.queue({to, std::move(subject), std::move(body)}, now.count());
  if (queued_)
    queued_();
}

void AccountMail::confirm_email(const std::string& to, std::string_view display_name,
                                std::string_view token) {
  std::string link = settings_.public_url + std::string(kConfirmEmailPath) + std::string(token);
  queue(to, "Confirm your email address for " + settings_.site_name,
        "Hello " + std::string(display_name) +
            ",\n\n"
            "Thank you for joining " +
            settings_.site_name + ". To finish creating your account, open this link:\n\n" + link +
            "\n\n"
            "The link works once and for 48 hours.\n\n"
            "If you did not try to create an account, you do not need to do anything: "
            "without this link, no account is made with your email address.\n\n" +
            settings_.site_name + "\n");
}

void AccountMail::already_registered(const std::string& to, std::string_view display_name,
                                     std::string_view confirm_token) {
  std::string body = "Hello " + std::string(display_name) +
                     ",\n\n"
                     "Someone tried to create a new account on " +
                     settings_.site_name +
                     " with this email address. You already have an account, so no new one "
                     "was made.\n\n";
  if (!confirm_token.empty()) {
    body += "Your account is waiting for you to confirm this email address. To do that, open:\n\n" +
            settings_.public_url + std::string(kConfirmEmailPath) + std::string(confirm_token) +
            "\n\n";
  }
  body += "If it was you, sign in here:\n\n" + settings_.public_url +
          "/account/sign-in\n\n"
          "If you have forgotten your password, you can set a new one here:\n\n" +
          settings_.public_url +
          "/account/forgot-password\n\n"
          "If it was not you, you do not need to do anything. Your account and password have "
          "not changed.\n\n" +
          settings_.site_name + "\n";
  queue(to, "Someone tried to register with your email address", std::move(body));
}

void AccountMail::reset_password(const std::string& to, std::string_view display_name,
                                 std::string_view token) {
  std::string link = settings_.public_url + std::string(kResetPasswordPath) + std::string(token);
  queue(to, "Set a new password for " + settings_.site_name,
        "Hello " + std::string(display_name) +
            ",\n\n"
            "We were asked to reset the password for your account. To choose a new password, "
            "open this link:\n\n" +
            link +
            "\n\n"
            "The link works once and for 1 hour. Setting a new password signs you out on every "
            "other device.\n\n"
            "If you did not ask for this, you do not need to do anything: your password has not "
            "changed.\n\n" +
            settings_.site_name + "\n");
}

}  // namespace cairn::accounts
