// The Cancer Chat pages: the forum's front page and rules, a category's
// threads, a thread with its replies and reply form, the new-thread and
// report forms, and the moderators' queue, edit form and audit log. Post
// bodies arrive already rendered (safe HTML); every other string is escaped.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/safe_html.hpp"
#include "store/forum_store.hpp"
#include "views/components.hpp"
#include "views/layout.hpp"

namespace cairn::views {

struct ForumCategoryLink {
  std::string slug, name, description;
};

// A category on the forum's front page with its latest activity.
struct ForumCategorySummary {
  ForumCategoryLink link;
  int threads = 0;
  std::int64_t latest_thread_id = 0;  // 0: no threads yet
  std::string latest_title;
  std::string latest_at;
};

struct ForumIndexPage {
  std::vector<ForumCategorySummary> categories;
  bool signed_in = false;
  bool moderator = false;
  bool admin = false;
  int unread_messages = 0;  // moderators' messages the member has not read
};

struct ForumThreadRow {
  std::int64_t id = 0;
  std::string title;
  std::string author;  // empty: a deleted member
  int replies = 0;
  std::string last_post_at;
  std::string last_post_by;  // empty: a deleted member
  bool unread = false;
  bool held = false;  // the viewer's own thread, waiting for a moderator
};

struct ForumCategoryPage {
  ForumCategoryLink category;
  std::vector<ForumThreadRow> threads;
  int page = 1, pages = 1;
  bool signed_in = false;
  int unread_messages = 0;
};

struct ForumPostView {
  std::int64_t id = 0;
  std::string author;       // empty: a deleted member
  std::string author_role;  // "Moderator", "Nurse"... for staff; empty for members
  std::string created_at;
  std::string edited_at;
  SafeHtml body;
  store::PostStatus status = store::PostStatus::published;
  bool is_new = false;
  bool can_report = false;
  bool can_edit = false;    // the viewer's own, inside the edit window
  bool can_delete = false;  // the viewer's own
  std::string author_edited_at;
  bool deleted = false;  // by its author: the body is not shown
};

struct ForumThreadPage {
  std::int64_t id = 0;
  std::string title;
  ForumCategoryLink category;
  std::vector<ForumPostView> posts;
  int page = 1, pages = 1;
  bool signed_in = false;
  bool moderator = false;
  FormState reply;
  std::string reply_body;  // kept when the reply had problems
  bool just_held = false;  // the viewer's post, just sent, waits for a moderator
  bool show_crisis = false;
  bool watching = false;  // the signed-in viewer gets told of replies
  std::string notice;     // "Your post was deleted." after an action
  int unread_messages = 0;
  int edit_minutes = 30;
};

struct ForumNewThreadPage {
  ForumCategoryLink category;
  FormState form;
  std::string title, body;
};

struct ForumReportPage {
  std::int64_t thread_id = 0, post_id = 0;
  std::string post_author;
  SafeHtml post_body;
  FormState form;
  std::string reason;
  bool done = false;
};

struct ModerationItem {
  store::ForumPostRecord post;
  std::string thread_title;
  SafeHtml body;
  std::vector<std::string> held_for;  // reason titles
  bool safeguarding = false;
  std::vector<store::ForumReportRecord> reports;
  std::vector<store::ForumPostVersion> versions;  // earlier texts by its author
};

struct ModerationPage {
  std::string csrf_token;
  std::vector<ModerationItem> items;
  std::string notice;
};

struct ModerationEditPage {
  std::int64_t post_id = 0, thread_id = 0;
  FormState form;
  std::string body, reason;
};

struct AuditPage {
  std::vector<store::ForumAuditRecord> entries;
  int page = 1;
  bool more = false;
};

// "2026-03-03T09:15:00Z" -> "3 March 2026 at 09:15" (UTC, as stored).
std::string forum_time(std::string_view iso);

// The forum's own search box (GET /forum/search?q=...).
void write_forum_search_box(Html& h, std::string_view query);

// "A moderator has sent you a message": shown on forum and account pages until it is read.
void write_message_notice(Html& h, int unread);

SafeHtml render_forum_index(const Chrome& chrome, const ForumIndexPage& page);
SafeHtml render_forum_rules(const Chrome& chrome, const SafeHtml& rules);
SafeHtml render_forum_category(const Chrome& chrome, const ForumCategoryPage& page);
SafeHtml render_forum_thread(const Chrome& chrome, const ForumThreadPage& page);
SafeHtml render_forum_new_thread(const Chrome& chrome, const ForumNewThreadPage& page);
SafeHtml render_forum_report(const Chrome& chrome, const ForumReportPage& page);
SafeHtml render_moderation(const Chrome& chrome, const ModerationPage& page);
SafeHtml render_moderation_edit(const Chrome& chrome, const ModerationEditPage& page);
SafeHtml render_audit_log(const Chrome& chrome, const AuditPage& page);

}  // namespace cairn::views
