#include "app/editor_routes.hpp"

#include <charconv>
#include <ctime>

#include "app/content_folder.hpp"
#include "content/line_diff.hpp"
#include "core/iso_time.hpp"
#include "core/london_time.hpp"
#include "core/text.hpp"
#include "views/editor_views.hpp"

namespace cairn::app {

namespace {

constexpr std::string_view kStaffContent = "/staff/content";
// Unsaved text kept for editors signed out mid-edit: a handful an hour from one address.
constexpr RateLimit kKeptPerAddress{10, std::chrono::hours(1), std::chrono::seconds(60),
                                    std::chrono::hours(1)};

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

  void add(Routes& routes) const {
    std::string base(kStaffContent);
    routes.add("GET", base, bind_page(*this, &EditorPages::list));
    routes.add("GET", base + "/page", bind_page(*this, &EditorPages::page));
    routes.add("GET", base + "/edit", bind_page(*this, &EditorPages::edit_form));
    routes.add("POST", base + "/edit", bind_page(*this, &EditorPages::edit));
    routes.add("POST", base + "/submit", bind_page(*this, &EditorPages::submit));
    routes.add("GET", base + "/review", bind_page(*this, &EditorPages::review));
    routes.add("POST", base + "/publish", bind_page(*this, &EditorPages::publish));
    routes.add("POST", base + "/return", bind_page(*this, &EditorPages::send_back));
    routes.add("POST", base + "/unschedule", bind_page(*this, &EditorPages::unschedule));
    routes.add("GET", base + "/compare", bind_page(*this, &EditorPages::compare));
    routes.add("POST", base + "/owner", bind_page(*this, &EditorPages::set_owner));
  }

 private:
  std::string today() const { return iso_date(d_.clock.now()); }

  // Staff pages are never indexed.
  static Outcome staff_page(Outcome outcome) {
    return std::move(outcome).with_header("X-Robots-Tag", "noindex, nofollow");
  }

  // The signed-in editor; others are sent to sign in (back to this page), or refused.
  template <class F>
  Outcome as_editor(RequestContext& c, F&& f) const {
    std::string back = c.path();
    if (c.has_query("path")) {
      back += "?path=" + url_encode(c.query("path"));
      if (c.has_query("revision"))
        back += "&revision=" + std::to_string(revision_number(c.query("revision")));
    }
    return as_staff(c, back, content::may_edit_pages, "These pages are for the charity's editors.",
                    f);
  }

  Outcome list(RequestContext& c) const {
    return as_editor(c, [&](const accounts::Account&) {
      return staff_page(Outcome::page(views::render_content_list(
          d_.site.chrome(), d_.desk.overview(today()), d_.reminders.owners())));
    });
  }

