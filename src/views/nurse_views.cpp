#include "views/nurse_views.hpp"

#include <string_view>

#include "views/components.hpp"
#include "views/html.hpp"

namespace cairn::views {

using namespace literals;

namespace {

// Blank lines part paragraphs; a single line break stays a line break.
void write_paragraphs(Html& h, std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find("\n\n", start);
    std::string_view para =
        text.substr(start, end == std::string_view::npos ? text.npos : end - start);
    start = end == std::string_view::npos ? text.size() : end + 2;
    while (!para.empty() && para.front() == '\n') para.remove_prefix(1);
    if (para.empty())
      continue;
    h << "<p>"_m;
    std::size_t line_start = 0;
    for (;;) {
      auto nl = para.find('\n', line_start);
      h << para.substr(line_start, nl == std::string_view::npos ? para.npos : nl - line_start);
      if (nl == std::string_view::npos)
        break;
      h << "<br>"_m;
      line_start = nl + 1;
    }
    h << "</p>\n"_m;
  }
}

void write_ask_fields(Html& h, const AskForm& f) {
  h << R"(<form method="post" action="/helpline/ask" novalidate>
)"_m;
  write_csrf_field(h, f.form.csrf_token);
  write_input_field(h, f.form,
                    {"name", "Your name (optional)", "text", "name",
                     "So our nurses know what to call you. You can leave this blank.", f.name});
  write_input_field(h, f.form,
                    {"email", "Email address", "email", "email",
                     "We will email you when the answer is ready. We never share it.", f.email});
  write_textarea_field(
      h, f.form,
      {"question", "Your question",
       "Tell us as much as you are happy to share, such as the type of cancer and the treatment.",
       f.question, 8, f.max_chars});
  Html consent;
  consent << "You can contact me by email about my question"_m;
  write_checkbox_field(h, f.form, "consent", f.consent, consent.take(),
                       "Only our nurses will see your email address.");
  write_submit_button(h, "Send your question");
  h << "</form>\n"_m;
}

std::string_view status_title(store::NurseMessageStatus status) {
  switch (status) {
    case store::NurseMessageStatus::answered:
      return "Answered";
    case store::NurseMessageStatus::assigned:
      return "Assigned";
    case store::NurseMessageStatus::open:
      return "Open";
  }
  return "Open";
}

void write_status_tag(Html& h, store::NurseMessageStatus status) {
  using enum store::NurseMessageStatus;
  h << (status == answered   ? R"(<strong class="nhsuk-tag nhsuk-tag--green">)"_m
        : status == assigned ? R"(<strong class="nhsuk-tag nhsuk-tag--yellow">)"_m
                             : R"(<strong class="nhsuk-tag nhsuk-tag--blue">)"_m)
    << status_title(status) << "</strong>"_m;
}

void write_flag_tag(Html& h) {
  h << R"(<strong class="nhsuk-tag nhsuk-tag--red cairn-flag">Self-harm risk</strong> )"_m;
}

std::string from_text(const std::string& name) {
  return name.empty() ? "Name not given" : name;
}

void write_inbox_table(Html& h, const std::vector<InboxRow>& rows, std::string_view caption,
                       bool answered) {
  h << R"(<table class="nhsuk-table cairn-inbox"><caption class="nhsuk-table__caption nhsuk-u-visually-hidden">)"_m
    << caption
    << R"(</caption><thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th scope="col" class="nhsuk-table__header">Message</th><th scope="col" class="nhsuk-table__header">)"_m
    << (answered ? "Time to answer"_m : "Waiting"_m)
    << R"(</th><th scope="col" class="nhsuk-table__header">Status</th><th scope="col" class="nhsuk-table__header">)"_m
    << (answered ? "Answered by"_m : "Nurse"_m)
    << R"(</th></tr></thead><tbody class="nhsuk-table__body">)"_m;
  for (const auto& row : rows) {
    h << (row.flagged ? R"(<tr class="nhsuk-table__row cairn-flagged" data-message=")"_m
                      : R"(<tr class="nhsuk-table__row" data-message=")"_m)
      << static_cast<long long>(row.id) << R"("><td class="nhsuk-table__cell">)"_m;
    if (row.flagged)
      write_flag_tag(h);
    h << R"(<a href="/staff/helpline/)"_m << static_cast<long long>(row.id) << "\">"_m
      << from_text(row.from) << R"(</a><br><span class="nhsuk-body-s cairn-preview">)"_m
      << row.preview << R"(</span></td><td class="nhsuk-table__cell">)"_m << row.wait
      << R"(</td><td class="nhsuk-table__cell">)"_m;
    write_status_tag(h, row.status);
    h << R"(</td><td class="nhsuk-table__cell">)"_m
      << (row.nurse.empty() ? "Nobody yet" : row.nurse) << "</td></tr>"_m;
  }
  h << "</tbody></table>\n"_m;
}

}  // namespace

