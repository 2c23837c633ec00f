#include "app/nurse_routes.hpp"

#include "core/iso_time.hpp"
#include "views/nurse_views.hpp"

namespace cairn::app {

namespace {

constexpr std::string_view kInboxPath = "/staff/helpline";
constexpr std::size_t kPreviewChars = 120;

// "2026-03-03" -> "3 March 2026" (UTC).
std::string date_of(std::int64_t seconds) {
  return views::format_date(iso_date(seconds));
}

// The start of a question on one line, cut between characters.
std::string preview(std::string_view text) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool starts_char = (c & 0xC0) != 0x80;
    if (starts_char && chars == kPreviewChars) {
      out += "\u2026";
      break;
    }
    if (starts_char)
      ++chars;
    if (c == '\n' || c == '\t') {
      if (!out.empty() && out.back() != ' ')
        out += ' ';
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

class NursePages {
 public:
  explicit NursePages(NurseDeps& deps) : d_(deps) {}

  void add(Routes& routes) const {
    std::string inbox(kInboxPath);
    routes.add("GET", "/helpline/ask", bind_page(*this, &NursePages::ask_form));
    routes.add("POST", "/helpline/ask", bind_page(*this, &NursePages::ask));
    routes.add("GET", std::string(helpline::kAnswerPath) + "{token...}",
               bind_page(*this, &NursePages::answer_page));
    routes.add("GET", inbox, bind_page(*this, &NursePages::inbox));
    routes.add("GET", inbox + "/{id}", bind_page(*this, &NursePages::message_page));
    routes.add("POST", inbox + "/{id}/assign", bind_page(*this, &NursePages::assign));
    routes.add("POST", inbox + "/{id}/answer", bind_page(*this, &NursePages::answer));
  }

 private:
  // --- Asking (anyone, signed in or not)

  Outcome ask_form(RequestContext& c) const {
    views::AskForm form;
    form.form = c.form_state();
    form.max_chars = helpline::kMaxQuestionChars;
    return Outcome::page(views::render_ask_page(d_.site.chrome(), form));
  }

  Outcome ask(RequestContext& c) const {
    const auto& fields = c.form();
    if (!fields)
      return fields.error();
    c.visitor();  // the answer is for this visitor: their cookies, never stored
    helpline::Question question{fields->get("name"), fields->get("email"), fields->get("question"),
                                fields->get("consent") == "yes"};
    auto sent = d_.inbox.submit(question, c.client_address());
    if (sent) {
      // To the private link itself, so that it is in the address bar to bookmark.
      return Outcome::see_other(std::string(helpline::kAnswerPath) + sent->token + "?sent=1");
    }
    views::AskForm form;
    form.form = c.form_state(&sent.error());
    form.name = question.name;
    form.email = question.email;
    form.question = question.question;
    form.consent = question.consent;
    form.max_chars = helpline::kMaxQuestionChars;
    // Help comes first for someone refused, or writing about self-harm.
    bool crisis_first = sent.error().problems.empty() ||
                        !d_.inbox.watched_words_in(question.question).empty() ||
                        !d_.inbox.watched_words_in(question.name).empty();
    return Outcome::form(views::render_ask_page(d_.site.chrome(), form, crisis_first),
                         sent.error());
  }

  Outcome answer_page(RequestContext& c) const {
    std::string_view token = c.path_param("token");
    auto message = d_.inbox.read(token);
    if (!message) {
      return make_error(Errc::not_found, "There is no question at this address.");
    }
    views::AnswerPage p;
    p.link = d_.inbox.link_for(token);
    p.just_sent = c.has_query("sent");
    p.flagged = message->flagged;
    p.question = message->question;
    p.sent_on = date_of(message->created_at);
    p.answered = message->status == store::NurseMessageStatus::answered;
    p.answer = message->answer;
    if (p.answered)
      p.answered_on = date_of(message->answered_at);
    // A private page: never stored on the way, never indexed.
    return Outcome::page(views::render_answer_page(d_.site.chrome(), p))
        .no_store()
        .with_header("X-Robots-Tag", "noindex, nofollow");
  }

  // --- The nurses' inbox

  // The signed-in nurse (or administrator); others are sent to sign in or refused.
  template <class F>
  Outcome as_nurse(RequestContext& c, std::string_view back, F&& f) const {
    return as_staff(c, back, helpline::may_use_inbox, "These pages are for the helpline's nurses.",
                    f);
  }

  Outcome inbox(RequestContext& c) const {
    return as_nurse(c, c.path(), [&](const accounts::Account&) {
      auto inbox = d_.inbox.inbox();
      views::InboxPage p;
      auto row = [](const helpline::InboxItem& item, bool answered) {
        const auto& m = item.message;
        views::InboxRow out;
        out.id = m.id;
        out.from = m.name;
        out.preview = preview(m.question);
        out.flagged = m.flagged;
        out.status = m.status;
        out.nurse = answered ? (m.answered_name.empty() ? "A former nurse" : m.answered_name)
                             : m.assigned_name;
        out.wait = helpline::describe_wait(item.wait);
        return out;
      };
      for (const auto& item : inbox.waiting) p.waiting.push_back(row(item, false));
      for (const auto& item : inbox.answered) p.answered.push_back(row(item, true));
      return Outcome::page(views::render_nurse_inbox(d_.site.chrome(), p));
    });
  }

  views::NurseMessagePage message_view(RequestContext& c, const accounts::Account& nurse,
                                       const helpline::InboxItem& item) const {
    const auto& m = item.message;
    views::NurseMessagePage p;
    p.form = c.form_state();
    p.id = m.id;
    p.name = m.name;
    p.email = m.email;
    p.question = m.question;
    p.consent = m.consent;
    p.flagged = m.flagged;
    if (m.flagged) {
      p.watched_words = d_.inbox.watched_words_in(m.name + "\n" + m.question);
    }
    p.status = m.status;
    p.assigned_name = m.assigned_name;
    p.assigned_to_me = m.status == store::NurseMessageStatus::assigned && m.assigned_to == nurse.id;
    p.wait = helpline::describe_wait(item.wait);
    p.answer = m.answer;
    p.answered_name = m.answered_name;
    if (m.answered_at > 0)
      p.answered_on = date_of(m.answered_at);
    p.answer_max_chars = helpline::kMaxAnswerChars;
    return p;
  }

  static Error no_message() {
    return make_error(Errc::not_found, "There is no message at this address.");
  }

  // Where a nurse signs in to, and comes back to: the message's own page.
  static std::string message_address(RequestContext& c) {
    auto id = c.path_id("id");
    return id ? std::string(kInboxPath) + "/" + std::to_string(*id) : std::string(kInboxPath);
  }

  Outcome message_page(RequestContext& c) const {
    return as_nurse(c, c.path(), [&](const accounts::Account& nurse) -> Outcome {
      auto id = c.path_id("id");
      if (!id)
        return no_message();
      auto item = d_.inbox.message(*id);
      if (!item)
        return item.error();
      auto p = message_view(c, nurse, *item);
      if (c.has_query("answered")) {
        p.notice = "Your answer has been saved. We will email the sender to say it is ready.";
      } else if (c.has_query("assigned")) {
        p.notice = "This message is assigned to you.";
      }
      return Outcome::page(views::render_nurse_message(d_.site.chrome(), p));
    });
  }

  // A nurse's action on one message (a form post): sign-in comes back to the message.
  template <class F>
  Outcome message_action(RequestContext& c, F&& f) const {
    std::string back = message_address(c);
    return as_nurse(c, back, [&](const accounts::Account& nurse) -> Outcome {
      auto id = c.path_id("id");
      if (!id)
        return no_message();
      const auto& fields = c.form();
      if (!fields)
        return fields.error();
      return f(*id, *fields, nurse, back);
    });
  }

  Outcome assign(RequestContext& c) const {
    return message_action(c,
                          [&](std::int64_t id, const http::Form&, const accounts::Account& nurse,
                              const std::string& back) -> Outcome {
                            if (auto assigned = d_.inbox.assign(id, nurse); !assigned)
                              return assigned.error();
                            return Outcome::see_other(back + "?assigned=1");
                          });
  }

  Outcome answer(RequestContext& c) const {
    return message_action(c,
                          [&](std::int64_t id, const http::Form& fields,
                              const accounts::Account& nurse, const std::string& back) -> Outcome {
                            std::string text = fields.get("answer");
                            auto answered = d_.inbox.answer(id, nurse, text);
                            if (answered) {
                              if (d_.mail_queued)
                                d_.mail_queued();
                              return Outcome::see_other(back + "?answered=1");
                            }
                            if (answered.error().problems.empty())
                              return answered.error();
                            auto item = d_.inbox.message(id);
                            if (!item)
                              return item.error();
                            auto p = message_view(c, nurse, *item);
                            p.form = c.form_state(&answered.error());
                            p.answer_draft = text;
                            return Outcome::form(views::render_nurse_message(d_.site.chrome(), p),
                                                 answered.error());
                          });
  }

  NurseDeps& d_;
};

}  // namespace

void add_nurse_routes(Routes& routes, NurseDeps& deps) {
  NursePages(deps).add(routes);
}

SafeHtml ask_a_nurse_form(const Visitor& visitor) {
  views::AskForm form;
  form.form.csrf_token = visitor.csrf_token;
  form.max_chars = helpline::kMaxQuestionChars;
  return views::render_ask_a_nurse_section(form);
}

}  // namespace cairn::app
