// Cancer Chat pages for a member's own things: editing or deleting their own
// post, the forum's search results, their posts, watched threads and email
// choice in their account, moderators' messages, and the unsubscribe page an
// email links to. Every string is escaped; post bodies arrive rendered.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/safe_html.hpp"
#include "views/components.hpp"
#include "views/layout.hpp"

namespace cairn::views {

struct ForumEditOwnPage {
  std::int64_t thread_id = 0, post_id = 0;
  FormState form;
  std::string body;
  int edit_minutes = 30;
};

struct ForumDeleteOwnPage {
  std::int64_t thread_id = 0, post_id = 0;
  std::string csrf_token;
  SafeHtml body;
};

struct ForumSearchRow {
  std::string title, url;
  SafeHtml snippet;  // escaped text, matched words marked
};

struct ForumSearchPage {
  std::string query;
  std::vector<ForumSearchRow> results;
  std::size_t total = 0;
  int page = 1, pages = 1;
  std::string notice;     // plain text: nothing found, empty query
  std::string corrected;  // "did you mean"
};

struct OwnPostRow {
  std::int64_t thread_id = 0, post_id = 0;
  std::string thread_title, created_at;
  std::string state;     // "", "Waiting for a moderator", "Deleted"
  bool started = false;  // the thread's first post
};

struct WatchedThreadRow {
  std::int64_t id = 0;
  std::string title, last_post_at;
  int replies = 0;
};

struct AccountForumPage {
  FormState form;    // the email choice
  std::string mail;  // "each", "digest", "off"
  std::vector<OwnPostRow> posts;
  std::vector<WatchedThreadRow> watched;
  std::string notice;
  int unread_messages = 0;
};

struct MessageRow {
  std::int64_t id = 0;
  std::string from, created_at;
  bool unread = false;
};

struct MessagePage {
  std::string from, created_at, body;  // body: plain text, shown paragraph by paragraph
};

struct UnsubscribePage {
  std::string token;
  bool done = false;
  bool bad_link = false;
};

SafeHtml render_forum_edit_own(const Chrome& chrome, const ForumEditOwnPage& page);
SafeHtml render_forum_delete_own(const Chrome& chrome, const ForumDeleteOwnPage& page);
SafeHtml render_forum_search(const Chrome& chrome, const ForumSearchPage& page);
SafeHtml render_account_forum(const Chrome& chrome, const AccountForumPage& page);
SafeHtml render_messages(const Chrome& chrome, const std::vector<MessageRow>& messages);
SafeHtml render_message(const Chrome& chrome, const MessagePage& page);
SafeHtml render_unsubscribe(const Chrome& chrome, const UnsubscribePage& page);

// Plain text as paragraphs (blank lines) with line breaks kept.
void write_plain_paragraphs(Html& h, std::string_view text);

}  // namespace cairn::views
