// The editors' workflow for information pages: every page with its review
// status, reading age and feedback; drafts edited as page source; a draft
// submitted for review is published only when a second editor approves it.
// Every save is a new revision, so nothing an editor writes is ever lost.
// The content checks are the gate: a revision they find errors in is neither
// sent for review nor approved, except by an administrator who says why.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.hpp"
#include "content/content_checks.hpp"
#include "content/page.hpp"
#include "core/clock.hpp"
#include "core/form_problems.hpp"
#include "core/result.hpp"
#include "store/feedback_store.hpp"
#include "store/page_store.hpp"

namespace cairn::content {

inline constexpr std::size_t kMaxSourceBytes = 200'000;
inline constexpr std::size_t kMaxNoteChars = 500;
inline constexpr int kReviewSoonDays = 60;
inline constexpr int kMaxScheduleDays = 2 * 365;  // how far ahead a revision may be set to go live

// The page a stored revision holds.
Result<Page> stored_page(const store::PageRevision& revision);

// Editors and administrators may edit, review and publish pages.
bool may_edit_pages(const accounts::Account& account);
// Only administrators may publish over failed checks (with a reason).
bool may_override_checks(const accounts::Account& account);

enum class ReviewStatus { overdue, due_soon, current };

struct ReviewDue {
  ReviewStatus status = ReviewStatus::current;
  int days = 0;  // from today to next_review: negative when overdue
};

// How far a page is from its next review on `today` (YYYY-MM-DD).
ReviewDue review_due(const Page& page, std::string_view today);
// "3 days overdue", "due today", "due in 1 day"
std::string review_due_words(const ReviewDue& due);

struct PageOverview {
  Page page;  // as published
  int published_revision = 0;
  store::PageRevision newest;  // without its content; newer than published when a draft is open
  ReviewDue review;
  double reading_age = 0;
  store::FeedbackCounts feedback;

  bool has_open_draft() const { return newest.revision > published_revision; }
};

struct WorkingCopy {
  Page page;
  std::string source;            // page_source(page)
  store::PageRevision revision;  // the revision it came from (the newest)
  int published_revision = 0;
};

struct SavedDraft {
  int revision = 0;
  bool unchanged = false;  // the text matched the newest revision: nothing was added
  // Someone saved revision `overtaken_by` after the one this edit started from.
  int overtaken_by = 0;
  std::string overtaken_author;
};

// What the gate checks drafts with: the glossary and jargon of the content
// folder (the other pages come from the store, as published), the addresses
// the app serves and the limits. Overdue reviews are warnings here: the page
// list tracks them, and a small fix to an overdue page must not wait for its review.
struct DeskChecks {
  CheckInput base;
  CheckOptions options;
};

// A revision with what the checks find in it today.
struct CheckedRevision {
  store::PageRevision revision;
  Page page;
  std::string source;
  std::vector<Finding> findings;  // errors and warnings, by line
  int errors = 0;
};

class EditorialDesk {
 public:
  EditorialDesk(store::PageStore& pages, store::FeedbackStore& feedback, const Clock& clock,
                DeskChecks checks = {});

  // Overdue first, then due soon, then the rest; each group by next review date.
  std::vector<PageOverview> overview(std::string_view today) const;
  Result<PageOverview> page(const std::string& path, std::string_view today) const;
  // Oldest first.
  std::vector<store::PageRevision> history(const std::string& path) const;
  Result<store::PageRevision> revision(const std::string& path, int revision) const;
  // A revision as the page source an editor reads and the checks count lines in.
  Result<std::string> revision_source(const std::string& path, int revision) const;
  // The newest revision of a page as source text, to edit.
  Result<WorkingCopy> working_copy(const std::string& path) const;
  // The page an edited source describes, or every problem as "line N: ..." field problems.
  Result<Page> read_source(const std::string& path, std::string_view source) const;

  // The errors and warnings `cairn check --review-dates-as-warnings` reports for `page`
  // (its source gives front matter lines) among the rest of the site as published.
  std::vector<Finding> check(const Page& page, std::string_view source) const;
  Result<CheckedRevision> check_revision(const std::string& path, int revision) const;

  Result<SavedDraft> save_draft(const accounts::Account& editor, const std::string& path,
                                std::string_view source, std::string_view note, int base_revision);
  // The newest revision, a draft or sent back, goes to review with what the checks found.
  // Errors refuse it (unprocessable, one problem per error, field "checks"), unless an
  // administrator sends it: they may then publish it over the errors, with a reason.
  Status submit(const accounts::Account& editor, const std::string& path, int revision);
  // A second editor (not the revision's author) publishes a revision in review. Errors
  // in the checks refuse it, unless an administrator gives `override_reason` (kept in
  // the page's history; problem field "override_reason" when it is missing).
  Status publish(const accounts::Account& editor, const std::string& path, int revision,
                 std::string_view override_reason = {});
  // As publish, but it goes live at `go_live` (still to come, within kMaxScheduleDays;
  // problem field "go_live_date" otherwise); readers keep the published page until then.
  Status schedule(const accounts::Account& editor, const std::string& path, int revision,
                  std::chrono::system_clock::time_point go_live,
                  std::string_view override_reason = {});
  // A scheduled revision goes back to review, to be approved again.
  Status cancel_schedule(const accounts::Account& editor, const std::string& path, int revision);
  // Scheduled revisions whose time has come go live (the change feed tells every node);
  // those that did, without their contents.
  std::vector<store::PageRevision> publish_due();
  // A revision in review goes back to its author, with a note saying why.
  Result<Ok> send_back(const accounts::Account& editor, const std::string& path, int revision,
                       std::string_view note);

  std::vector<store::FeedbackRecord> feedback_comments(const std::string& path, int limit) const;

 private:
  Result<Page> published_page(const std::string& path, int* revision = nullptr) const;
  std::string today() const;
  // What approving `revision` records, or why `editor` may not approve it.
  Result<store::ReviewMark> approval(const accounts::Account& editor, const std::string& path,
                                     int revision, std::string_view override_reason) const;

  store::PageStore& pages_;
  store::FeedbackStore& feedback_;
  const Clock& clock_;
  DeskChecks checks_;
};

// "Draft", "In review", "Sent back", "Scheduled", "Published".
std::string_view state_title(store::RevisionState state);

}  // namespace cairn::content
