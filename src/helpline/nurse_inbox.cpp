#include "helpline/nurse_inbox.hpp"

#include <algorithm>

#include "accounts/email_address.hpp"
#include "core/code_points.hpp"
#include "core/random_token.hpp"
#include "core/text.hpp"
#include "core/token_hash.hpp"

namespace cairn::helpline {

namespace {

std::int64_t seconds_since_epoch(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

// Line breaks become "\n" (or a space, for one-line fields); other control
// characters are dropped; no space at either end.
std::string clean_text(std::string_view text, bool multi_line) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n')
        continue;
      c = '\n';
    }
    if (c == '\n' || c == '\t') {
      out += multi_line ? static_cast<char>(c) : ' ';
    } else if (c >= 0x20 && c != 0x7F) {
      out += static_cast<char>(c);
    }
  }
  return std::string(trim(out));
}

// Characters, not bytes; text that is not UTF-8 counts as too long.
std::size_t char_count(std::string_view text) {
  auto points = decode_utf8(text);
  return points ? points->size() : static_cast<std::size_t>(-1);
}

std::string with_commas(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

std::string too_long(std::string_view what, std::size_t max, std::size_t count) {
  std::string message = std::string(what) + " must be " + with_commas(max) + " characters or fewer";
  if (count != static_cast<std::size_t>(-1))
    message += " (it has " + with_commas(count) + ")";
  return message;
}

// "Too many attempts. Try again in 900 seconds." -> "Try again in 900 seconds."
std::string rate_limit_message(const Error& error) {
  auto at = error.message.find("Try again");
  std::string when = at == std::string::npos ? "Please try again later." : error.message.substr(at);
  return "You have sent several questions in a short time, so we cannot take another one yet. " +
         when;
}

InboxItem item_at(store::NurseMessageRecord message, std::int64_t now) {
  std::int64_t until = message.answered_at > 0 ? message.answered_at : now;
  auto wait = std::chrono::seconds(std::max<std::int64_t>(0, until - message.created_at));
  return {std::move(message), wait};
}

}  // namespace

NurseInbox::NurseInbox(store::NurseMessageStore& store,
                       const safeguarding::WatchedWordSource& watched, RateLimiter& limiter,
                       const Clock& clock, NurseInboxSettings settings)
    : store_(store),
      watched_(watched),
      limiter_(limiter),
      clock_(clock),
      settings_(std::move(settings)) {
  while (settings_.public_url.ends_with('/')) settings_.public_url.pop_back();
}

Result<SentQuestion> NurseInbox::submit(const Question& q, std::string_view address) {
  std::string name = clean_text(q.name, false);
  std::string email = accounts::normalise_email(q.email);
  std::string question = clean_text(q.question, true);

  FormProblems problems;
  if (auto n = char_count(name); n > kMaxNameChars) {
    problems.add("name", too_long("Your name", kMaxNameChars, n));
  }
  if (auto problem = accounts::email_problem(email))
    problems.add("email", *problem);
  if (question.empty()) {
    problems.add("question", "Enter your question");
  } else if (auto n = char_count(question); n > kMaxQuestionChars) {
    problems.add("question", too_long("Your question", kMaxQuestionChars, n));
  }
  if (!q.consent) {
    problems.add("consent", "Tick the box to say our nurses can email you about your question");
  }
  if (!problems.empty())
    return problems.error();

  if (auto allowed =
          limiter_.attempt("nurse-question:address:" + std::string(address), kQuestionsPerAddress);
      !allowed) {
    return make_error(Errc::rate_limited, rate_limit_message(allowed.error()));
  }

  SentQuestion sent;
  sent.token = random_token(32);
  sent.link = link_for(sent.token);
  sent.flagged = watched_.matches(question) || watched_.matches(name);

  store::NewNurseMessage message;
  message.token_hash = hash_token(sent.token);
  message.name = std::move(name);
  message.email = email;
  message.question = std::move(question);
  message.consent = q.consent;
  message.flagged = sent.flagged;
  message.created_at = seconds_since_epoch(clock_.now());
  // The link cannot be made again from the stored hash, so the email that
  // carries it is written now and held until the answer is saved.
  std::optional<store::OutboxMail> mail;
  if (q.consent)
    mail = answer_ready_email(email, sent.link, settings_.site_name);
  store_.add_message(message, mail);
  return sent;
}

