// A small blocking SMTP client over POSIX sockets, for the outbox's sender:
// EHLO (or HELO), MAIL FROM, RCPT TO, DATA, QUIT, with a time limit on every
// step. No TLS and no login: it hands mail to a relay on a trusted network.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "helpline/mail_transport.hpp"

namespace cairn::helpline {

struct SmtpSettings {
  std::string host;
  unsigned short port = 25;
  std::string helo_name = "localhost";       // the name this client greets with
  std::chrono::milliseconds timeout{10000};  // to connect, and for each reply
};

class SmtpClient final : public MailTransport {
 public:
  SmtpClient(SmtpSettings settings, const Clock& clock);
  // unavailable when the server cannot be reached, times out or refuses the
  // mail; invalid_input when an address could break the protocol.
  Status send(const MailMessage& mail) override;

 private:
  SmtpSettings settings_;
  const Clock& clock_;
};

// The message as sent after DATA: headers, a blank line and the body, with
// CRLF line ends and leading dots doubled, without the closing ".". ASCII
// bodies go as they are; others as quoted-printable UTF-8.
std::string format_message(const MailMessage& mail, std::chrono::system_clock::time_point date,
                           std::string_view message_id);

}  // namespace cairn::helpline
