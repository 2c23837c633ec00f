// Where Cancer Chat lives: threads, posts (public, held for a moderator or
// hidden), reports, each member's place in each thread, and the moderators'
// audit log. Whoever changes public content records a change, so the search
// index and the other nodes follow.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::store {

// Who may see a post. A thread has the status of its first post. Stored as
// "public", "held", "hidden"; `published` because `public` is a C++ keyword.
enum class PostStatus { published, held, hidden };

std::string_view to_string(PostStatus status);
// An unknown stored value reads as hidden: only moderators see such a post,
// so a bad row can never make a post public.
PostStatus parse_post_status(std::string_view stored);

// Why a post waits for a moderator (forum::decide_hold decides).
enum class HoldReason { safeguarding, contact_details, first_posts };
// Most urgent first; empty when the post did not wait.
using HoldReasons = std::vector<HoldReason>;

// "safeguarding", "contact_details", "first_posts": as stored.
std::string_view to_string(HoldReason reason);
// Space-separated names, as the held_reasons column keeps them.
std::string to_string(const HoldReasons& reasons);
// Unknown words are skipped; the reasons come back most urgent first.
HoldReasons parse_hold_reasons(std::string_view stored);

struct ForumPostRecord {
  std::int64_t id = 0;
  std::int64_t thread_id = 0;
  std::int64_t author_id = 0;  // 0 when the author deleted their account
  std::string author_name;     // empty when the author deleted their account
  std::string body;            // Markdown as written (or as edited by a moderator)
  PostStatus status = PostStatus::hidden;
  HoldReasons held_reasons;
  int held_priority = 0;   // lower comes first in the moderation queue
  std::string created_at;  // ISO 8601 UTC
  std::string edited_at;   // empty unless a moderator edited it
  bool first_in_thread = false;
  std::string author_edited_at = {};  // empty unless its author edited it
  std::string deleted_at = {};        // set when its author deleted it (the body is then empty)
};

// An earlier text of a post, kept for moderators when its author edits or deletes it.
struct ForumPostVersion {
  std::string body;
  std::string replaced_at;  // ISO 8601 UTC
  std::string why;          // "edited" or "deleted"
};

// A post as its author changed it, after the hold rules looked at it again.
struct AuthorEdit {
  std::string body;
  PostStatus status = PostStatus::held;  // published or held
  HoldReasons held_reasons;
  int held_priority = 0;
  std::string at;
};

struct ForumThreadRecord {
  std::int64_t id = 0;
  std::string category;
  std::string title;
  std::int64_t author_id = 0;
  std::string author_name;
  PostStatus status = PostStatus::hidden;  // its first post's: public when that is
  std::string created_at;
  int public_posts = 0;
  std::int64_t last_public_post_id = 0;
  std::string last_public_post_at;
  std::string last_public_post_by = {};  // its author's name; empty for a deleted member
};

struct NewForumPost {
  std::int64_t author_id = 0;
  std::string body;
  PostStatus status = PostStatus::held;  // published or held
  HoldReasons held_reasons;
  int held_priority = 0;
  std::string created_at;
};

struct ForumReportRecord {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  std::int64_t reporter_id = 0;  // 0 for a watched-word flag (or a deleted member)
  std::string reporter_name;
  std::string reason;
  std::string created_at;
};

struct ForumAuditRecord {
  std::int64_t id = 0;
  std::string at;
  std::int64_t moderator_id = 0;
  std::string moderator_name;  // as it was at the time
  std::string action;          // "approve", "hide", "edit", "suspend"
  std::int64_t post_id = 0;    // 0 for actions on a member
  std::int64_t member_id = 0;  // whose post, or who was suspended
  std::string reason;
  std::string before;  // an edited post's original text
  std::string after;
};

// Whose eyes a listing is for.
struct ForumViewer {
  std::int64_t account_id = 0;  // 0 when signed out
  bool moderator = false;       // sees held and hidden posts too
};

class ForumStore {
 public:
  virtual ~ForumStore() = default;

