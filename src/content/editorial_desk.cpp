#include "content/editorial_desk.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "content/finding_json.hpp"
#include "content/page_source.hpp"
#include "content/readability.hpp"
#include "core/code_points.hpp"
#include "core/iso_time.hpp"
#include "core/text.hpp"

namespace cairn::content {

namespace {

std::chrono::sys_days day_of(std::string_view iso) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (iso.size() == 10) {
    std::from_chars(iso.data(), iso.data() + 4, y);
    std::from_chars(iso.data() + 5, iso.data() + 7, m);
    std::from_chars(iso.data() + 8, iso.data() + 10, d);
  }
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

Status editors_only(const accounts::Account& account) {
  if (may_edit_pages(account))
    return Ok{};
  return make_error(Errc::forbidden, "These pages are for the charity's editors.");
}

std::size_t char_count(std::string_view text) {
  auto points = decode_utf8(text);
  return points ? points->size() : text.size();
}

int error_count(const std::vector<Finding>& findings) {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [](const Finding& f) { return f.level == Level::error; }));
}

// The refusal of a revision the checks found errors in: what to do, then each error by line.
Error failed_checks(const std::vector<Finding>& findings, std::string what_to_do) {
  Error e = make_error(Errc::unprocessable, what_to_do);
  e.problems.push_back(make_error(Errc::unprocessable, std::move(what_to_do), "checks"));
  for (const auto& f : findings) {
    if (f.level == Level::error) {
      e.problems.push_back(make_error(
          Errc::unprocessable, "Line " + std::to_string(f.line) + ": " + f.message, "checks"));
    }
  }
  return e;
}

std::string errors_found(int errors) {
  return "The checks found " + std::to_string(errors) + (errors == 1 ? " error" : " errors");
}

}  // namespace

Result<Page> stored_page(const store::PageRevision& revision) {
  auto json = nlohmann::json::parse(revision.content, nullptr, false);
  if (json.is_discarded()) {
    return make_error(Errc::internal, "stored page " + revision.path + " is not valid JSON");
  }
  return page_from_json(json);
}

bool may_edit_pages(const accounts::Account& account) {
  return !account.suspended &&
         (account.role == accounts::Role::editor || account.role == accounts::Role::admin);
}

bool may_override_checks(const accounts::Account& account) {
  return !account.suspended && account.role == accounts::Role::admin;
}

ReviewDue review_due(const Page& page, std::string_view today) {
  int days = static_cast<int>((day_of(page.next_review) - day_of(today)).count());
  ReviewDue due{ReviewStatus::current, days};
  if (days < 0)
    due.status = ReviewStatus::overdue;
  else if (days <= kReviewSoonDays)
    due.status = ReviewStatus::due_soon;
  return due;
}

std::string review_due_words(const ReviewDue& due) {
  auto days = [](int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); };
  if (due.days < 0)
    return days(-due.days) + " overdue";
  if (due.days == 0)
    return "due today";
  return "due in " + days(due.days);
}

std::string_view state_title(store::RevisionState state) {
  switch (state) {
    case store::RevisionState::draft:
      return "Draft";
    case store::RevisionState::in_review:
      return "In review";
    case store::RevisionState::returned:
      return "Sent back";
    case store::RevisionState::scheduled:
      return "Scheduled";
    case store::RevisionState::published:
      return "Published";
  }
  return "Published";
}

EditorialDesk::EditorialDesk(store::PageStore& pages, store::FeedbackStore& feedback,
                             const Clock& clock, DeskChecks checks)
    : pages_(pages), feedback_(feedback), clock_(clock), checks_(std::move(checks)) {
  checks_.options.review_dates_as_warnings = true;
}

std::string EditorialDesk::today() const {
  return iso_date(clock_.now());
}

