// "Ask a nurse" pages: the question form (on /helpline and at /helpline/ask),
// the private answer page, and the nurses' inbox and message pages under
// /staff/helpline. Every value typed by a visitor is escaped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/safe_html.hpp"
#include "store/nurse_message_store.hpp"
#include "views/components.hpp"
#include "views/layout.hpp"

namespace cairn::views {

struct AskForm {
  FormState form;
  std::string name;
  std::string email;
  std::string question;
  bool consent = false;
  std::size_t max_chars = 5000;  // for the question
};

// The form as a section of the helpline page, under its own heading.
SafeHtml render_ask_a_nurse_section(const AskForm& form);
// The form as a page of its own: where it comes back with its problems.
// `crisis_first` puts crisis support at the top (when the visitor is refused).
SafeHtml render_ask_page(const Chrome& chrome, const AskForm& form, bool crisis_first = false);

struct AnswerPage {
  std::string link;        // the private link, in full
  bool just_sent = false;  // the visitor has just sent the question
  bool flagged = false;    // the question mentions self-harm or suicide
  std::string question;
  std::string sent_on;  // "3 March 2026"
  bool answered = false;
  std::string answer;
  std::string answered_on;
};

// At the private link: the question and, once there is one, the answer.
SafeHtml render_answer_page(const Chrome& chrome, const AnswerPage& page);

struct InboxRow {
  std::int64_t id = 0;
  std::string from;     // the sender's name, or empty
  std::string preview;  // the start of the question
  bool flagged = false;
  store::NurseMessageStatus status = store::NurseMessageStatus::open;
  std::string nurse;  // assigned to (waiting) or answered by
  std::string wait;   // "2 hours": waiting so far, or time taken to answer
};

struct InboxPage {
  std::vector<InboxRow> waiting;   // flagged first, then oldest first
  std::vector<InboxRow> answered;  // most recent first
};

SafeHtml render_nurse_inbox(const Chrome& chrome, const InboxPage& page);

struct NurseMessagePage {
  FormState form;  // for the answer form
  std::int64_t id = 0;
  std::string name;
  std::string email;
  std::string question;
  bool consent = false;
  bool flagged = false;
  std::vector<std::string> watched_words;  // why it was flagged
  store::NurseMessageStatus status = store::NurseMessageStatus::open;
  std::string assigned_name;
  bool assigned_to_me = false;
  std::string wait;          // "2 hours"
  std::string answer_draft;  // kept when the answer form has problems
  std::size_t answer_max_chars = 10000;
  std::string answer;
  std::string answered_name;
  std::string answered_on;
  std::string notice;  // "You have answered this message."
};

SafeHtml render_nurse_message(const Chrome& chrome, const NurseMessagePage& page);

}  // namespace cairn::views
