// Mail waiting to go out: rows a background sender delivers over SMTP and
// retries with a growing delay. A mail can be held (written now, due later:
// the "your answer is ready" email waits for the answer); a sent mail keeps
// its address and subject but not its body. Every email Cairn sends goes
// through here: helpline answers, password resets, email confirmations and
// forum notifications.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::store {

// A header the message carries besides those every mail gets (From, To,
// Subject, Date, Message-ID, MIME): e.g. "List-Unsubscribe" and
// "List-Unsubscribe-Post" on forum notifications. ASCII only, one line each.
struct MailHeader {
  std::string name;   // "List-Unsubscribe"
  std::string value;  // "<https://cairn.example.org/forum/unsubscribe/TOKEN>"
  bool operator==(const MailHeader&) const = default;
};

struct OutboxMail {
  std::string to_address;
  std::string subject;
  std::string body;  // plain text, lines separated by "\n"
  std::vector<MailHeader> headers = {};
};

// Why `header` cannot go into a mail (a name that is not a token, a line
// break, a non-ASCII byte, or one of the headers the sender writes itself),
// or nothing when it can. queue() throws std::invalid_argument on such a header:
// it is a bug in the caller, never the visitor's input.
std::optional<std::string> header_problem(const MailHeader& header);

// Headers as both back ends store them, "Name: value" lines; encoding throws
// std::invalid_argument for a header header_problem() refuses.
std::string encode_mail_headers(const std::vector<MailHeader>& headers);
std::vector<MailHeader> decode_mail_headers(std::string_view text);

struct QueuedMail {
  std::int64_t id = 0;
  OutboxMail mail;
  int attempts = 0;             // failed attempts so far
  std::int64_t created_at = 0;  // seconds since the Unix epoch
};

class MailOutbox {
 public:
  virtual ~MailOutbox() = default;

  // Queues a mail due at once.
  virtual std::int64_t queue(const OutboxMail& mail, std::int64_t now) = 0;
  // Takes up to `limit` unsent mails that are due at `now`, oldest first, and
  // makes them not due again before `hold_until`, so that another node's
  // sender does not take them while this one works on them.
  virtual std::vector<QueuedMail> take_due(std::int64_t now, std::int64_t hold_until,
                                           int limit) = 0;
  // Marks a mail sent and forgets its body.
  virtual void mark_sent(std::int64_t id, std::int64_t now) = 0;
  // Records a failed attempt; the mail is due again at `retry_at`, or never
  // (left unsent, with its error, for an operator) when that is nullopt.
  virtual void mark_failed(std::int64_t id, std::string_view error,
                           std::optional<std::int64_t> retry_at) = 0;
  // Unsent mails, due or held: for operators and tests.
  virtual int unsent_count() = 0;
};

}  // namespace cairn::store
