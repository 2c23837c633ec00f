#include "views/editor_views.hpp"

#include <cmath>
#include <cstdio>

#include "content/finding_json.hpp"
#include "core/london_time.hpp"
#include "core/text.hpp"
#include "views/components.hpp"
#include "views/html.hpp"

namespace cairn::views {

using namespace literals;

namespace {

constexpr std::string_view kStaffContent = "/staff/content";

std::string page_link(std::string_view what, const std::string& path) {
  return std::string(kStaffContent) + (what.empty() ? "" : "/") + std::string(what) +
         "?path=" + url_encode(path);
}

std::string review_link(const std::string& path, int revision) {
  return page_link("review", path) + "&revision=" + std::to_string(revision);
}

std::string compare_link(const std::string& path, int from, int to) {
  return page_link("compare", path) + "&from=" + std::to_string(from) + "&to=" + std::to_string(to);
}

SafeHtml staff_page(const Chrome& chrome, std::string title, const SafeHtml& main,
                    std::vector<Breadcrumb> crumbs) {
  return render_in_layout(chrome, std::move(title), std::string(kStaffContent), main,
                          std::move(crumbs));
}

std::vector<Breadcrumb> crumbs_to_list() {
  return {{"Home", "/"}, {"Pages", std::string(kStaffContent)}};
}

std::string one_decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::string plural(int n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// An NHS tag: words on a coloured ground ("red", "green", ...).
void write_tag(Html& h, std::string_view colour, std::string_view words) {
  h << R"(<strong class="nhsuk-tag nhsuk-tag--)"_m << colour << R"(">)"_m << words << "</strong>"_m;
}

void write_review_tag(Html& h, const content::ReviewDue& due) {
  switch (due.status) {
    case content::ReviewStatus::overdue:
      return write_tag(h, "red", "Overdue");
    case content::ReviewStatus::due_soon:
      return write_tag(h, "yellow", "Due soon");
    case content::ReviewStatus::current:
      return write_tag(h, "green", "Up to date");
  }
}

std::string_view state_colour(store::RevisionState state) {
  switch (state) {
    case store::RevisionState::draft:
      return "grey";
    case store::RevisionState::in_review:
      return "blue";
    case store::RevisionState::returned:
      return "orange";
    case store::RevisionState::scheduled:
      return "purple";
    case store::RevisionState::published:
      return "green";
  }
  return "grey";
}

void write_state_tag(Html& h, store::RevisionState state) {
  write_tag(h, state_colour(state), content::state_title(state));
}

void write_reading_age(Html& h, double age) {
  h << one_decimal(age);
  if (age > kReadingAgeTarget) {
    h << R"( <span class="cairn-over-target">(above )"_m << static_cast<int>(kReadingAgeTarget)
      << ")</span>"_m;
  }
}

// A table that becomes one card per row on a phone (NHS.UK's responsive table): each
// cell then shows its column's heading (cell(h, heading)), so no column is cut off.
void open_table(Html& h, std::string_view caption, std::initializer_list<std::string_view> heads) {
  h << R"(<table class="nhsuk-table-responsive cairn-staff-table"><caption class="nhsuk-table__caption">)"_m
    << caption << R"(</caption><thead class="nhsuk-table__head"><tr class="nhsuk-table__row">)"_m;
  for (auto head : heads)
    h << R"(<th scope="col" class="nhsuk-table__header">)"_m << head << "</th>"_m;
  h << R"(</tr></thead><tbody class="nhsuk-table__body">)"_m;
}

void cell(Html& h, std::string_view heading) {
  h << R"(<td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading" aria-hidden="true">)"_m
    << heading << R"( </span><div class="cairn-staff-table__value">)"_m;
}

void write_hidden(Html& h, std::string_view name, std::string_view value) {
  h << R"(<input type="hidden" name=")"_m << name << R"(" value=")"_m << value << "\">\n"_m;
}

// A form of one button that acts on a revision.
void write_action_form(Html& h, const FormState& form, std::string_view action,
                       const std::string& path, int revision, std::string_view button,
                       ButtonStyle style = ButtonStyle::primary) {
  h << R"(<form method="post" action="/staff/content/)"_m << action
    << R"(" class="cairn-inline-form">)"_m;
  write_csrf_field(h, form.csrf_token);
  write_hidden(h, "path", path);
  write_hidden(h, "revision", std::to_string(revision));
  write_submit_button(h, button, style);
  h << "</form>\n"_m;
}