std::optional<store::NurseMessageRecord> NurseInbox::read(std::string_view token) const {
  if (token.empty() || token.size() > 100)
    return std::nullopt;
  return store_.message_by_token_hash(hash_token(token));
}

Inbox NurseInbox::inbox() const {
  auto now = seconds_since_epoch(clock_.now());
  Inbox inbox;
  for (auto& m : store_.waiting_messages()) inbox.waiting.push_back(item_at(std::move(m), now));
  for (auto& m : store_.answered_messages(settings_.answered_shown)) {
    inbox.answered.push_back(item_at(std::move(m), now));
  }
  return inbox;
}

Result<InboxItem> NurseInbox::message(std::int64_t id) const {
  auto found = store_.message(id);
  if (!found)
    return make_error(Errc::not_found, "There is no message " + std::to_string(id) + ".");
  return item_at(std::move(*found), seconds_since_epoch(clock_.now()));
}

Status NurseInbox::assign(std::int64_t id, const accounts::Account& nurse) {
  if (!may_use_inbox(nurse)) {
    return make_error(Errc::forbidden, "Only the helpline's nurses can take messages.");
  }
  if (store_.assign(id, nurse.id))
    return Ok{};
  if (!store_.message(id)) {
    return make_error(Errc::not_found, "There is no message " + std::to_string(id) + ".");
  }
  return make_error(Errc::conflict, "This message has already been answered.");
}

Result<Ok> NurseInbox::answer(std::int64_t id, const accounts::Account& nurse,
                              std::string_view text) {
  if (!may_use_inbox(nurse)) {
    return make_error(Errc::forbidden, "Only the helpline's nurses can answer messages.");
  }
  std::string answer = clean_text(text, true);
  FormProblems problems;
  if (answer.empty()) {
    problems.add("answer", "Enter your answer");
  } else if (auto n = char_count(answer); n > kMaxAnswerChars) {
    problems.add("answer", too_long("Your answer", kMaxAnswerChars, n));
  }
  if (!problems.empty())
    return problems.error();
  auto outcome =
      store_.answer({id, nurse.id, std::move(answer), seconds_since_epoch(clock_.now())});
  switch (outcome) {
    case store::AnswerOutcome::answered:
      return Ok{};
    case store::AnswerOutcome::not_found:
      return make_error(Errc::not_found, "There is no message " + std::to_string(id) + ".");
    case store::AnswerOutcome::already_answered:
      break;
  }
  return make_error(Errc::conflict, "This message has already been answered.");
}

std::vector<std::string> NurseInbox::watched_words_in(std::string_view text) const {
  return watched_.find_in(text);
}

std::string NurseInbox::link_for(std::string_view token) const {
  return settings_.public_url + std::string(kAnswerPath) + std::string(token);
}

bool may_use_inbox(const accounts::Account& account) {
  return !account.suspended &&
         (account.role == accounts::Role::nurse || account.role == accounts::Role::admin);
}

std::string describe_wait(std::chrono::seconds wait) {
  auto plural = [](long long n, std::string_view unit) {
    return std::to_string(n) + " " + std::string(unit) + (n == 1 ? "" : "s");
  };
  long long s = wait.count();
  if (s < 60)
    return "less than a minute";
  if (s < 3600)
    return plural(s / 60, "minute");
  if (s < 86400)
    return plural(s / 3600, "hour");
  return plural(s / 86400, "day");
}

store::OutboxMail answer_ready_email(std::string_view to_address, std::string_view link,
                                     std::string_view site_name) {
  std::string body = "Hello,\n\nYour answer from our nurses is ready. Read it here: ";
  body += link;
  body +=
      "\n\nFor your privacy, this email does not include your question or the answer. "
      "Anyone with the link can read them, so please keep it to yourself.\n\n";
  body += "The nurses at ";
  body += site_name.empty() ? std::string_view("the nurse helpline") : site_name;
  body += "\n";
  return {std::string(to_address), std::string(kAnswerReadySubject), std::move(body)};
}

}  // namespace cairn::helpline
