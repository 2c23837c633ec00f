// "Ask a nurse": questions sent from the helpline page, each readable later at
// a private link (a random token; only its hash is stored), and the nurses'
// inbox of them: flagged first, then oldest first, assigned and answered.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.hpp"
#include "core/clock.hpp"
#include "core/form_problems.hpp"
#include "core/rate_limiter.hpp"
#include "core/result.hpp"
#include "safeguarding/watched_word_source.hpp"
#include "store/nurse_message_store.hpp"

namespace cairn::helpline {

using namespace std::chrono_literals;
inline constexpr std::size_t kMaxNameChars = 100;
inline constexpr std::size_t kMaxQuestionChars = 5000;
inline constexpr std::size_t kMaxAnswerChars = 10000;
// Questions from one address: five an hour, then one per 15 minutes and slower.
inline constexpr RateLimit kQuestionsPerAddress{5, 3600s, 900s, 3600s};
// Where the private links live: kAnswerPath + token.
inline constexpr std::string_view kAnswerPath = "/helpline/answer/";
inline constexpr std::string_view kAnswerReadySubject = "Your answer from our nurses is ready";

struct Question {
  std::string name;  // optional
  std::string email;
  std::string question;
  bool consent = false;  // "You can contact me by email about my question"
};

struct SentQuestion {
  std::string token;  // shown once; never stored
  std::string link;   // public URL + kAnswerPath + token
  bool flagged = false;
};

struct InboxItem {
  store::NurseMessageRecord message;
  // Waiting: how long it has waited so far; answered: how long it took.
  std::chrono::seconds wait{0};
};

struct Inbox {
  std::vector<InboxItem> waiting;   // flagged first, then oldest first
  std::vector<InboxItem> answered;  // most recently answered first
};

struct NurseInboxSettings {
  std::string public_url;  // "https://cairn.example.org", no trailing slash
  std::string site_name;   // signs the email
  int answered_shown = 50;
};

class NurseInbox {
 public:
  NurseInbox(store::NurseMessageStore& store, const safeguarding::WatchedWordSource& watched,
             RateLimiter& limiter, const Clock& clock, NurseInboxSettings settings);

  // Checks and stores a question from `address`, with its "answer ready" email
  // held until the answer; refused (rate_limited) when that address has sent
  // too many lately. Only valid questions count towards the limit.
  Result<SentQuestion> submit(const Question& question, std::string_view address);
  // The message behind a private link; nothing for an unknown token.
  std::optional<store::NurseMessageRecord> read(std::string_view token) const;

  Inbox inbox() const;
  Result<InboxItem> message(std::int64_t id) const;
  // forbidden unless `nurse` may use the inbox; not_found; conflict once answered.
  Status assign(std::int64_t id, const accounts::Account& nurse);
  // Saves the answer and releases the email to the asker, in one transaction.
  Result<Ok> answer(std::int64_t id, const accounts::Account& nurse, std::string_view text);

  // The watched phrases in a question: why it was flagged.
  std::vector<std::string> watched_words_in(std::string_view text) const;
  std::string link_for(std::string_view token) const;

 private:
  store::NurseMessageStore& store_;
  const safeguarding::WatchedWordSource& watched_;
  RateLimiter& limiter_;
  const Clock& clock_;
  NurseInboxSettings settings_;
};

// Nurses and administrators.
bool may_use_inbox(const accounts::Account& account);
// "less than a minute", "1 minute", "5 minutes", "2 hours", "1 day", "3 days".
std::string describe_wait(std::chrono::seconds wait);
// The email that says the answer is ready: the link only, never the question
// or the answer.
store::OutboxMail answer_ready_email(std::string_view to_address, std::string_view link,
                                     std::string_view site_name);

}  // namespace cairn::helpline