SafeHtml render_ask_a_nurse_section(const AskForm& form) {
  Html h;
  h << R"(<section class="cairn-ask-a-nurse" aria-labelledby="ask-a-nurse">
<h2 id="ask-a-nurse">Send a question to our nurses</h2>
<p>If you would rather write than call, send us your question. Our nurses answer within 3 working days. You do not need an account.</p>
)"_m;
  write_ask_fields(h, form);
  h << "</section>\n"_m;
  return h.take();
}

SafeHtml render_ask_page(const Chrome& chrome, const AskForm& form, bool crisis_first) {
  Html h;
  write_form_error_summary(h, form.form);
  if (crisis_first)
    h << crisis_support(chrome.site);
  h << R"(<h1>Ask a nurse</h1>
<p>Our nurses answer within 3 working days. To talk to a nurse sooner, call free on <a href=")"_m
    << tel_href(chrome.site.helpline_phone) << "\">"_m << chrome.site.helpline_phone
    << "</a>.</p>\n"_m;
  write_ask_fields(h, form);
  if (!crisis_first)
    h << crisis_support(chrome.site);
  return render_in_layout(chrome, form_page_title(form.form, "Ask a nurse"), "/helpline/ask",
                          in_two_thirds_column(h.take()),
                          {{"Home", "/"}, {"Nurse helpline", "/helpline"}});
}

SafeHtml render_answer_page(const Chrome& chrome, const AnswerPage& p) {
  Html h;
  // Someone who wrote about self-harm sees where to get help before anything else.
  if (p.flagged && !p.answered)
    h << crisis_support(chrome.site);
  if (p.just_sent) {
    h << R"(<div class="nhsuk-panel cairn-sent"><h1 class="nhsuk-panel__heading">Your question has been sent</h1><div class="nhsuk-panel__body"><p>Our nurses will answer within 3 working days.</p></div></div>
<h2>Your private link</h2>
<p>Your answer will appear at this link. Bookmark it or copy it somewhere safe. We will also email it to you when the answer is ready.</p>
<p class="nhsuk-body-l cairn-private-link nhsuk-u-text-break-word"><a href=")"_m
      << p.link << "\">"_m << p.link << R"(</a></p>
<p>Anyone with the link can read your question and the answer, so keep it to yourself.</p>
<h2>Your question</h2>
)"_m;
  } else {
    h << "<h1>Your question to our nurses</h1>\n"_m;
    if (p.answered) {
      h << R"(<h2>Our nurse's answer</h2>
<div class="cairn-answer">)"_m;
      write_paragraphs(h, p.answer);
      h << R"(</div>
<p class="nhsuk-body-s">Answered by one of our nurses on )"_m
        << p.answered_on << ".</p>\n"_m;
    } else {
      write_inset_text(h,
                       "Our nurses will answer within 3 working days. We will email you when the "
                       "answer is ready, and it will appear on this page.",
                       "cairn-waiting");
    }
    h << "<h2>Your question</h2>\n"_m;
  }
  h << R"(<div class="cairn-question">)"_m;
  write_paragraphs(h, p.question);
  h << "</div>\n"_m;
  if (!p.sent_on.empty())
    h << R"(<p class="nhsuk-body-s">Sent on )"_m << p.sent_on << ".</p>\n"_m;
  h << R"(<h2>Talk to a nurse</h2>
<p>To talk to one of our nurses, call free on <a href=")"_m
    << tel_href(chrome.site.helpline_phone) << "\">"_m << chrome.site.helpline_phone
    << R"(</a>. See <a href="/helpline">our opening hours</a>.</p>
)"_m;
  if (!p.flagged || p.answered)
    h << crisis_support(chrome.site);
  return render_in_layout(
      chrome, p.just_sent ? "Your question has been sent" : "Your question to our nurses", "",
      in_two_thirds_column(h.take()), {{"Home", "/"}, {"Nurse helpline", "/helpline"}});
}

