// The mail relay's settings from the flags and the environment: --smtp
// HOST:PORT is a plain relay; --smtp-url with STARTTLS on unless turned off;
// the login from --smtp-user / CAIRN_SMTP_USER and --smtp-password-file /
// CAIRN_SMTP_PASSWORD. The password is never printed.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/serve_options.hpp"
#include "core/result.hpp"
#include "mail/smtp_settings.hpp"

namespace cairn::app {

// Reads an environment variable; empty when unset.
using EnvReader = std::function<std::string(const char* name)>;
std::string read_env(const char* name);

// Nothing when no relay is configured; invalid_input (a message for the
// operator) when the password file cannot be read or a login has no password.
Result<std::optional<mail::SmtpSettings>> smtp_setup(const Options& options,
                                                     const std::string& helo_name,
                                                     const EnvReader& env = read_env);

}  // namespace cairn::app
