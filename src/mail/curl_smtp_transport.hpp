// Mail to a relay through libcurl's SMTP: STARTTLS (required, never optional,
// when asked for) or implicit TLS, AUTH with the relay's login, certificates
// always verified (against a CA file when one is given). One connection per mail:
// the outbox sends few, and a fresh connection never inherits a broken one.
#pragma once

#include "core/clock.hpp"
#include "mail/mail_transport.hpp"
#include "mail/smtp_settings.hpp"

namespace cairn::mail {

class CurlSmtpTransport final : public MailTransport {
 public:
  CurlSmtpTransport(SmtpSettings settings, const Clock& clock);
  // unavailable when the relay cannot be reached, TLS or login fails, or the
  // mail is refused (the reply is in the message, never the password);
  // invalid_input when an address could break the protocol.
  Status send(const MailMessage& mail) override;

 private:
  SmtpSettings settings_;
  const Clock& clock_;
};

}  // namespace cairn::mail
