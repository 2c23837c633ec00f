// Sending one email: behind an interface so the outbox's sender can be tested
// without a mail server (SmtpClient is the real one).
#pragma once

#include <string>

#include "core/result.hpp"

namespace cairn::helpline {

struct MailMessage {
  std::string from;       // an address: "no-reply@example.org"
  std::string from_name;  // shown beside it; may be empty
  std::string to;
  std::string subject;
  std::string body;  // plain UTF-8 text, lines separated by "\n"
};

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  // Delivers the mail to the next hop, or says why not (unavailable: try later;
  // invalid_input: this mail can never be sent as it is).
  virtual Status send(const MailMessage& mail) = 0;
};

}  // namespace cairn::helpline