std::vector<Finding> EditorialDesk::check(const Page& page, std::string_view source) const {
  CheckOptions options = checks_.options;
  options.today = today();
  // The page among the others as readers have them, so links both ways are checked.
  std::vector<Page> site;
  for (const auto& published : pages_.published_pages()) {
    if (published.path == page.path)
      continue;
    if (auto other = stored_page(published))
      site.push_back(std::move(other.value()));
  }
  site.push_back(page);
  std::map<std::string, std::string, std::less<>> texts{{page.file, std::string(source)}};
  std::vector<Finding> found;
  auto add = [&](std::vector<Finding> more) {
    for (auto& f : more) {
      if (f.file == page.file && f.level != Level::info)
        found.push_back(std::move(f));
    }
  };
  add(check_review_dates(page, source, options));
  add(check_sources(page, source));
  add(check_reading_level(page, options));
  add(check_jargon(page, checks_.base.jargon, options.max_unexplained_terms));
  add(check_links(site, checks_.base.glossary, texts, options));
  std::stable_sort(found.begin(), found.end(),
                   [](const Finding& a, const Finding& b) { return a.line < b.line; });
  return found;
}

Result<CheckedRevision> EditorialDesk::check_revision(const std::string& path, int revision) const {
  auto stored = pages_.revision(path, revision);
  if (!stored)
    return make_error(Errc::not_found, "There is no revision " + std::to_string(revision) + ".");
  auto page = stored_page(*stored);
  if (!page)
    return page.error();
  CheckedRevision checked;
  checked.source = page_source(*page);
  // Read back from its source, so every finding's line is a line of that source.
  auto read = read_source(path, checked.source);
  if (!read)
    return read.error();
  checked.findings = check(*read, checked.source);
  checked.errors = error_count(checked.findings);
  checked.page = std::move(read.value());
  checked.revision = std::move(*stored);
  return checked;
}

std::vector<PageOverview> EditorialDesk::overview(std::string_view today) const {
  std::map<std::string, store::PageRevision> newest;
  for (auto& r : pages_.latest_revisions()) {
    r.content.clear();
    newest[r.path] = std::move(r);
  }
  auto counts = feedback_.counts();
  std::vector<PageOverview> out;
  for (const auto& published : pages_.published_pages()) {
    auto page = stored_page(published);
    if (!page)
      continue;  // reported where the site renders it
    PageOverview o;
    o.published_revision = published.revision;
    o.review = review_due(*page, today);
    o.reading_age = measure_page(*page).page.reading_age();
    if (auto it = newest.find(published.path); it != newest.end())
      o.newest = it->second;
    if (auto it = counts.find(published.path); it != counts.end())
      o.feedback = it->second;
    o.page = std::move(page.value());
    out.push_back(std::move(o));
  }
  std::stable_sort(out.begin(), out.end(), [](const PageOverview& a, const PageOverview& b) {
    return std::tie(a.review.status, a.page.next_review, a.page.path) <
           std::tie(b.review.status, b.page.next_review, b.page.path);
  });
  return out;
}

Result<Page> EditorialDesk::published_page(const std::string& path, int* revision) const {
  auto published = pages_.published_page(path);
  if (!published)
    return make_error(Errc::not_found, "There is no page at " + path + ".");
  if (revision)
    *revision = published->revision;
  return stored_page(*published);
}

Result<PageOverview> EditorialDesk::page(const std::string& path, std::string_view today) const {
  PageOverview o;
  auto page = published_page(path, &o.published_revision);
  if (!page)
    return page.error();
  o.review = review_due(*page, today);
  o.reading_age = measure_page(*page).page.reading_age();
  auto history = pages_.revisions(path);
  if (!history.empty()) {
    o.newest = history.back();
    o.newest.content.clear();
  }
  auto counts = feedback_.counts();
  if (auto it = counts.find(path); it != counts.end())
    o.feedback = it->second;
  o.page = std::move(page.value());
  return o;
}

std::vector<store::PageRevision> EditorialDesk::history(const std::string& path) const {
  return pages_.revisions(path);
}

Result<store::PageRevision> EditorialDesk::revision(const std::string& path, int revision) const {
  auto r = pages_.revision(path, revision);
  if (!r)
    return make_error(Errc::not_found, "There is no revision " + std::to_string(revision) + ".");
  return *r;
}

Result<std::string> EditorialDesk::revision_source(const std::string& path, int revision) const {
  auto r = pages_.revision(path, revision);
  if (!r)
    return make_error(Errc::not_found, "There is no revision " + std::to_string(revision) + ".");
  auto page = stored_page(*r);
  if (!page)
    return page.error();
  return page_source(*page);
}