SafeHtml render_nurse_inbox(const Chrome& chrome, const InboxPage& p) {
  Html h;
  h << "<h1>Helpline messages</h1>\n"_m;
  std::size_t flagged = 0;
  for (const auto& row : p.waiting) flagged += row.flagged ? 1 : 0;
  if (flagged > 0) {
    h << R"(<div class="nhsuk-warning-callout"><h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>Self-harm risk</span></h2><p>)"_m
      << flagged
      << (flagged == 1
              ? " message mentions self-harm or suicide. It is at the top of the list: please read it first."_m
              : " messages mention self-harm or suicide. They are at the top of the list: please read them first."_m)
      << "</p></div>\n"_m;
  }
  h << "<h2>Waiting for an answer ("_m << p.waiting.size() << ")</h2>\n"_m;
  if (p.waiting.empty()) {
    h << "<p>There are no messages waiting.</p>\n"_m;
  } else {
    write_inbox_table(h, p.waiting, "Messages waiting for an answer, oldest first", false);
  }
  h << "<h2>Answered recently</h2>\n"_m;
  if (p.answered.empty()) {
    h << "<p>No messages have been answered yet.</p>\n"_m;
  } else {
    write_inbox_table(h, p.answered, "Answered messages, most recent first", true);
  }
  return render_in_layout(chrome, "Helpline messages", "/staff/helpline", h.take());
}

SafeHtml render_nurse_message(const Chrome& chrome, const NurseMessagePage& p) {
  Html h;
  write_form_error_summary(h, p.form);
  if (!p.notice.empty()) {
    write_inset_text(h, p.notice, "cairn-notice");
  }
  if (p.flagged) {
    h << R"(<div class="nhsuk-warning-callout cairn-flagged"><h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>Self-harm risk</span></h2><p>This message mentions self-harm or suicide)"_m;
    if (!p.watched_words.empty()) {
      h << " ("_m;
      for (std::size_t i = 0; i < p.watched_words.size(); ++i) {
        if (i > 0)
          h << ", "_m;
        h << "\u201c"_m << p.watched_words[i] << "\u201d"_m;
      }
      h << ")"_m;
    }
    h << ". The sender was shown where to get help at once. Please read it first.</p></div>\n"_m;
  }
  h << "<h1>Message from "_m << (p.name.empty() ? "someone who did not give a name" : p.name)
    << "</h1>\n"_m;
  h << R"(<dl class="nhsuk-summary-list">
<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Email</dt><dd class="nhsuk-summary-list__value">)"_m;
  if (p.consent) {
    h << R"(<a href=")"_m << safe_href("mailto:" + p.email) << "\">"_m << p.email
      << "</a> (happy to be contacted)"_m;
  } else {
    h << p.email << " (did not agree to be contacted)"_m;
  }
  h << R"(</dd></div>
<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">)"_m
    << (p.status == store::NurseMessageStatus::answered ? "Time to answer"_m : "Waiting"_m)
    << R"(</dt><dd class="nhsuk-summary-list__value">)"_m << p.wait << R"(</dd></div>
<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Status</dt><dd class="nhsuk-summary-list__value">)"_m;
  write_status_tag(h, p.status);
  h << R"(</dd></div>
<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Nurse</dt><dd class="nhsuk-summary-list__value cairn-assigned">)"_m
    << (p.assigned_to_me          ? std::string("You")
        : p.assigned_name.empty() ? "Nobody yet"
                                  : p.assigned_name)
    << R"(</dd></div>
</dl>
<h2>Their question</h2>
<div class="cairn-question">)"_m;
  write_paragraphs(h, p.question);
  h << "</div>\n"_m;
  std::string base = "/staff/helpline/" + std::to_string(p.id);
  if (p.status == store::NurseMessageStatus::answered) {
    h << R"(<h2>Answer</h2>
<div class="cairn-answer">)"_m;
    write_paragraphs(h, p.answer);
    h << R"(</div>
<p class="nhsuk-body-s">Answered by )"_m
      << (p.answered_name.empty() ? "a nurse" : p.answered_name) << " on "_m << p.answered_on
      << ".</p>\n"_m;
  } else {
    if (!p.assigned_to_me) {
      h << R"(<form method="post" action=")"_m << base << R"(/assign">
)"_m;
      write_csrf_field(h, p.form.csrf_token);
      write_submit_button(h, "Assign to me", ButtonStyle::secondary);
      h << "</form>\n"_m;
    }
    h << R"(<h2>Your answer</h2>
<form method="post" action=")"_m
      << base << R"(/answer" novalidate>
)"_m;
    write_csrf_field(h, p.form.csrf_token);
    write_textarea_field(h, p.form,
                         {"answer", "Answer",
                          "The sender reads this at their private link. The email we send them "
                          "says only that the answer is ready.",
                          p.answer_draft, 12, p.answer_max_chars});
    write_submit_button(h, "Send answer");
    h << "</form>\n"_m;
  }
  h << R"(<p><a href="/staff/helpline">Back to all messages</a></p>
)"_m;
  return render_in_layout(
      chrome, form_page_title(p.form, "Helpline message " + std::to_string(p.id)), base,
      in_two_thirds_column(h.take()), {{"Home", "/"}, {"Helpline messages", "/staff/helpline"}});
}

}  // namespace cairn::views