  static std::string message_for(const RequestContext& c) {
    std::string done = c.query("done");
    std::string revision = std::to_string(revision_number(c.query("revision")));
    if (done == "saved") {
      std::string text = "Revision " + revision + " is saved as a draft.";
      if (int other = revision_number(c.query("overtaken")); other > 0) {
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
    if (done == "owner")
      return "The page's owner is saved.";
    if (done == "scheduled")
      return "Revision " + revision + " is approved. It goes live at the time you chose.";
    if (done == "unscheduled")
      return "Revision " + revision + " will not go live. It is back in review.";
    return {};
  }

  // One page's overview; `problems`, when given, are why it was not sent for review.
  Outcome show_page(RequestContext& c, const accounts::Account& editor, const std::string& path,
                    const Error* problems, std::string message) const {
    auto overview = d_.desk.page(path, today());
    if (!overview)
      return overview.error();
    views::ContentPageView view;
    view.form = c.form_state(problems);
    view.page = std::move(overview.value());
    view.history = d_.desk.history(path);
    for (auto& revision : view.history) {
      revision.content.clear();
      if (revision.state == store::RevisionState::scheduled)
        view.scheduled = revision;
    }
    view.comments = d_.desk.feedback_comments(path, 50);
    if (auto owners = d_.reminders.owners(); owners.contains(path))
      view.owner = owners.at(path);
    view.possible_owners = d_.reminders.possible_owners();
    view.viewer_id = editor.id;
    view.viewer_may_override = content::may_override_checks(editor);
    if (view.page.has_open_draft()) {
      if (auto checked = d_.desk.check_revision(path, view.page.newest.revision)) {
        view.draft_checked = true;
        view.draft_findings = std::move(checked->findings);
      }
    }
    view.message = std::move(message);
    auto html = views::render_content_page(d_.site.chrome(), view);
    return staff_page(Outcome::form(html, problems));
  }

  Outcome page(RequestContext& c) const {
    return as_editor(c, [&](const accounts::Account& editor) {
      return show_page(c, editor, c.query("path"), nullptr, message_for(c));
    });
  }

  Outcome edit_form(RequestContext& c) const {
    return as_editor(c, [&](const accounts::Account&) -> Outcome {
      auto copy = d_.desk.working_copy(c.query("path"));
      if (!copy)
        return copy.error();
      views::ContentEditView view;
      view.form = c.form_state();
      view.path = copy->page.path;
      view.title = copy->page.title;
      view.base_revision = copy->revision.revision;
      view.source = copy->source;
      // Back from signing in again: what they typed before their session ended.
      if (auto kept = d_.kept.take(c.query("kept"), view.path)) {
        view.base_revision = kept->base_revision;
        view.source = std::move(kept->source);
        view.note = std::move(kept->note);
        view.notice =
            "You were signed out before your changes were saved. Here is what you typed: check "
            "it, then save it.";
      }
      (void)preview_into(view);
      return staff_page(Outcome::page(views::render_content_edit(d_.site.chrome(), view)));
    });
  }

  // Shows the view's source as readers would see it, with the checks; or its problems.
  std::optional<Error> preview_into(views::ContentEditView& view) const {
    auto page = d_.desk.read_source(view.path, view.source);
    if (!page)
      return page.error();
    view.previewing = true;
    view.preview = d_.site.preview(page.value());
    view.findings = d_.desk.check(page.value(), view.source);
    return std::nullopt;
  }

  // A save or preview sent after the session ended: the text is kept against a one-time
  // token that comes back through sign-in, so nothing typed is lost.
  Outcome keep_for_sign_in(RequestContext& c, const http::Form& fields) const {
    std::string path = fields.get("path");
    std::string back = std::string(kStaffContent) + "/edit?path=" + url_encode(path);
    std::string source = fields.get("source");
    if (!source.empty() &&
        d_.limiter.attempt("kept-draft:" + c.client_address(), kKeptPerAddress)) {
      if (auto token = d_.kept.keep(
              {path, revision_number(fields.get("base")), std::move(source), fields.get("note")}))
        return Outcome::see_other("/account/sign-in?kept=1&next=" +
                                  url_encode(back + "&kept=" + *token));
    }
    return to_sign_in(back);
  }

  // The edit form again, with what was wrong (or the preview when nothing was).
  Outcome edit_page(RequestContext& c, views::ContentEditView& view, const Error* problems) const {
    view.form = c.form_state(problems);
    auto html = views::render_content_edit(d_.site.chrome(), view);
    return staff_page(Outcome::form(html, problems));
  }

  Outcome edit(RequestContext& c) const {
    const auto& fields = c.form();
    if (!fields)
      return fields.error();
    if (!c.account())
      return keep_for_sign_in(c, *fields);
    return as_editor(c, [&](const accounts::Account& editor) -> Outcome {
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
        auto problems = preview_into(view);
        return edit_page(c, view, problems ? &*problems : nullptr);
      }
      auto saved = d_.desk.save_draft(editor, path, view.source, view.note, view.base_revision);
      if (!saved) {
        (void)preview_into(view);
        return edit_page(c, view, &saved.error());
      }
      std::string to = page_address(path) + "&done=" + (saved->unchanged ? "unchanged" : "saved") +
                       "&revision=" + std::to_string(saved->revision);
      if (saved->overtaken_by > 0)
        to += "&overtaken=" + std::to_string(saved->overtaken_by);
      return Outcome::see_other(to);
    });
  }

  // The reviewer's screen for one revision; `problems` and `sent`, when given, are a
  // decision that was refused and the form it came from (shown again as typed).
  Outcome show_review(RequestContext& c, const accounts::Account& editor, const std::string& path,
                      int revision, const Error* problems = nullptr,
                      const http::Form* sent = nullptr) const {
    auto overview = d_.desk.page(path, today());
    if (!overview)
      return overview.error();
    auto checked = d_.desk.check_revision(path, revision);
    if (!checked)
      return checked.error();
    auto live = d_.desk.revision_source(path, overview->published_revision);
    if (!live)
      return live.error();
    views::ContentReviewView view;
    view.form = c.form_state(problems);
    view.page = std::move(overview.value());
    view.revision = checked->revision;
    view.revision.content.clear();
    view.findings = checked->findings;
    // The diff points into both texts: they live until the page is written.
    const std::string& after = checked->source;
    view.hunks = content::diff_hunks(content::diff_lines(*live, after));
    view.preview = d_.site.preview(checked->page);
    view.viewer_id = editor.id;
    view.viewer_may_override = content::may_override_checks(editor);
    if (sent) {
      view.review_note = sent->get("note");
      view.override_reason = sent->get("override_reason");
      view.go_live_date = sent->get("go_live_date");
      view.go_live_time = sent->get("go_live_time");
    }
    auto html = views::render_content_review(d_.site.chrome(), view);
    return staff_page(Outcome::form(html, problems));
  }

  Outcome review(RequestContext& c) const {
    return as_editor(c, [&](const accounts::Account& editor) {
      return show_review(c, editor, c.query("path"), revision_number(c.query("revision")));
    });
  }

  // submit, publish and return: a revision of a page, then back to that page. A refused
  // submit is shown on the page; a refused decision on the review screen.
  template <class Act>
  Outcome review_action(RequestContext& c, std::string_view done, Act&& act) const {
    const auto& fields = c.form();
    if (!fields)
      return fields.error();
    return as_editor(c, [&](const accounts::Account& editor) -> Outcome {
      std::string path = fields->get("path");
      int revision = revision_number(fields->get("revision"));
      Status acted = act(editor, path, revision, *fields);
      if (!acted && (done == "submitted" || done == "unscheduled"))
        return show_page(c, editor, path, &acted.error(), {});
      if (!acted)
        return show_review(c, editor, path, revision, &acted.error(), &*fields);
      return Outcome::see_other(page_address(path) + "&done=" + std::string(done) +
                                "&revision=" + std::to_string(revision));
    });
  }

  Outcome submit(RequestContext& c) const {
    return review_action(c, "submitted",
                         [&](const accounts::Account& editor, const std::string& path, int revision,
                             const http::Form&) { return d_.desk.submit(editor, path, revision); });
  }

  // Approval: published now, or (when=later) at the date and time given, UK time.
  Outcome publish(RequestContext& c) const {
    const auto& fields = c.form();
    if (fields && fields->get("when") == "later")
      return review_action(
          c, "scheduled",
          [&](const accounts::Account& editor, const std::string& path, int revision,
              const http::Form& form) -> Status {
            auto at =
                london_instant(trim(form.get("go_live_date")), trim(form.get("go_live_time")));
            if (!at) {
              return make_error(Errc::invalid_input,
                                "Enter the date it goes live as 2030-06-01 and "
                                "the time as 10:00.",
                                "go_live_date");
            }
            return d_.desk.schedule(editor, path, revision, *at, form.get("override_reason"));
          });
    return review_action(c, "published",
                         [&](const accounts::Account& editor, const std::string& path, int revision,
                             const http::Form& form) {
                           auto published =
                               d_.desk.publish(editor, path, revision, form.get("override_reason"));
                           if (published && d_.published)
                             d_.published();
                           return published;
                         });
  }

  Outcome unschedule(RequestContext& c) const {
    return review_action(
        c, "unscheduled",
        [&](const accounts::Account& editor, const std::string& path, int revision,
            const http::Form&) { return d_.desk.cancel_schedule(editor, path, revision); });
  }

  Outcome send_back(RequestContext& c) const {
    return review_action(c, "returned",
                         [&](const accounts::Account& editor, const std::string& path, int revision,
                             const http::Form& form) {
                           return d_.desk.send_back(editor, path, revision, form.get("note"));
                         });
  }

  Outcome set_owner(RequestContext& c) const {
    const auto& fields = c.form();
    if (!fields)
      return fields.error();
    return as_editor(c, [&](const accounts::Account& editor) -> Outcome {
      std::string path = fields->get("path");
      auto owner = positive_id(fields->get("owner"));
      Status set = d_.reminders.set_owner(editor, path, owner.value_or(0));
      if (!set)
        return show_page(c, editor, path, &set.error(), {});
      return Outcome::see_other(page_address(path) + "&done=owner");
    });
  }

  Outcome compare(RequestContext& c) const {
    return as_editor(c, [&](const accounts::Account&) -> Outcome {
      std::string path = c.query("path");
      auto from = d_.desk.revision(path, revision_number(c.query("from")));
      if (!from)
        return from.error();
      auto to = d_.desk.revision(path, revision_number(c.query("to")));
      if (!to)
        return to.error();
      auto published = d_.desk.page(path, today());  // the title readers know it by
      if (!published)
        return published.error();
      auto before = d_.desk.revision_source(path, from->revision);
      auto after = d_.desk.revision_source(path, to->revision);
      if (!before)
        return before.error();
      if (!after)
        return after.error();
      views::ContentCompareView view;
      view.path = path;
      view.title = published->page.title;
      view.hunks = content::diff_hunks(content::diff_lines(*before, *after));
      view.from = std::move(from.value());
      view.to = std::move(to.value());
      view.from.content.clear();
      view.to.content.clear();
      view.history = d_.desk.history(path);
      for (auto& revision : view.history) revision.content.clear();
      return staff_page(Outcome::page(views::render_content_compare(d_.site.chrome(), view)));
    });
  }

  EditorDeps& d_;
};

}  // namespace

void add_editor_routes(Routes& routes, EditorDeps& deps) {
  EditorPages(deps).add(routes);
}

}  // namespace cairn::app
