#include "app/nurse_routes.hpp"

#include <charconv>

#include "app/form_state.hpp"
#include "app/web_app.hpp"
#include "core/iso_time.hpp"
#include "core/text.hpp"
#include "http/client_address.hpp"
#include "http/form.hpp"
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

// "/staff/helpline/12/answer" -> 12 and "answer"; nothing if not of that shape.
struct StaffTarget {
  std::int64_t id = 0;
  std::string action;  // "", "assign" or "answer"
};

std::optional<StaffTarget> staff_target(std::string_view path) {
  path.remove_prefix(kInboxPath.size() + 1);
  auto slash = path.find('/');
  std::string_view digits = path.substr(0, slash);
  StaffTarget target;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), target.id);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
      target.id <= 0) {
    return std::nullopt;
  }
  if (slash != std::string_view::npos)
    target.action = std::string(path.substr(slash + 1));
  return target;
}

class NursePages {
 public:
  explicit NursePages(NurseDeps& deps) : d_(deps) {}

  void add(http::Router& router) {
    router.add("GET", "/helpline/ask", bind(&NursePages::ask_form));
    router.add("POST", "/helpline/ask", bind(&NursePages::ask));
    router.add_prefix("GET", std::string(helpline::kAnswerPath), bind(&NursePages::answer_page));
    router.add("GET", std::string(kInboxPath), bind(&NursePages::inbox));
    router.add_prefix("GET", std::string(kInboxPath) + "/", bind(&NursePages::message_page));
    router.add_prefix("POST", std::string(kInboxPath) + "/", bind(&NursePages::message_action));
  }

 private:
  using Method = Result<http::Response> (NursePages::*)(const http::Request&) const;
  http::Handler bind(Method method) const {
    return [pages = *this, method](const http::Request& r) { return (pages.*method)(r); };
  }

  http::Response page(const Visitor& v, const SafeHtml& html, int status = 200) const {
    http::Response r;
    r.status = status;
    r.body = html.str();
    d_.visitors.finish(v, r);
    return r;
  }

  http::Response redirect(const Visitor& v, std::string location) const {
    auto r = http::redirect(std::move(location));
    d_.visitors.finish(v, r);
    return r;
  }

  // --- Asking (anyone, signed in or not)

  Result<http::Response> ask_form(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    views::AskForm form;
    form.form = form_state(v);
    form.max_chars = helpline::kMaxQuestionChars;
    return page(v, views::render_ask_page(d_.site.chrome(), form));
  }

  Result<http::Response> ask(const http::Request& r) const {
    auto fields = http::parse_form(r);
    if (!fields)
      return fields.error();
    auto v = d_.visitors.resolve(r);
    helpline::Question question{fields->get("name"), fields->get("email"), fields->get("question"),
                                fields->get("consent") == "yes"};
    auto sent = d_.inbox.submit(question, http::client_address(r, d_.trust_forwarded_for));
    if (sent) {
      // To the private link itself, so that it is in the address bar to bookmark.
      return redirect(v, std::string(helpline::kAnswerPath) + sent->token + "?sent=1");
    }
    views::AskForm form;
    form.form = form_state(v, sent.problems());
    form.name = question.name;
    form.email = question.email;
    form.question = question.question;
    form.consent = question.consent;
    form.max_chars = helpline::kMaxQuestionChars;
    // Help comes first for someone refused, or writing about self-harm.
    bool crisis_first = sent.problems().refusal.has_value() ||
                        !d_.inbox.watched_words_in(question.question).empty() ||
                        !d_.inbox.watched_words_in(question.name).empty();
    return page(v, views::render_ask_page(d_.site.chrome(), form, crisis_first),
                status_for(sent.problems().code()));
  }

  Result<http::Response> answer_page(const http::Request& r) const {
    std::string_view token = std::string_view(r.path).substr(helpline::kAnswerPath.size());
    auto message = d_.inbox.read(token);
    if (!message) {
      return make_error(Errc::not_found, "There is no question at this address.");
    }
    views::AnswerPage p;
    p.link = d_.inbox.link_for(token);
    p.just_sent = r.has_param("sent");
    p.flagged = message->flagged;
    p.question = message->question;
    p.sent_on = date_of(message->created_at);
    p.answered = message->status == "answered";
    p.answer = message->answer;
    if (p.answered)
      p.answered_on = date_of(message->answered_at);
    http::Response response;
    response.body = views::render_answer_page(d_.site.chrome(), p).str();
    // A private page: never stored on the way, never indexed.
    response.cache_control = "no-store";
    response.set_header("X-Robots-Tag", "noindex, nofollow");
    return response;
  }