void write_revision_select(Html& h, std::string_view name, std::string_view label,
                           const std::vector<store::PageRevision>& history, int selected) {
  h << R"(<div class="nhsuk-form-group cairn-inline-group"><label class="nhsuk-label" for=")"_m
    << name << "\">"_m << label << R"(</label><select class="nhsuk-select" id=")"_m << name
    << R"(" name=")"_m << name << "\">"_m;
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    h << R"(<option value=")"_m << it->revision << "\""_m
      << (it->revision == selected ? " selected"_m : ""_m) << ">Revision "_m << it->revision
      << " ("_m << content::state_title(it->state) << ", "_m << it->author << ")</option>"_m;
  }
  h << "</select></div>\n"_m;
}

void write_compare_form(Html& h, const std::string& path,
                        const std::vector<store::PageRevision>& history, int from, int to) {
  h << R"(<form method="get" action="/staff/content/compare" class="cairn-compare-form">)"_m;
  write_hidden(h, "path", path);
  write_revision_select(h, "from", "Compare revision", history, from);
  write_revision_select(h, "to", "with revision", history, to);
  write_submit_button(h, "Compare", ButtonStyle::secondary);
  h << "</form>\n"_m;
}

int errors_in(const std::vector<content::Finding>& findings) {
  int n = 0;
  for (const auto& f : findings) n += f.level == content::Level::error;
  return n;
}

// "2 errors and 1 warning", "no problems"
std::string findings_summary(const std::vector<content::Finding>& findings) {
  int errors = errors_in(findings);
  int warnings = static_cast<int>(findings.size()) - errors;
  if (errors == 0 && warnings == 0)
    return "no problems";
  std::string text;
  if (errors > 0)
    text = plural(errors, "error", "errors");
  if (warnings > 0)
    text += (text.empty() ? "" : " and ") + plural(warnings, "warning", "warnings");
  return text;
}

// The findings as a list, errors first: each with its level in words (not only colour).
void write_findings(Html& h, const std::vector<content::Finding>& findings) {
  h << R"(<ul class="nhsuk-list cairn-findings">)"_m;
  for (auto level : {content::Level::error, content::Level::warning}) {
    for (const auto& f : findings) {
      if (f.level != level)
        continue;
      h << (level == content::Level::error
                ? R"(<li class="cairn-findings__error"><strong>Error</strong>)"_m
                : R"(<li class="cairn-findings__warning"><strong>Warning</strong>)"_m)
        << ", line "_m << f.line << ": "_m << f.message << "</li>"_m;
    }
  }
  h << "</ul>\n"_m;
}

// The changed lines with a few unchanged ones around them; changes are marked in words too.
void write_diff(Html& h, const std::vector<content::DiffHunk>& hunks) {
  h << R"(<table class="cairn-diff"><caption class="nhsuk-u-visually-hidden">Lines removed and added</caption><thead><tr><th scope="col">Line before</th><th scope="col">Line after</th><th scope="col">Text</th></tr></thead>
)"_m;
  for (const auto& hunk : hunks) {
    h << R"(<tbody class="cairn-diff__hunk">)"_m;
    if (hunk.skipped > 0) {
      h << R"(<tr class="cairn-diff__skipped"><td colspan="3">)"_m
        << plural(hunk.skipped, "unchanged line", "unchanged lines") << "</td></tr>"_m;
    }
    for (const auto& line : hunk.lines) {
      switch (line.kind) {
        case content::DiffKind::same:
          h << R"(<tr class="cairn-diff__same"><td>)"_m << line.old_line << "</td><td>"_m
            << line.new_line << "</td><td><code>"_m << line.text << "</code></td></tr>"_m;
          break;
        case content::DiffKind::removed:
          h << R"(<tr class="cairn-diff__removed"><td>)"_m << line.old_line
            << R"(</td><td></td><td><del><span class="nhsuk-u-visually-hidden">Removed: </span><code>)"_m
            << line.text << "</code></del></td></tr>"_m;
          break;
        case content::DiffKind::added:
          h << R"(<tr class="cairn-diff__added"><td></td><td>)"_m << line.new_line
            << R"(</td><td><ins><span class="nhsuk-u-visually-hidden">Added: </span><code>)"_m
            << line.text << "</code></ins></td></tr>"_m;
          break;
      }
    }
    h << "</tbody>\n"_m;
  }
  h << "</table>\n"_m;
}

}  // namespace

std::string format_uk_time(const std::string& iso) {
  auto t = parse_iso_date_time(iso);
  return t ? uk_time_words(*t) : iso;
}

