// Sending one email: behind an interface so the outbox's sender can be tested
// without a mail server (CurlSmtpTransport is the real one).
#pragma once

#include "core/result.hpp"
#include "mail/mail_message.hpp"

namespace cairn::mail {

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  // Delivers the mail to the next hop, or says why not (unavailable: try later;
  // invalid_input: this mail can never be sent as it is).
  virtual Status send(const MailMessage& mail) = 0;
};

}  // namespace cairn::mail
