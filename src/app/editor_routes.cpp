#include "app/editor_routes.hpp"

#include <charconv>
#include <ctime>

#include <nlohmann/json.hpp>

#include "app/form_state.hpp"
#include "app/site_config.hpp"
#include "app/web_app.hpp"
#include "content/line_diff.hpp"
#include "content/page_source.hpp"
#include "core/iso_time.hpp"
#include "core/text.hpp"
#include "http/form.hpp"
#include "views/editor_views.hpp"

namespace cairn::app {

namespace {

constexpr std::string_view kStaffContent = "/staff/content";

int revision_number(const std::string& text) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  return ec == std::errc() && end == text.data() + text.size() && n > 0 ? n : 0;
}

std::string page_address(const std::string& path) {
  return std::string(kStaffContent) + "/page?path=" + url_encode(path);
}

class EditorPages {
 public:
  explicit EditorPages(EditorDeps& deps) : d_(deps) {}

  void add(http::Router& router) {
    router.add("GET", std::string(kStaffContent), bind(&EditorPages::list));
    router.add("GET", std::string(kStaffContent) + "/page", bind(&EditorPages::page));
    router.add("GET", std::string(kStaffContent) + "/edit", bind(&EditorPages::edit_form));
    router.add("POST", std::string(kStaffContent) + "/edit", bind(&EditorPages::edit));
    router.add("POST", std::string(kStaffContent) + "/submit", bind(&EditorPages::submit));
    router.add("POST", std::string(kStaffContent) + "/publish", bind(&EditorPages::publish));
    router.add("POST", std::string(kStaffContent) + "/return", bind(&EditorPages::send_back));
    router.add("GET", std::string(kStaffContent) + "/compare", bind(&EditorPages::compare));
  }

 private:
  using Method = Result<http::Response> (EditorPages::*)(const http::Request&) const;
  http::Handler bind(Method method) const {
    return [pages = *this, method](const http::Request& r) { return (pages.*method)(r); };
  }

  std::string today() const { return iso_date(d_.clock.now()); }

  http::Response page_response(const Visitor& v, const SafeHtml& html, int status = 200) const {
    http::Response r;
    r.status = status;
    r.body = html.str();
    r.set_header("X-Robots-Tag", "noindex, nofollow");
    d_.visitors.finish(v, r);
    return r;
  }

  http::Response redirect(const Visitor& v, std::string location) const {
    auto r = http::redirect(std::move(location));
    d_.visitors.finish(v, r);
    return r;
  }

  // The signed-in editor; others are sent to sign in, or refused.
  template <class F>
  Result<http::Response> as_editor(const http::Request& r, F&& f) const {
    auto v = d_.visitors.resolve(r);
    const auto* account = v.account();
    if (!account) {
      std::string next = r.path;
      if (!r.query.empty() && r.has_param("path"))
        next += "?path=" + url_encode(r.param("path"));
      return redirect(v, "/account/sign-in?next=" + url_encode(next));
    }
    if (!content::may_edit_pages(*account)) {
      return make_error(Errc::forbidden, "These pages are for the charity's editors.");
    }
    return f(v, *account);
  }

  Result<http::Response> list(const http::Request& r) const {
    return as_editor(r, [&](const Visitor& v, const accounts::Account&) -> Result<http::Response> {
      return page_response(v,
                           views::render_content_list(d_.site.chrome(), d_.desk.overview(today())));
    });
  }

  std::string message_for(const http::Request& r) const {
    std::string done = r.param("done");
    std::string revision = std::to_string(revision_number(r.param("revision")));
    if (done == "saved") {
      std::string text = "Revision " + revision + " is saved as a draft.";
      if (int other = revision_number(r.param("overtaken")); other > 0) {
        text += " Someone else saved revision " + std::to_string(other) +
                " while you were editing. Compare the two before you send yours for review.";
      }
      return text;
    }
    if (done == "unchanged")
      return "Nothing had changed, so no new revision was saved.";
    if (done == "submitted")
      return "Revision " + revision + " is waiting for a second editor to review it.";
    if (done == "published")
      return "Revision " + revision + " is published. Readers see it now.";
    if (done == "returned")
      return "Revision " + revision + " is sent back to its author.";
    return {};
  }

