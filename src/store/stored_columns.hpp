// The column lists both back ends select, in the order their readers take the
// columns: the SQL is the same text for SQLite and PostgreSQL, kept once.
#pragma once

#include <string_view>

namespace cairn::store::columns {

// A page revision (PageRevision), from page_revisions aliased r.
inline constexpr std::string_view kRevisionColumns =
    "r.path, r.revision, r.content, r.content_hash, r.author, r.created_at, "
    "COALESCE(r.author_id, 0), r.state, r.note, r.reviewer, r.reviewed_at, r.review_note, "
    "r.checks, r.override_reason, r.go_live_at";

// An account (AccountRecord), from accounts.
inline constexpr std::string_view kAccountColumns =
    "id, email, display_name, password_hash, role, status, over_14, "
    "COALESCE(rules_accepted_at, ''), created_at, COALESCE(email_confirmed_at, '')";

// A session (SessionRecord), from sessions.
inline constexpr std::string_view kSessionColumns =
    "token_hash, account_id, created_at, last_seen_at, user_agent";

// A forum post (ForumPostRecord) with its author's name: ends in its FROM, for a WHERE.
inline constexpr std::string_view kPostColumns =
    "p.id, p.thread_id, COALESCE(p.author_id, 0), COALESCE(a.display_name, ''), p.body, "
    "p.status, p.held_reasons, p.held_priority, p.created_at, p.edited_at, p.first_in_thread, "
    "p.author_edited_at, p.deleted_at "
    "FROM forum_posts p LEFT JOIN accounts a ON a.id = p.author_id ";

// A forum thread (ForumThreadRecord) with its public post count and last public post:
// ends in its FROM, for a WHERE.
inline constexpr std::string_view kThreadColumns =
    "t.id, t.category, t.title, COALESCE(t.author_id, 0), COALESCE(a.display_name, ''), "
    "f.status, t.created_at, "
    "(SELECT COUNT(*) FROM forum_posts q WHERE q.thread_id = t.id AND q.status = 'public'), "
    "COALESCE((SELECT MAX(q.id) FROM forum_posts q WHERE q.thread_id = t.id "
    "AND q.status = 'public'), 0), "
    "COALESCE((SELECT q.created_at FROM forum_posts q WHERE q.thread_id = t.id "
    "AND q.status = 'public' ORDER BY q.id DESC LIMIT 1), ''), "
    "COALESCE((SELECT b.display_name FROM forum_posts q JOIN accounts b ON b.id = q.author_id "
    "WHERE q.thread_id = t.id AND q.status = 'public' ORDER BY q.id DESC LIMIT 1), '') "
    "FROM forum_threads t JOIN forum_posts f ON f.thread_id = t.id AND f.first_in_thread = 1 "
    "LEFT JOIN accounts a ON a.id = t.author_id ";

// A moderator's message to a member (ForumMessageRecord): SELECT ... FROM, for a WHERE.
inline constexpr std::string_view kMessageColumns =
    "SELECT id, member_id, COALESCE(moderator_id, 0), moderator_name, post_id, body, created_at, "
    "read_at FROM forum_messages ";

// A nurse message (NurseMessageRecord) with the nurses' display names: an
// account deleted since leaves the message unassigned (ON DELETE SET NULL).
// SELECT ... FROM ... JOIN, for a WHERE.
inline constexpr std::string_view kNurseMessageSelect =
    "SELECT m.id, m.name, m.email, m.question, m.consent, m.flagged, m.status, "
    "COALESCE(m.assigned_to, 0), COALESCE(a.display_name, ''), COALESCE(m.answer, ''), "
    "COALESCE(m.answered_by, 0), COALESCE(b.display_name, ''), m.created_at, "
    "COALESCE(m.answered_at, 0) FROM nurse_messages m "
    "LEFT JOIN accounts a ON a.id = m.assigned_to "
    "LEFT JOIN accounts b ON b.id = m.answered_by ";

}  // namespace cairn::store::columns