std::string format_time(const std::string& iso) {
  if (iso.size() < 16)
    return iso;
  return format_date(iso.substr(0, 10)) + " at " + iso.substr(11, 5) + " UTC";
}

SafeHtml render_due_reviews(const std::vector<content::DuePage>& pages) {
  Html h;
  h << R"(<section class="cairn-due-reviews" aria-labelledby="due-reviews-heading"><h2 id="due-reviews-heading">Your pages due for review</h2>
)"_m;
  if (pages.empty()) {
    h << "<p>None of the pages you look after is due for review in the next "_m
      << content::kReviewSoonDays << " days.</p>\n"_m;
  } else {
    h << R"(<ul class="nhsuk-list cairn-due-reviews__list">)"_m;
    for (const auto& p : pages) {
      h << "<li>"_m;
      write_review_tag(h, p.due);
      h << R"( <a href=")"_m << page_link("page", p.path) << "\">"_m << p.title << "</a>: "_m
        << format_date(p.next_review) << ", "_m << content::review_due_words(p.due) << "</li>"_m;
    }
    h << "</ul>\n"_m;
  }
  h << R"(<p><a href="/staff/content">Every page and its review date</a></p></section>
)"_m;
  return h.take();
}

SafeHtml render_content_list(const Chrome& chrome, const std::vector<content::PageOverview>& pages,
                             const std::map<std::string, content::PageOwner>& owners) {
  int overdue = 0, soon = 0, open = 0;
  for (const auto& p : pages) {
    overdue += p.review.status == content::ReviewStatus::overdue;
    soon += p.review.status == content::ReviewStatus::due_soon;
    open += p.has_open_draft();
  }
  Html h;
  h << R"(<h1>Pages</h1>
<p class="nhsuk-lede-text">)"_m
    << plural(static_cast<int>(pages.size()), "page", "pages") << ": "_m << overdue
    << " overdue for review, "_m << soon << " due within "_m << content::kReviewSoonDays
    << " days, "_m << plural(open, "with changes waiting", "with changes waiting") << ".</p>\n"_m;
  h << R"(<p>Pages overdue for review come first. They stay on the site, and say when they were due.</p>
)"_m;
  open_table(h, "Every page, overdue reviews first",
             {"Page", "Review", "Reading age", "Was it useful?", "Changes"});
  for (const auto& p : pages) {
    h << R"(<tr class="nhsuk-table__row" data-path=")"_m << p.page.path << "\">"_m;
    cell(h, "Page");
    h << R"(<a href=")"_m << page_link("page", p.page.path) << "\">"_m << p.page.title
      << R"(</a><br><span class="nhsuk-body-s">)"_m << p.page.path << "</span></div></td>"_m;
    cell(h, "Review");
    write_review_tag(h, p.review);
    h << R"(<br><span class="nhsuk-body-s">)"_m << format_date(p.page.next_review) << ", "_m
      << content::review_due_words(p.review) << "<br>"_m;
    if (auto it = owners.find(p.page.path); it != owners.end())
      h << "Owner: "_m << it->second.name;
    else
      h << "No owner"_m;
    h << "</span></div></td>"_m;
    cell(h, "Reading age");
    write_reading_age(h, p.reading_age);
    h << "</div></td>"_m;
    cell(h, "Was it useful?");
    h << p.feedback.useful << " yes, "_m << p.feedback.not_useful << " no"_m;
    if (p.feedback.comments > 0)
      h << "<br>"_m << plural(p.feedback.comments, "comment", "comments");
    h << "</div></td>"_m;
    cell(h, "Changes");
    if (p.has_open_draft()) {
      write_state_tag(h, p.newest.state);
      h << R"(<br><span class="nhsuk-body-s">by )"_m << p.newest.author << "</span>"_m;
    } else {
      h << "None"_m;
    }
    h << "</div></td></tr>\n"_m;
  }
  h << "</tbody></table>\n"_m;
  return staff_page(chrome, "Pages", h.take(), {{"Home", "/"}});
}

