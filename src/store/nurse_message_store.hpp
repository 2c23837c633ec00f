// Where "ask a nurse" messages live. A message is found by the hash of its
// private token, never the token itself; the "your answer is ready" email is
// written with the message but held until the answer is saved.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/mail_outbox.hpp"

namespace cairn::store {

// Where a message has got to. A message assigned to a nurse whose account was
// deleted since reads as open again.
enum class NurseMessageStatus { open, assigned, answered };

// "open", "assigned", "answered": as stored.
std::string_view to_string(NurseMessageStatus status);
// An unknown stored value reads as open: the message stays in front of the
// nurses (and its visitor sees no answer) rather than being lost.
NurseMessageStatus parse_nurse_message_status(std::string_view stored);

struct NewNurseMessage {
  std::string token_hash;  // hex of a hash of the private token
  std::string name;        // may be empty
  std::string email;
  std::string question;
  bool consent = false;         // to be contacted by email
  bool flagged = false;         // mentions self-harm or suicide
  std::int64_t created_at = 0;  // seconds since the Unix epoch
};

struct NurseMessageRecord {
  std::int64_t id = 0;
  std::string name;
  std::string email;
  std::string question;
  bool consent = false;
  bool flagged = false;
  NurseMessageStatus status = NurseMessageStatus::open;
  std::int64_t assigned_to = 0;  // an account id; 0 when nobody
  std::string assigned_name;     // that nurse's display name; empty when nobody
  std::string answer;            // empty until answered
  std::int64_t answered_by = 0;
  std::string answered_name;
  std::int64_t created_at = 0;
  std::int64_t answered_at = 0;  // 0 until answered
};

struct NurseAnswer {
  std::int64_t message_id = 0;
  std::int64_t nurse_id = 0;
  std::string text;
  std::int64_t at = 0;
};

enum class AnswerOutcome { answered, already_answered, not_found };

class NurseMessageStore {
 public:
  virtual ~NurseMessageStore() = default;

  // Adds the message and, when given, its held email, in one transaction.
  virtual std::int64_t add_message(const NewNurseMessage& message,
                                   const std::optional<OutboxMail>& held_mail) = 0;
  virtual std::optional<NurseMessageRecord> message(std::int64_t id) = 0;
  virtual std::optional<NurseMessageRecord> message_by_token_hash(std::string_view token_hash) = 0;
  // Open and assigned messages: flagged first, then oldest first.
  virtual std::vector<NurseMessageRecord> waiting_messages() = 0;
  // Answered messages, the most recently answered first, at most `limit`.
  virtual std::vector<NurseMessageRecord> answered_messages(int limit) = 0;
  // Gives a waiting message to a nurse (taking it from another); false when
  // there is no such message or it has been answered.
  virtual bool assign(std::int64_t message_id, std::int64_t nurse_id) = 0;
  // Saves the answer and makes the message's held email due, in one
  // transaction; a message is answered once.
  virtual AnswerOutcome answer(const NurseAnswer& answer) = 0;
};

}  // namespace cairn::store