  // --- The nurses' inbox

  // The signed-in nurse (or administrator); others are sent to sign in or refused.
  template <class F>
  Result<http::Response> as_nurse(const http::Request& r, std::string next, F&& f) const {
    auto v = d_.visitors.resolve(r);
    const auto* account = v.account();
    if (!account)
      return redirect(v, "/account/sign-in?next=" + url_encode(next));
    if (!helpline::may_use_inbox(*account)) {
      return make_error(Errc::forbidden, "These pages are for the helpline's nurses.");
    }
    return f(v, *account);
  }

  Result<http::Response> inbox(const http::Request& r) const {
    return as_nurse(r, r.path, [&](const Visitor& v, const accounts::Account&) {
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
      return Result<http::Response>(page(v, views::render_nurse_inbox(d_.site.chrome(), p)));
    });
  }

  views::NurseMessagePage message_view(const Visitor& v, const accounts::Account& nurse,
                                       const helpline::InboxItem& item) const {
    const auto& m = item.message;
    views::NurseMessagePage p;
    p.form = form_state(v);
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
    p.assigned_to_me = m.status == "assigned" && m.assigned_to == nurse.id;
    p.wait = helpline::describe_wait(item.wait);
    p.answer = m.answer;
    p.answered_name = m.answered_name;
    if (m.answered_at > 0)
      p.answered_on = date_of(m.answered_at);
    p.answer_max_chars = helpline::kMaxAnswerChars;
    return p;
  }

  Result<http::Response> message_page(const http::Request& r) const {
    return as_nurse(
        r, r.path, [&](const Visitor& v, const accounts::Account& nurse) -> Result<http::Response> {
          auto target = staff_target(r.path);
          if (!target || !target->action.empty()) {
            return make_error(Errc::not_found, "There is no message at this address.");
          }
          auto item = d_.inbox.message(target->id);
          if (!item)
            return item.error();
          auto p = message_view(v, nurse, *item);
          if (r.has_param("answered")) {
            p.notice = "Your answer has been saved. We will email the sender to say it is ready.";
          } else if (r.has_param("assigned")) {
            p.notice = "This message is assigned to you.";
          }
          return page(v, views::render_nurse_message(d_.site.chrome(), p));
        });
  }

  Result<http::Response> message_action(const http::Request& r) const {
    auto target = staff_target(r.path);
    std::string next = target ? std::string(kInboxPath) + "/" + std::to_string(target->id)
                              : std::string(kInboxPath);
    return as_nurse(
        r, next, [&](const Visitor& v, const accounts::Account& nurse) -> Result<http::Response> {
          if (!target || (target->action != "assign" && target->action != "answer")) {
            return make_error(Errc::not_found, "There is no message at this address.");
          }
          auto fields = http::parse_form(r);
          if (!fields)
            return fields.error();
          if (target->action == "assign") {
            if (auto assigned = d_.inbox.assign(target->id, nurse); !assigned) {
              return assigned.error();
            }
            return redirect(v, next + "?assigned=1");
          }
          std::string text = fields->get("answer");
          auto answered = d_.inbox.answer(target->id, nurse, text);
          if (answered) {
            if (d_.mail_queued)
              d_.mail_queued();
            return redirect(v, next + "?answered=1");
          }
          if (answered.problems().refusal)
            return *answered.problems().refusal;
          auto item = d_.inbox.message(target->id);
          if (!item)
            return item.error();
          auto p = message_view(v, nurse, *item);
          p.form = form_state(v, answered.problems());
          p.answer_draft = text;
          return page(v, views::render_nurse_message(d_.site.chrome(), p),
                      status_for(answered.problems().code()));
        });
  }

  NurseDeps& d_;
};

}  // namespace

void add_nurse_routes(http::Router& router, NurseDeps& deps) {
  NursePages(deps).add(router);
}

SafeHtml ask_a_nurse_form(const Visitor& visitor) {
  views::AskForm form;
  form.form.csrf_token = visitor.csrf_token;
  form.max_chars = helpline::kMaxQuestionChars;
  return views::render_ask_a_nurse_section(form);
}

}  // namespace cairn::app