namespace {

// The page's facts: where it lives, when it is due for review, how readers found it.
void write_page_summary(Html& h, const content::PageOverview& o,
                        const std::optional<content::PageOwner>& owner) {
  const auto& path = o.page.path;
  h << R"(<dl class="nhsuk-summary-list">)"_m;
  auto row = [&h](std::string_view key, auto&& write_value) {
    h << R"(<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">)"_m << key
      << R"(</dt><dd class="nhsuk-summary-list__value">)"_m;
    write_value();
    h << "</dd></div>"_m;
  };
  row("Address", [&] { h << R"(<a href=")"_m << path << "\">"_m << path << "</a>"_m; });
  row("Next review", [&] {
    write_review_tag(h, o.review);
    h << " "_m << format_date(o.page.next_review) << ", "_m << content::review_due_words(o.review);
  });
  row("Last reviewed", [&] { h << format_date(o.page.last_reviewed); });
  row("Owner", [&] {
    if (owner)
      h << owner->name;
    else
      h << "No owner: nobody is reminded when its review is due"_m;
  });
  row("Reading age", [&] { write_reading_age(h, o.reading_age); });
  row("Published revision", [&] { h << o.published_revision; });
  row("Was it useful?",
      [&] { h << o.feedback.useful << " yes, "_m << o.feedback.not_useful << " no"_m; });
  h << "</dl>\n"_m;
}

// What the checks find in a revision (id "checks", where the error summary links):
// errors stop it being sent or approved. Its heading is an h2, or an h3 `within` a section.
void write_checks(Html& h, const std::vector<content::Finding>& findings, bool may_override,
                  bool within = false) {
  int errors = errors_in(findings);
  h << (within
            ? R"(<div class="cairn-checks" id="checks"><h3>What the checks found</h3>
)"_m
            : R"(<div class="cairn-checks" id="checks"><h2 class="nhsuk-heading-m">What the checks found</h2>
)"_m);
  if (findings.empty()) {
    h << "<p>The checks found nothing to fix.</p></div>\n"_m;
    return;
  }
  if (errors > 0) {
    h << "<p>"_m << findings_summary(findings)
      << ". It cannot be sent for review or approved until the errors are fixed"_m
      << (may_override ? ", unless you publish it over them and say why."_m : "."_m) << "</p>\n"_m;
  } else {
    h << "<p>"_m << findings_summary(findings)
      << ". Warnings do not stop it being published, but look at each one.</p>\n"_m;
  }
  write_findings(h, findings);
  h << "</div>\n"_m;
}

// Approval: now, or at a date and time (UK time); over failed checks only with a reason.
void write_approval_form(Html& h, const ContentReviewView& v, bool failed) {
  h << R"(<form method="post" action="/staff/content/publish" class="cairn-approval" novalidate>
)"_m;
  write_csrf_field(h, v.form.csrf_token);
  write_hidden(h, "path", v.page.page.path);
  write_hidden(h, "revision", std::to_string(v.revision.revision));
  if (failed) {
    write_textarea_field(h, v.form,
                         {"override_reason", "Why publish it although the checks found errors?",
                          "This reason is kept in the page's history.", v.override_reason, 3,
                          content::kMaxNoteChars});
  }
  h << R"(<button class="nhsuk-button)"_m << (failed ? " nhsuk-button--warning"_m : ""_m)
    << R"(" type="submit" name="when" value="now" data-module="nhsuk-button">)"_m
    << (failed ? "Publish over failed checks"_m : "Approve and publish"_m) << "</button>\n"_m;
  const FormError* error = field_error(v.form, "go_live_date");
  h << (error ? R"(<div class="nhsuk-form-group nhsuk-form-group--error">)"_m
              : R"(<div class="nhsuk-form-group">)"_m)
    << R"(<fieldset class="nhsuk-fieldset" aria-describedby="go-live-hint)"_m
    << (error ? " go-live-error"_m : ""_m)
    << R"("><legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Or choose when it goes live</legend>
<div class="nhsuk-hint" id="go-live-hint">UK time. Readers keep the page they have until then. For example, 2030-06-01 at 10:00.</div>
)"_m;
  if (error) {
    h << R"(<span class="nhsuk-error-message" id="go-live-error"><span class="nhsuk-u-visually-hidden">Error:</span> )"_m
      << error->message << "</span>\n"_m;
  }
  h << R"(<div class="cairn-go-live"><div class="nhsuk-form-group cairn-inline-group"><label class="nhsuk-label" for="go_live_date">Date</label><input class="nhsuk-input)"_m
    << (error ? " nhsuk-input--error"_m : ""_m)
    << R"(" id="go_live_date" name="go_live_date" type="date" value=")"_m << v.go_live_date
    << R"("></div><div class="nhsuk-form-group cairn-inline-group"><label class="nhsuk-label" for="go_live_time">Time</label><input class="nhsuk-input nhsuk-input--width-5)"_m
    << (error ? " nhsuk-input--error"_m : ""_m)
    << R"(" id="go_live_time" name="go_live_time" type="time" value=")"_m << v.go_live_time
    << R"("></div></div></fieldset></div>