  Result<http::Response> show_page(const Visitor& v, const accounts::Account& editor,
                                   const std::string& path, views::FormState form,
                                   std::string message, std::string review_note = {},
                                   int status = 200) const {
    auto overview = d_.desk.page(path, today());
    if (!overview)
      return overview.error();
    views::ContentPageView view;
    view.form = std::move(form);
    view.page = std::move(overview.value());
    view.history = d_.desk.history(path);
    for (auto& revision : view.history) revision.content.clear();
    view.comments = d_.desk.feedback_comments(path, 50);
    view.viewer_id = editor.id;
    view.message = std::move(message);
    view.review_note = std::move(review_note);
    return page_response(v, views::render_content_page(d_.site.chrome(), view), status);
  }

  Result<http::Response> page(const http::Request& r) const {
    return as_editor(r, [&](const Visitor& v, const accounts::Account& editor) {
      return show_page(v, editor, r.param("path"), form_state(v), message_for(r));
    });
  }

  std::vector<content::Finding> checks_for(const content::Page& draft,
                                           const std::string& source) const {
    content::CheckInput input = d_.check_base;
    input.pages = d_.site.pages();
    bool replaced = false;
    for (auto& page : input.pages) {
      if (page.path == draft.path) {
        page = draft;
        replaced = true;
      }
    }
    if (!replaced)
      input.pages.push_back(draft);
    input.file_texts[draft.file] = source;
    content::CheckOptions options;
    options.today = today();
    options.app_paths = app_paths();
    auto report = content::check_content(input, options);
    std::vector<content::Finding> mine;
    for (auto& f : report.findings) {
      if (f.file == draft.file && f.level != content::Level::info)
        mine.push_back(std::move(f));
    }
    return mine;
  }

  Result<http::Response> edit_form(const http::Request& r) const {
    return as_editor(r, [&](const Visitor& v, const accounts::Account&) -> Result<http::Response> {
      auto copy = d_.desk.working_copy(r.param("path"));
      if (!copy)
        return copy.error();
      views::ContentEditView view;
      view.form = form_state(v);
      view.path = copy->page.path;
      view.title = copy->page.title;
      view.base_revision = copy->revision.revision;
      view.source = copy->source;
      return page_response(v, views::render_content_edit(d_.site.chrome(), view));
    });
  }

  Result<http::Response> edit(const http::Request& r) const {
    auto fields = http::parse_form(r);
    if (!fields)
      return fields.error();
    return as_editor(
        r, [&](const Visitor& v, const accounts::Account& editor) -> Result<http::Response> {
          std::string path = fields->get("path");
          auto published = d_.desk.page(path, today());
          if (!published)
            return published.error();
          views::ContentEditView view;
          view.path = path;
          view.title = published->page.title;
          view.base_revision = revision_number(fields->get("base"));
          view.source = fields->get("source");
          view.note = fields->get("note");
          if (fields->get("action") == "preview") {
            auto page = d_.desk.read_source(path, view.source);
            view.form = form_state(v, page ? accounts::FormProblems{} : page.problems());
            if (page) {
              view.previewing = true;
              view.preview = d_.site.preview(page.value());
              view.findings = checks_for(page.value(), view.source);
            }
            return page_response(v, views::render_content_edit(d_.site.chrome(), view),
                                 page ? 200 : 400);
          }
          auto saved = d_.desk.save_draft(editor, path, view.source, view.note, view.base_revision);
          if (!saved) {
            view.form = form_state(v, saved.problems());
            return page_response(v, views::render_content_edit(d_.site.chrome(), view),
                                 status_for(saved.problems().code()));
          }
          std::string to = page_address(path) +
                           "&done=" + (saved->unchanged ? "unchanged" : "saved") +
                           "&revision=" + std::to_string(saved->revision);
          if (saved->overtaken_by > 0)
            to += "&overtaken=" + std::to_string(saved->overtaken_by);
          return redirect(v, to);
        });
  }

