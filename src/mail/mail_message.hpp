// One email as the sender hands it to a transport: addresses, subject, plain
// UTF-8 body and any extra headers the outbox carried (e.g. List-Unsubscribe).
#pragma once

#include <string>
#include <vector>

#include "store/mail_outbox.hpp"

namespace cairn::mail {

struct MailMessage {
  std::string from;       // an address: "no-reply@example.org"
  std::string from_name;  // shown beside it; may be empty
  std::string to;
  std::string subject;
  std::string body;                             // plain UTF-8 text, lines separated by "\n"
  std::vector<store::MailHeader> headers = {};  // extra ones, e.g. List-Unsubscribe
};

}  // namespace cairn::mail