<button class="nhsuk-button nhsuk-button--secondary" type="submit" name="when" value="later" data-module="nhsuk-button">)"_m
    << (failed ? "Publish over failed checks at that time"_m : "Approve to go live then"_m)
    << "</button>\n</form>\n"_m;
}

// Approve and publish, or send back with a note; an author may not approve their own work,
// and only an administrator may approve over failed checks, with a reason.
void write_review_forms(Html& h, const ContentReviewView& v) {
  const auto& path = v.page.page.path;
  const auto& n = v.revision;
  bool failed = errors_in(v.findings) > 0;
  h << R"(<h2 id="decision-heading">Your decision</h2>
)"_m;
  if (n.author_id == v.viewer_id) {
    h << R"(<p class="nhsuk-inset-text">You wrote this revision, so a second editor must approve and publish it.</p>
)"_m;
  } else if (failed && !v.viewer_may_override) {
    h << R"(<p class="nhsuk-inset-text">The checks found errors, so it cannot be approved. Send it back to its author to fix them.</p>
)"_m;
  } else {
    write_approval_form(h, v, failed);
  }
  h << R"(<form method="post" action="/staff/content/return" novalidate>
)"_m;
  write_csrf_field(h, v.form.csrf_token);
  write_hidden(h, "path", path);
  write_hidden(h, "revision", std::to_string(n.revision));
  write_textarea_field(
      h, v.form,
      {"note", "Send back with a note", "Say what needs to change. The author sees this note.",
       v.review_note, 3, content::kMaxNoteChars});
  write_submit_button(h, "Send back", ButtonStyle::secondary);
  h << "</form>\n"_m;
}

// The revision newer than the published one: who wrote it, and what can be done with it next.
void write_open_draft(Html& h, const ContentPageView& v) {
  const auto& o = v.page;
  const auto& path = o.page.path;
  const auto& n = o.newest;
  h << "<p>Revision "_m << n.revision << " "_m;
  write_state_tag(h, n.state);
  h << " by "_m << n.author << ", "_m << format_time(n.created_at) << ".</p>\n"_m;
  if (!n.note.empty())
    h << "<p>Their summary: "_m << n.note << "</p>\n"_m;
  if (n.state == store::RevisionState::returned) {
    h << R"(<div class="nhsuk-warning-callout"><h3 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>Sent back by )"_m
      << n.reviewer << "</span></h3><p>"_m << n.review_note << "</p></div>\n"_m;
  }
  h << R"(<p><a href=")"_m << compare_link(path, o.published_revision, n.revision)
    << R"(">See what changed from the published page</a></p>
)"_m;
  if (v.draft_checked)
    write_checks(h, v.draft_findings, v.viewer_may_override, true);
  bool blocked = errors_in(v.draft_findings) > 0 && !v.viewer_may_override;
  if (n.state == store::RevisionState::draft || n.state == store::RevisionState::returned) {
    if (blocked) {
      h << R"(<p class="nhsuk-inset-text">Fix the errors and save, then send it for review.</p>
)"_m;
    } else {
      write_action_form(h, v.form, "submit", path, n.revision, "Send for review");
    }
  } else if (n.state == store::RevisionState::in_review) {
    if (n.author_id == v.viewer_id) {
      h << R"(<p class="nhsuk-inset-text">You wrote this revision, so a second editor must approve and publish it.</p>
)"_m;
    }
    h << R"(<a class="nhsuk-button" href=")"_m << review_link(path, n.revision)
      << R"(">Review revision )"_m << n.revision << "</a>\n"_m;
  }
}

// A revision approved to go live later: when, who approved it, and a way to stop it.
void write_scheduled(Html& h, const ContentPageView& v) {
  const auto& r = *v.scheduled;
  h << R"(<div class="nhsuk-inset-text cairn-scheduled"><p>Revision )"_m << r.revision << " "_m;
  write_state_tag(h, r.state);
  h << " goes live on "_m << format_uk_time(r.go_live_at) << ". Approved by "_m << r.reviewer
    << ".</p>\n"_m;
  h << R"(<form method="post" action="/staff/content/unschedule" novalidate>
)"_m;
  write_csrf_field(h, v.form.csrf_token);
  write_hidden(h, "path", v.page.page.path);
  write_hidden(h, "revision", std::to_string(r.revision));
  write_submit_button(h, "Stop it going live", ButtonStyle::secondary);
  h << "</form></div>\n"_m;
}