Result<WorkingCopy> EditorialDesk::working_copy(const std::string& path) const {
  WorkingCopy copy;
  auto published = published_page(path, &copy.published_revision);
  if (!published)
    return published.error();
  auto history = pages_.revisions(path);
  if (history.empty())
    return make_error(Errc::not_found, "There is no page at " + path + ".");
  auto page = stored_page(history.back());
  if (!page)
    return page.error();
  copy.revision = history.back();
  copy.revision.content.clear();
  copy.source = page_source(*page);
  copy.page = std::move(page.value());
  return copy;
}

Result<Page> EditorialDesk::read_source(const std::string& path, std::string_view source) const {
  auto published = published_page(path);
  if (!published)
    return published.error();
  FormProblems problems;
  if (source.size() > kMaxSourceBytes) {
    problems.add("source", "The page is too long: keep it under " +
                               std::to_string(kMaxSourceBytes / 1000) + " KB.");
    return problems.error();
  }
  if (!is_valid_utf8(source)) {
    problems.add("source", "The page has characters that are not valid text (UTF-8).");
    return problems.error();
  }
  auto page = parse_page(source, published->file, path);
  if (!page) {
    // "content/pages/x.md:4: problem" lines; the editor sees them against the text box.
    for (const auto& line : split(page.error().message, '\n')) {
      std::string message(trim(line));
      if (message.empty())
        continue;
      if (message.starts_with(published->file + ":")) {
        message = "Line " + message.substr(published->file.size() + 1);
      }
      problems.add("source", message);
    }
    if (problems.empty())
      problems.add("source", page.error().message);
    return problems.error();
  }
  return std::move(page.value());
}

Result<SavedDraft> EditorialDesk::save_draft(const accounts::Account& editor,
                                             const std::string& path, std::string_view source,
                                             std::string_view note, int base_revision) {
  if (auto allowed = editors_only(editor); !allowed)
    return allowed.error();
  auto page = read_source(path, source);
  if (!page)
    return page.error();
  std::string summary(trim(note));
  if (char_count(summary) > kMaxNoteChars || !is_valid_utf8(summary)) {
    FormProblems problems;
    problems.add("note", "Keep the summary of your change under " + std::to_string(kMaxNoteChars) +
                             " characters.");
    return problems.error();
  }
  std::string content = page_to_json(page.value()).dump();
  auto history = pages_.revisions(path);
  SavedDraft saved;
  if (!history.empty()) {
    const auto& newest = history.back();
    if (newest.revision != base_revision) {
      saved.overtaken_by = newest.revision;
      saved.overtaken_author = newest.author;
    }
    // Compared as source text: where the body starts in the file is not a change.
    auto newest_page = stored_page(newest);
    if (newest_page && page_source(*newest_page) == page_source(page.value())) {
      saved.revision = newest.revision;
      saved.unchanged = true;
      return saved;
    }
  }
  auto added = pages_.add_draft({path, content, editor.display_name, editor.id, summary});
  saved.revision = added.revision;
  return saved;
}

Status EditorialDesk::submit(const accounts::Account& editor, const std::string& path,
                             int revision) {
  if (auto allowed = editors_only(editor); !allowed)
    return allowed;
  auto checked = check_revision(path, revision);
  if (!checked)
    return checked.error();
  if (checked->errors > 0 && !may_override_checks(editor)) {
    return failed_checks(checked->findings,
                         errors_found(checked->errors) +
                             ": fix them and save, then send it for review. An administrator "
                             "can publish over failed checks, saying why.");
  }
  store::ReviewMark mark;
  mark.checks = findings_to_json(checked->findings);
  if (pages_.move_state(path, revision, store::RevisionState::draft,
                        store::RevisionState::in_review, mark) ||
      pages_.move_state(path, revision, store::RevisionState::returned,
                        store::RevisionState::in_review, mark)) {
    return Ok{};
  }
  return make_error(Errc::conflict,
                    "Only the newest draft can be sent for review. Someone may have saved a newer "
                    "one: check the revisions below.");
}

