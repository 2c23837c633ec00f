#include "app/smtp_setup.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace cairn::app {

std::string read_env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

Result<std::optional<mail::SmtpSettings>> smtp_setup(const Options& options,
                                                     const std::string& helo_name,
                                                     const EnvReader& env) {
  if (options.smtp_host.empty() && options.smtp_url.empty())
    return std::optional<mail::SmtpSettings>();
  mail::SmtpSettings s;
  s.helo_name = helo_name.empty() ? "localhost" : helo_name;
  if (!options.smtp_url.empty()) {
    s.url = options.smtp_url;
    // A relay reached by URL is on someone else's network: TLS unless told otherwise.
    s.starttls = !mail::implicit_tls(s.url) && options.smtp_starttls.value_or(true);
  } else {
    bool ipv6 = options.smtp_host.find(':') != std::string::npos;
    s.url = "smtp://" + (ipv6 ? "[" + options.smtp_host + "]" : options.smtp_host) + ":" +
            std::to_string(options.smtp_port);
    s.starttls = options.smtp_starttls.value_or(false);
  }
  s.ca_file = options.smtp_ca_file.string();
  s.username = options.smtp_user.empty() ? env("CAIRN_SMTP_USER") : options.smtp_user;
  if (!options.smtp_password_file.empty()) {
    std::ifstream in(options.smtp_password_file);
    if (!in) {
      return make_error(Errc::invalid_input, "cannot read the SMTP password file " +
                                                 options.smtp_password_file.string());
    }
    std::getline(in, s.password);
    if (!s.password.empty() && s.password.back() == '\r')
      s.password.pop_back();
  } else {
    s.password = env("CAIRN_SMTP_PASSWORD");
  }
  if (!s.username.empty() && s.password.empty()) {
    return make_error(Errc::invalid_input,
                      "an SMTP login needs a password: --smtp-password-file PATH or "
                      "CAIRN_SMTP_PASSWORD");
  }
  if (!s.ca_file.empty() && !std::ifstream(s.ca_file)) {
    return make_error(Errc::invalid_input, "cannot read the SMTP CA file " + s.ca_file);
  }
  return std::optional<mail::SmtpSettings>(std::move(s));
}

}  // namespace cairn::app