void write_changes(Html& h, const ContentPageView& v) {
  const auto& o = v.page;
  h << R"(<h2>Changes</h2>
)"_m;
  if (v.scheduled)
    write_scheduled(h, v);
  if (o.has_open_draft()) {
    write_open_draft(h, v);
  } else {
    h << "<p>No changes are waiting. Readers see revision "_m << o.published_revision
      << ".</p>\n"_m;
  }
  h << R"(<a class="nhsuk-button" href=")"_m << page_link("edit", o.page.path)
    << R"(">Edit this page</a>
)"_m;
}

// Who looks after the page: they get the weekly email when its review is coming due.
void write_owner_form(Html& h, const ContentPageView& v) {
  h << R"(<h2 id="owner-heading">Owner</h2>
<p>The owner gets an email on Monday mornings while the page's review is overdue or due within )"_m
    << content::kReviewSoonDays << R"( days.</p>
<form method="post" action="/staff/content/owner" class="cairn-compare-form" novalidate>
)"_m;
  write_csrf_field(h, v.form.csrf_token);
  write_hidden(h, "path", v.page.page.path);
  h << R"(<div class="nhsuk-form-group cairn-inline-group"><label class="nhsuk-label" for="owner">Who looks after this page</label><select class="nhsuk-select" id="owner" name="owner"><option value="0">Nobody</option>)"_m;
  for (const auto& o : v.possible_owners) {
    h << R"(<option value=")"_m << std::to_string(o.id) << "\""_m
      << (v.owner && v.owner->id == o.id ? " selected"_m : ""_m) << ">"_m << o.name
      << "</option>"_m;
  }
  h << "</select></div>\n"_m;
  write_submit_button(h, "Save owner", ButtonStyle::secondary);
  h << "</form>\n"_m;
}

void write_revision_row(Html& h, const std::string& path, int published_revision,
                        const store::PageRevision& r) {
  h << R"(<tr class="nhsuk-table__row">)"_m;
  cell(h, "Revision");
  h << r.revision;
  if (r.revision == published_revision)
    h << R"( <span class="nhsuk-body-s">(live)</span>)"_m;
  h << "</div></td>"_m;
  cell(h, "State");
  write_state_tag(h, r.state);
  h << "</div></td>"_m;
  cell(h, "Who and when");
  h << r.author << "<br>"_m << format_time(r.created_at);
  if (!r.reviewer.empty()) {
    bool approved =
        r.state == store::RevisionState::published || r.state == store::RevisionState::scheduled;
    h << R"(<br><span class="nhsuk-body-s">)"_m << (approved ? "Approved by "_m : "Sent back by "_m)
      << r.reviewer << ", "_m << format_time(r.reviewed_at);
    if (!r.go_live_at.empty()) {
      h << (r.state == store::RevisionState::scheduled ? "; goes live on "_m : "; went live on "_m)
        << format_uk_time(r.go_live_at);
    }
    h << "</span>"_m;
  }
  h << "</div></td>"_m;
  cell(h, "Summary");
  h << r.note;
  if (r.state == store::RevisionState::returned && !r.review_note.empty())
    h << R"(<p class="nhsuk-body-s">Why it was sent back: )"_m << r.review_note << "</p>"_m;
  if (!r.override_reason.empty()) {
    h << R"(<p class="cairn-override"><strong>Published over failed checks</strong> by )"_m
      << r.reviewer << ": "_m << r.override_reason << "</p>"_m;
  }
  if (!r.checks.empty()) {
    auto findings = content::findings_from_json(r.checks);
    if (findings.empty()) {
      h << R"(<p class="nhsuk-body-s">Checks: no problems.</p>)"_m;
    } else {
      h << R"(<details class="nhsuk-details cairn-recorded-checks"><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Checks: )"_m
        << findings_summary(findings) << R"(</span></summary><div class="nhsuk-details__text">)"_m;
      write_findings(h, findings);
      h << "</div></details>"_m;
    }
  }
  if (r.revision > 1) {
    h << R"( <a class="nhsuk-body-s" href=")"_m << compare_link(path, r.revision - 1, r.revision)
      << R"(">Compare with revision )"_m << (r.revision - 1) << "</a>"_m;
  }
  h << "</div></td></tr>\n"_m;
}

