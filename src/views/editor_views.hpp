// The editors' pages under /staff/content: every page with its review status,
// reading age, feedback and open changes; one page with its revisions and the
// review actions; the edit form with preview and checks; and the comparison
// of two revisions.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content/content_checks.hpp"
#include "content/editorial_desk.hpp"
#include "content/line_diff.hpp"
#include "content/review_reminders.hpp"
#include "core/safe_html.hpp"
#include "views/components.hpp"
#include "views/layout.hpp"

namespace cairn::views {

inline constexpr double kReadingAgeTarget = 12;

// `owners`: who looks after each page, by path.
SafeHtml render_content_list(const Chrome& chrome, const std::vector<content::PageOverview>& pages,
                             const std::map<std::string, content::PageOwner>& owners = {});

// An editor's pages due for review, for their account page: overdue first, then due soon.
SafeHtml render_due_reviews(const std::vector<content::DuePage>& pages);

struct ContentPageView {
  FormState form;  // for the review forms (the note of "send back")
  content::PageOverview page;
  std::vector<store::PageRevision> history;  // oldest first; contents not needed
  std::vector<store::FeedbackRecord> comments;
  std::optional<content::PageOwner> owner;          // who looks after the page
  std::vector<content::PageOwner> possible_owners;  // for the form that changes it
  std::int64_t viewer_id = 0;                       // the signed-in editor
  bool viewer_may_override = false;  // an administrator: may publish over failed checks
  // What the checks find in the open draft today (when there is one and it could be read).
  bool draft_checked = false;
  std::vector<content::Finding> draft_findings;
  std::string message;  // what just happened ("Revision 8 saved as a draft.")
  std::optional<store::PageRevision> scheduled;  // approved, waiting for its time to go live
};

SafeHtml render_content_page(const Chrome& chrome, const ContentPageView& view);

// The reviewer's screen for one revision in review: what the checks find, the change
// against the live page beside the revision as readers would see it, and the decision.
struct ContentReviewView {
  FormState form;
  content::PageOverview page;
  store::PageRevision revision;  // contents not needed
  std::vector<content::Finding> findings;
  std::vector<content::DiffHunk> hunks;  // from the live page to this revision
  SafeHtml preview;
  std::int64_t viewer_id = 0;
  bool viewer_may_override = false;
  std::string review_note;      // kept when a decision has a problem
  std::string override_reason;  // likewise
  std::string go_live_date;     // likewise: "2030-06-01"
  std::string go_live_time;     // likewise: "10:00", UK time
};

SafeHtml render_content_review(const Chrome& chrome, const ContentReviewView& view);

struct ContentEditView {
  FormState form;
  std::string path;
  std::string title;
  int base_revision = 0;
  std::string source;
  std::string note;
  std::string notice;       // e.g. that the text was kept while its editor signed in again
  bool previewing = false;  // the source could be read: `preview` shows it
  SafeHtml preview;         // the page as readers would see it
  std::vector<content::Finding> findings;  // the checks for this page
};

SafeHtml render_content_edit(const Chrome& chrome, const ContentEditView& view);

struct ContentCompareView {
  std::string path;
  std::string title;
  store::PageRevision from, to;  // contents not needed
  std::vector<content::DiffHunk> hunks;
  std::vector<store::PageRevision> history;  // for choosing another pair
};

SafeHtml render_content_compare(const Chrome& chrome, const ContentCompareView& view);

// "2026-11-29T18:05:00Z" -> "29 November 2026 at 18:05 UTC"
std::string format_time(const std::string& iso);

}  // namespace cairn::views