Result<store::ReviewMark> EditorialDesk::approval(const accounts::Account& editor,
                                                  const std::string& path, int revision,
                                                  std::string_view override_reason) const {
  if (auto allowed = editors_only(editor); !allowed)
    return allowed.error();
  auto checked = check_revision(path, revision);
  if (!checked)
    return checked.error();
  const auto* r = &checked->revision;
  if (r->state != store::RevisionState::in_review) {
    return make_error(Errc::conflict, "Only a revision in review can be published.");
  }
  if (r->author_id == editor.id) {
    return make_error(Errc::forbidden,
                      "You wrote this revision, so a second editor must approve and publish it.");
  }
  store::ReviewMark mark{editor.display_name, "", findings_to_json(checked->findings), ""};
  if (checked->errors > 0) {
    if (!may_override_checks(editor)) {
      return failed_checks(checked->findings,
                           errors_found(checked->errors) +
                               ": send it back to its author to fix them. Only an administrator "
                               "can publish over failed checks, saying why.");
    }
    std::string why(trim(override_reason));
    if (why.empty() || char_count(why) > kMaxNoteChars || !is_valid_utf8(why)) {
      Error e = failed_checks(checked->findings,
                              errors_found(checked->errors) + ": to publish it anyway, say why.");
      e.problems.insert(
          e.problems.begin() + 1,
          make_error(Errc::unprocessable,
                     why.empty() ? "Say why this page should be published although the checks "
                                   "found errors."
                                 : "Keep the reason under " + std::to_string(kMaxNoteChars) +
                                       " characters.",
                     "override_reason"));
      return e;
    }
    mark.override_reason = std::move(why);
  }
  return mark;
}

Status EditorialDesk::publish(const accounts::Account& editor, const std::string& path,
                              int revision, std::string_view override_reason) {
  auto mark = approval(editor, path, revision, override_reason);
  if (!mark)
    return mark.error();
  if (!pages_.publish(path, revision, *mark)) {
    return make_error(Errc::conflict,
                      "This revision changed while you were looking at it. Check the newest one.");
  }
  return Ok{};
}

Status EditorialDesk::schedule(const accounts::Account& editor, const std::string& path,
                               int revision, std::chrono::system_clock::time_point go_live,
                               std::string_view override_reason) {
  auto now = clock_.now();
  if (go_live <= now) {
    return make_error(Errc::invalid_input, "Choose a date and time that is still to come.",
                      "go_live_date");
  }
  if (go_live > now + std::chrono::days(kMaxScheduleDays)) {
    return make_error(Errc::invalid_input,
                      "Choose a date within " + std::to_string(kMaxScheduleDays / 365) + " years.",
                      "go_live_date");
  }
  auto mark = approval(editor, path, revision, override_reason);
  if (!mark)
    return mark.error();
  if (!pages_.schedule(path, revision, iso_date_time(go_live), *mark)) {
    return make_error(Errc::conflict,
                      "This revision changed while you were looking at it. Check the newest one.");
  }
  return Ok{};
}

Status EditorialDesk::cancel_schedule(const accounts::Account& editor, const std::string& path,
                                      int revision) {
  if (auto allowed = editors_only(editor); !allowed)
    return allowed;
  if (!pages_.unschedule(path, revision)) {
    return make_error(Errc::conflict,
                      "That revision is not waiting to go live: it may have gone live already.");
  }
  return Ok{};
}

std::vector<store::PageRevision> EditorialDesk::publish_due() {
  auto live = pages_.publish_due(iso_date_time(clock_.now()));
  for (auto& r : live) r.content.clear();
  return live;
}

Result<Ok> EditorialDesk::send_back(const accounts::Account& editor, const std::string& path,
                                    int revision, std::string_view note) {
  if (auto allowed = editors_only(editor); !allowed)
    return allowed.error();
  std::string why(trim(note));
  FormProblems problems;
  if (why.empty())
    problems.add("note", "Say what needs to change before it can be published.");
  else if (char_count(why) > kMaxNoteChars || !is_valid_utf8(why))
    problems.add("note", "Keep the note under " + std::to_string(kMaxNoteChars) + " characters.");
  if (!problems.empty())
    return problems.error();
  if (!pages_.move_state(path, revision, store::RevisionState::in_review,
                         store::RevisionState::returned, {editor.display_name, why})) {
    return make_error(Errc::conflict, "Only the newest revision in review can be sent back.");
  }
  return Ok{};
}

std::vector<store::FeedbackRecord> EditorialDesk::feedback_comments(const std::string& path,
                                                                    int limit) const {
  return feedback_.comments(path, limit);
}

}  // namespace cairn::content