void write_revisions(Html& h, const ContentPageView& v) {
  const auto& o = v.page;
  const auto& path = o.page.path;
  h << R"(<h2>Revisions</h2>
)"_m;
  if (v.history.size() > 1) {
    // The live page against the open draft or, with none open, against the revision before it.
    write_compare_form(h, path, v.history, o.published_revision,
                       o.newest.revision == o.published_revision
                           ? v.history[v.history.size() - 2].revision
                           : o.newest.revision);
  }
  open_table(h, "Every revision, newest first", {"Revision", "State", "Who and when", "Summary"});
  for (auto it = v.history.rbegin(); it != v.history.rend(); ++it)
    write_revision_row(h, path, o.published_revision, *it);
  h << "</tbody></table>\n"_m;
}

void write_feedback_comments(Html& h, const std::vector<store::FeedbackRecord>& comments) {
  h << R"(<h2>Feedback</h2>
)"_m;
  if (comments.empty()) {
    h << "<p>No comments yet.</p>\n"_m;
    return;
  }
  h << R"(<ul class="nhsuk-list cairn-feedback-comments">)"_m;
  for (const auto& c : comments) {
    h << "<li><p><strong>"_m << (c.useful ? "Useful"_m : "Not useful"_m) << "</strong>, "_m
      << format_date(c.created_on) << "</p><p>"_m << c.comment << "</p></li>"_m;
  }
  h << "</ul>\n"_m;
}

}  // namespace

SafeHtml render_content_page(const Chrome& chrome, const ContentPageView& v) {
  Html h;
  write_form_error_summary(h, v.form);
  if (!v.message.empty()) {
    h << R"(<div class="nhsuk-inset-text cairn-message" role="status"><p>)"_m << v.message
      << "</p></div>\n"_m;
  }
  h << "<h1>"_m << v.page.page.title << "</h1>\n"_m;
  write_page_summary(h, v.page, v.owner);
  write_changes(h, v);
  write_owner_form(h, v);
  write_revisions(h, v);
  write_feedback_comments(h, v.comments);
  return staff_page(chrome, form_page_title(v.form, v.page.page.title), h.take(), crumbs_to_list());
}

SafeHtml render_content_review(const Chrome& chrome, const ContentReviewView& v) {
  const auto& n = v.revision;
  Html h;
  write_form_error_summary(h, v.form);
  h << "<h1>Review: "_m << v.page.page.title << "</h1>\n"_m;
  h << "<p>Revision "_m << n.revision << " "_m;
  write_state_tag(h, n.state);
  h << " by "_m << n.author << ", "_m << format_time(n.created_at) << ".</p>\n"_m;
  if (!n.note.empty())
    h << "<p>Their summary: "_m << n.note << "</p>\n"_m;
  write_checks(h, v.findings, v.viewer_may_override);
  if (n.state == store::RevisionState::in_review)
    h << R"(<p><a href="#decision-heading">Go to your decision</a></p>)"_m;
  h << R"(
<div class="cairn-side-by-side">
<section class="cairn-side-by-side__part" aria-labelledby="changes-heading"><h2 id="changes-heading">What changed from the live page</h2>
<p>Revision )"_m
    << v.page.published_revision << " is live. "_m
    << R"(<a href=")"_m << compare_link(v.page.page.path, v.page.published_revision, n.revision)
    << R"(">Compare other revisions</a></p>
)"_m;
  if (v.hunks.empty())
    h << "<p>The text is the same as the live page.</p>\n"_m;
  else
    write_diff(h, v.hunks);
  h << R"(</section>
<section class="cairn-side-by-side__part cairn-preview" aria-labelledby="preview-heading"><h2 id="preview-heading">Preview</h2>
<div class="cairn-preview__page" tabindex="0">)"_m
    << v.preview << "</div></section>\n</div>\n"_m;
  if (n.state == store::RevisionState::in_review) {
    write_review_forms(h, v);
  } else {
    h << R"(<p class="nhsuk-inset-text">This revision is not waiting for review: it is )"_m
      << to_lower_ascii(content::state_title(n.state)) << ".</p>\n"_m;
  }
  h << R"(<p><a href=")"_m << page_link("page", v.page.page.path)
    << R"(">Back to the page's revisions</a></p>
)"_m;
  return staff_page(chrome, form_page_title(v.form, "Review: " + v.page.page.title), h.take(),
                    crumbs_to_list());
}

