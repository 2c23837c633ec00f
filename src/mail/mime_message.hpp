// The text of an email as it goes after SMTP DATA (RFC 5322 and MIME): Date,
// From, To, Subject (RFC 2047 encoded words when not ASCII), Message-ID, the
// extra headers, then the body as 7bit when it is short-lined ASCII, else
// quoted-printable UTF-8. CRLF line ends; dot-stuffing is the transport's job.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "mail/mail_message.hpp"

namespace cairn::mail {

std::string format_message(const MailMessage& mail, std::chrono::system_clock::time_point date,
                           std::string_view message_id);

// An address that cannot break out of "<...>" or its line: no spaces, controls
// or angle brackets, one '@', at most 254 characters.
bool usable_address(std::string_view address);

}  // namespace cairn::mail