  // submit, publish and return: a revision of a page, then back to that page.
  template <class Act>
  Result<http::Response> review_action(const http::Request& r, std::string_view done,
                                       Act&& act) const {
    auto fields = http::parse_form(r);
    if (!fields)
      return fields.error();
    return as_editor(
        r, [&](const Visitor& v, const accounts::Account& editor) -> Result<http::Response> {
          std::string path = fields->get("path");
          int revision = revision_number(fields->get("revision"));
          accounts::FormProblems problems = act(editor, path, revision, *fields);
          if (!problems.empty()) {
            return show_page(v, editor, path, form_state(v, problems), {}, fields->get("note"),
                             status_for(problems.code()));
          }
          return redirect(v, page_address(path) + "&done=" + std::string(done) +
                                 "&revision=" + std::to_string(revision));
        });
  }

  static accounts::FormProblems problems_of(const Status& status) {
    accounts::FormProblems problems;
    if (!status)
      problems.refusal = status.error();
    return problems;
  }

  Result<http::Response> submit(const http::Request& r) const {
    return review_action(
        r, "submitted",
        [&](const accounts::Account& editor, const std::string& path, int revision,
            const http::Form&) { return problems_of(d_.desk.submit(editor, path, revision)); });
  }

  Result<http::Response> publish(const http::Request& r) const {
    return review_action(r, "published",
                         [&](const accounts::Account& editor, const std::string& path, int revision,
                             const http::Form&) {
                           auto published = d_.desk.publish(editor, path, revision);
                           if (published && d_.published)
                             d_.published();
                           return problems_of(published);
                         });
  }

  Result<http::Response> send_back(const http::Request& r) const {
    return review_action(r, "returned",
                         [&](const accounts::Account& editor, const std::string& path, int revision,
                             const http::Form& form) {
                           auto sent = d_.desk.send_back(editor, path, revision, form.get("note"));
                           return sent ? accounts::FormProblems{} : sent.problems();
                         });
  }

  Result<http::Response> compare(const http::Request& r) const {
    return as_editor(r, [&](const Visitor& v, const accounts::Account&) -> Result<http::Response> {
      std::string path = r.param("path");
      auto from = d_.desk.revision(path, revision_number(r.param("from")));
      if (!from)
        return from.error();
      auto to = d_.desk.revision(path, revision_number(r.param("to")));
      if (!to)
        return to.error();
      auto published = d_.desk.page(path, today());  // the title readers know it by
      if (!published)
        return published.error();
      auto before = content::page_from_json(nlohmann_json_parse(from->content));
      auto after = content::page_from_json(nlohmann_json_parse(to->content));
      if (!before)
        return before.error();
      if (!after)
        return after.error();
      std::string before_source = content::page_source(*before);
      std::string after_source = content::page_source(*after);
      views::ContentCompareView view;
      view.path = path;
      view.title = published->page.title;
      view.hunks = content::diff_hunks(content::diff_lines(before_source, after_source));
      view.from = std::move(from.value());
      view.to = std::move(to.value());
      view.from.content.clear();
      view.to.content.clear();
      view.history = d_.desk.history(path);
      for (auto& revision : view.history) revision.content.clear();
      return page_response(v, views::render_content_compare(d_.site.chrome(), view));
    });
  }

  static nlohmann::json nlohmann_json_parse(const std::string& text) {
    return nlohmann::json::parse(text, nullptr, false);
  }

  EditorDeps& d_;
};

}  // namespace

void add_editor_routes(http::Router& router, EditorDeps& deps) {
  EditorPages(deps).add(router);
}

}  // namespace cairn::app