SafeHtml render_content_edit(const Chrome& chrome, const ContentEditView& v) {
  Html h;
  write_form_error_summary(h, v.form);
  if (!v.notice.empty()) {
    h << R"(<div class="nhsuk-inset-text cairn-message" role="status"><p>)"_m << v.notice
      << "</p></div>\n"_m;
  }
  h << "<h1>Edit: "_m << v.title << "</h1>\n"_m;
  h << R"(<p>Write the page in Markdown below its front matter (the lines between the two <code>---</code> lines). Saving keeps a new revision: nothing you save is lost. Readers see nothing until a second editor approves it.</p>
<div class="cairn-side-by-side cairn-editor">
<div class="cairn-side-by-side__part">
<form method="post" action="/staff/content/edit" novalidate>
)"_m;
  write_csrf_field(h, v.form.csrf_token);
  write_hidden(h, "path", v.path);
  write_hidden(h, "base", std::to_string(v.base_revision));
  {
    const FormError* error = field_error(v.form, "source");
    h << (error ? R"(<div class="nhsuk-form-group nhsuk-form-group--error">)"_m
                : R"(<div class="nhsuk-form-group">)"_m)
      << R"(<label class="nhsuk-label" for="source">Page source</label>
<div class="nhsuk-hint" id="source-hint">Front matter, then the page in Markdown. Choose Preview to see it as readers will.</div>
)"_m;
    if (error) {
      h << R"(<span class="nhsuk-error-message" id="source-error"><span class="nhsuk-u-visually-hidden">Error:</span> )"_m
        << error->message << "</span>\n"_m;
    }
    h << (error
              ? R"(<textarea class="nhsuk-textarea nhsuk-textarea--error cairn-source" aria-describedby="source-hint source-error")"_m
              : R"(<textarea class="nhsuk-textarea cairn-source" aria-describedby="source-hint")"_m)
      << R"( id="source" name="source" rows="24" spellcheck="true">)"_m << v.source
      << "</textarea></div>\n"_m;
  }
  write_input_field(h, v.form,
                    {"note", "Summary of your change", "text", "off",
                     "For example: updated the treatment section with the new guideline.", v.note});
  h << R"(<div class="cairn-button-row">
<button class="nhsuk-button" type="submit" name="action" value="save" data-module="nhsuk-button">Save draft</button>
<button class="nhsuk-button nhsuk-button--secondary" type="submit" name="action" value="preview" data-module="nhsuk-button">Preview</button>
</div>
</form>
<p><a href=")"_m
    << page_link("page", v.path) << R"(">Back to the page's revisions</a></p>
</div>
<section class="cairn-side-by-side__part cairn-preview" aria-labelledby="preview-heading"><h2 id="preview-heading">Preview</h2>
)"_m;
  if (v.previewing) {
    h << R"(<p class="nhsuk-body-s">The text as it was when the page was last shown. Choose Preview again after a change.</p>
)"_m;
    if (v.findings.empty()) {
      h << "<p>The checks found nothing to fix.</p>\n"_m;
    } else {
      h << "<h3>What the checks found</h3>\n<p>"_m << findings_summary(v.findings)
        << (errors_in(v.findings) > 0
                ? ". Fix the errors before you send it for review."_m
                : ". Warnings do not stop it being published, but look at each one."_m)
        << "</p>\n"_m;
      write_findings(h, v.findings);
    }
    h << R"(<div class="cairn-preview__page" tabindex="0">)"_m << v.preview << "</div>\n"_m;
  } else {
    h << "<p>Fix the problems in the page source, then choose Preview.</p>\n"_m;
  }
  h << "</section>\n</div>\n"_m;
  return staff_page(chrome, form_page_title(v.form, "Edit: " + v.title), h.take(),
                    crumbs_to_list());
}

SafeHtml render_content_compare(const Chrome& chrome, const ContentCompareView& v) {
  Html h;
  h << "<h1>Changes to "_m << v.title << "</h1>\n"_m;
  h << "<p>From revision "_m << v.from.revision << " ("_m << v.from.author << ", "_m
    << format_time(v.from.created_at) << ") to revision "_m << v.to.revision << " ("_m
    << v.to.author << ", "_m << format_time(v.to.created_at) << ").</p>\n"_m;
  write_compare_form(h, v.path, v.history, v.from.revision, v.to.revision);
  if (v.hunks.empty()) {
    h << "<p>These revisions are the same.</p>\n"_m;
  } else {
    write_diff(h, v.hunks);
  }
  h << R"(<p><a href=")"_m << page_link("page", v.path) << R"(">Back to the page's revisions</a></p>
)"_m;
  return staff_page(chrome, "Changes to " + v.title, h.take(), crumbs_to_list());
}

}  // namespace cairn::views
