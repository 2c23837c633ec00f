// Where page revisions live: every import or edit that changes a page adds a
// revision; readers get the published one.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cairn::store {

// Where a revision has got to: a draft, waiting for a second editor, sent back
// to its author, approved to go live at a set time, or published (live now or
// before). Imports publish directly.
enum class RevisionState { draft, in_review, returned, scheduled, published };

// "draft", "in_review", "returned", "scheduled", "published": as stored.
std::string_view to_string(RevisionState state);
// An unknown stored value reads as published, as it always has: such a
// revision is never offered for review or publishing again, and readers still
// get whichever revision the page's published_revision names.
RevisionState parse_revision_state(std::string_view stored);

struct PageRevision {
  std::string path;
  int revision = 0;
  std::string content;  // the page as JSON (content::page_to_json)
  std::string content_hash;
  std::string author;          // display name, or "import"
  std::int64_t author_id = 0;  // 0 for imports
  std::string created_at;      // ISO 8601 UTC
  RevisionState state = RevisionState::published;
  std::string note;         // the author's summary of the change
  std::string reviewer;     // who approved or sent it back
  std::string reviewed_at;  // ISO 8601 UTC, or empty
  std::string review_note;  // why it was sent back
  // What the content checks found when it was sent for review or published, as
  // JSON ([{"level","line","message"}]); empty when never checked.
  std::string checks;
  // Why an administrator published it although the checks found errors; else empty.
  std::string override_reason;
  std::string go_live_at;  // ISO 8601 UTC: when a scheduled revision goes live; else empty
};

struct NewDraft {
  std::string path;
  std::string content;
  std::string author;
  std::int64_t author_id = 0;
  std::string note;
};

// Who acted on a revision under review, and what they said.
struct ReviewMark {
  std::string reviewer;
  std::string note;
  std::string checks = {};           // kept on the revision when not empty (PageRevision::checks)
  std::string override_reason = {};  // publishing over failed checks
};

struct PageImport {
  std::string path;
  std::string content;
};

struct ImportReport {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  // Pages whose live revision was published by editors in the browser: an import
  // never overwrites their reviewed work (copy it into the file to take it back).
  std::vector<std::string> kept_editor_versions;
};

class PageStore {
 public:
  virtual ~PageStore() = default;
  // All pages in one transaction: a page whose content changed gets a new
  // published revision; an unchanged page is left alone, and so is a page whose
  // live revision was published by editors (ImportReport::kept_editor_versions).
  virtual ImportReport import_pages(const std::vector<PageImport>& pages,
                                    const std::string& author) = 0;
  virtual std::vector<PageRevision> published_pages() = 0;
  virtual std::optional<PageRevision> published_page(const std::string& path) = 0;
  virtual std::vector<PageRevision> revisions(const std::string& path) = 0;
  virtual std::optional<PageRevision> revision(const std::string& path, int revision) = 0;
  // The newest revision of every page (published or not), by path.
  virtual std::vector<PageRevision> latest_revisions() = 0;

  // Adds a draft revision after the newest one; the published page is not touched.
  virtual PageRevision add_draft(const NewDraft& draft) = 0;
  // Moves `revision` from one state to another, only while it is still the page's
  // newest revision and in state `from`; false (and nothing changed) otherwise.
  virtual bool move_state(const std::string& path, int revision, RevisionState from,
                          RevisionState to, const ReviewMark& mark) = 0;
  // Publishes `revision` when it is the newest and in review: it becomes the page
  // readers get, and the change feed moves. False (nothing changed) otherwise.
  virtual bool publish(const std::string& path, int revision, const ReviewMark& mark) = 0;
  // Approves `revision` (the newest, in review) to go live at `go_live_at` (ISO 8601
  // UTC); readers still get the published one until then. False otherwise.
  virtual bool schedule(const std::string& path, int revision, std::string_view go_live_at,
                        const ReviewMark& mark) = 0;
  // A scheduled revision goes back to review, its time forgotten. False unless scheduled.
  virtual bool unschedule(const std::string& path, int revision) = 0;
  // Every scheduled revision whose time is at or before `now` (ISO 8601 UTC) goes live
  // and the change feed moves, one page at a time, each once however many nodes ask.
  // One overtaken meanwhile by a newer published revision does not go live: it is sent
  // back with a note saying so. Returns those that went live.
  virtual std::vector<PageRevision> publish_due(std::string_view now) = 0;
};

// A growing number that changes whenever anything a node caches changes, so
// every node can tell when to refresh its page cache and index.
class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;
  virtual std::int64_t latest() = 0;
  // Waits up to `at_most` for a change by any node (PostgreSQL's LISTEN) and
  // says true; false at once when this back end cannot wait, and the caller
  // looks at latest() on its own timer.
  virtual bool wait_for_change(std::chrono::milliseconds /*at_most*/) { return false; }
};

}  // namespace cairn::store