  // Returns {thread id, first post id}.
  virtual std::pair<std::int64_t, std::int64_t> create_thread(std::string_view category,
                                                              std::string_view title,
                                                              const NewForumPost& first) = 0;
  virtual std::int64_t add_post(std::int64_t thread_id, const NewForumPost& post) = 0;

  virtual std::optional<ForumThreadRecord> thread(std::int64_t id) = 0;
  virtual std::optional<ForumPostRecord> post(std::int64_t id) = 0;

  // Threads of a category the viewer may see, the latest activity first.
  virtual std::vector<ForumThreadRecord> threads_in(std::string_view category,
                                                    const ForumViewer& viewer, int offset,
                                                    int limit) = 0;
  virtual int count_threads_in(std::string_view category, const ForumViewer& viewer) = 0;
  // Posts of a thread the viewer may see, oldest first.
  virtual std::vector<ForumPostRecord> posts_in(std::int64_t thread_id, const ForumViewer& viewer,
                                                int offset, int limit) = 0;
  virtual int count_posts_in(std::int64_t thread_id, const ForumViewer& viewer) = 0;
  // How many posts of the viewer's thread come before `post_id` (for its page).
  virtual int position_of(std::int64_t thread_id, std::int64_t post_id,
                          const ForumViewer& viewer) = 0;

  // Posts by the author that a moderator has let through (or that never waited).
  virtual int count_public_posts_by(std::int64_t author_id) = 0;
  virtual std::vector<ForumPostRecord> posts_by(std::int64_t author_id) = 0;

  // Status changes and edits record a change when public content changes.
  virtual void set_post_status(std::int64_t post_id, PostStatus status) = 0;
  virtual void edit_post(std::int64_t post_id, std::string_view body, std::string_view at) = 0;
  // The author's own edit: the earlier text is kept (post_versions) and the
  // post takes the status the hold rules gave it.
  virtual void author_edit_post(std::int64_t post_id, const AuthorEdit& edit) = 0;
  // The author's own deletion: the text is kept for moderators only and the
  // post shows as deleted by its author.
  virtual void delete_post_by_author(std::int64_t post_id, std::string_view at) = 0;
  // Oldest first.
  virtual std::vector<ForumPostVersion> post_versions(std::int64_t post_id) = 0;
  // True once for a public post: the caller then tells the thread's watchers
  // about it. A held post is claimed when a moderator lets it through.
  virtual bool claim_notification(std::int64_t post_id) = 0;

  // The moderation queue: held posts by priority, then age.
  virtual std::vector<ForumPostRecord> held_posts() = 0;
  virtual void add_report(std::int64_t post_id, std::int64_t reporter_id, std::string_view reason,
                          std::string_view at) = 0;
  // A report made by the watched words ("flag"), with no member behind it.
  virtual void add_flag(std::int64_t post_id, std::string_view reason, std::string_view at) = 0;
  // Reports not yet dealt with, oldest first.
  virtual std::vector<ForumReportRecord> open_reports() = 0;
  virtual void resolve_reports(std::int64_t post_id) = 0;

  // The newest post id the member has seen in each thread (absent: never opened).
  virtual std::map<std::int64_t, std::int64_t> last_read(
      std::int64_t account_id, const std::vector<std::int64_t>& threads) = 0;
  // Moves the member's mark forward (never back).
  virtual void mark_read(std::int64_t account_id, std::int64_t thread_id, std::int64_t post_id) = 0;

  virtual void add_audit(const ForumAuditRecord& entry) = 0;
  // Newest first.
  virtual std::vector<ForumAuditRecord> audit_log(int offset, int limit) = 0;

  // A deleted member's posts: kept without their name, or removed (a thread
  // they started keeps its replies; its first post says it was removed).
  virtual void detach_author(std::int64_t author_id) = 0;
  virtual void remove_posts_by(std::int64_t author_id, std::string_view removed_text) = 0;

  // Every public thread with its public posts, for the search index.
  virtual void for_each_public_thread(
      const std::function<void(const ForumThreadRecord&, const std::vector<ForumPostRecord>&)>&
          visit) = 0;
};

}  // namespace cairn::store
