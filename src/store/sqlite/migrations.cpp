#include "store/sqlite/migrations.hpp"

namespace cairn::store::sqlite {

// Append new steps at the end with the next number; never edit a released step.
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "change feed", R"sql(
        CREATE TABLE changes (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL,
          key TEXT NOT NULL,
          at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
        );
      )sql"},
      {2, "pages and their revisions", R"sql(
        CREATE TABLE pages (
          path TEXT PRIMARY KEY,
          published_revision INTEGER NOT NULL
        );
        CREATE TABLE page_revisions (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          path TEXT NOT NULL,
          revision INTEGER NOT NULL,
          content TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          author TEXT NOT NULL,
          created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
          UNIQUE (path, revision)
        );
      )sql"},
      {3, "trials", R"sql(
        CREATE TABLE trials (
          nct_id TEXT PRIMARY KEY,
          content TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
        );
      )sql"},
      {4, "accounts, sessions and shared settings", R"sql(
        CREATE TABLE accounts (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          email TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
          display_name TEXT NOT NULL,
          password_hash TEXT NOT NULL,
          role TEXT NOT NULL
            CHECK (role IN ('member', 'moderator', 'nurse', 'editor', 'admin')),
          status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
          over_14 INTEGER NOT NULL CHECK (over_14 IN (0, 1)),
          rules_accepted_at TEXT,
          created_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX accounts_display_name ON accounts (display_name COLLATE NOCASE);
        CREATE TABLE sessions (
          token_hash TEXT PRIMARY KEY,
          account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          created_at INTEGER NOT NULL,
          last_seen_at INTEGER NOT NULL,
          user_agent TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX sessions_account ON sessions (account_id);
        CREATE INDEX sessions_last_seen ON sessions (last_seen_at);
        CREATE INDEX sessions_created ON sessions (created_at);
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
      )sql"},
      {5, "forum: threads, posts, reports, read marks and the moderators' audit log", R"sql(
        CREATE TABLE forum_threads (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          category TEXT NOT NULL,
          title TEXT NOT NULL,
          author_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
          created_at TEXT NOT NULL
        );
        CREATE INDEX forum_threads_category ON forum_threads (category);
        CREATE TABLE forum_posts (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          thread_id INTEGER NOT NULL REFERENCES forum_threads (id) ON DELETE CASCADE,
          author_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
          body TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('public', 'held', 'hidden')),
          held_reasons TEXT NOT NULL DEFAULT '',
          held_priority INTEGER NOT NULL DEFAULT 0,
          first_in_thread INTEGER NOT NULL DEFAULT 0 CHECK (first_in_thread IN (0, 1)),
          created_at TEXT NOT NULL,
          edited_at TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX forum_posts_thread ON forum_posts (thread_id, id);
        CREATE INDEX forum_posts_author ON forum_posts (author_id);
        CREATE INDEX forum_posts_held ON forum_posts (status, held_priority, id);
        CREATE TABLE forum_reports (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          post_id INTEGER NOT NULL REFERENCES forum_posts (id) ON DELETE CASCADE,
          reporter_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
          reason TEXT NOT NULL,
          created_at TEXT NOT NULL,
          resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1))
        );
        CREATE INDEX forum_reports_open ON forum_reports (resolved, id);
        CREATE TABLE forum_reads (
          account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          thread_id INTEGER NOT NULL REFERENCES forum_threads (id) ON DELETE CASCADE,
          last_post_id INTEGER NOT NULL,
          PRIMARY KEY (account_id, thread_id)
        );
        CREATE TABLE forum_audit (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          moderator_id INTEGER NOT NULL,
          moderator_name TEXT NOT NULL,
          action TEXT NOT NULL,
          post_id INTEGER NOT NULL DEFAULT 0,
          member_id INTEGER NOT NULL DEFAULT 0,
          reason TEXT NOT NULL DEFAULT '',
          before TEXT NOT NULL DEFAULT '',
          after TEXT NOT NULL DEFAULT ''
        );
      )sql"},
      {6, "nurse messages and the mail outbox", R"sql(
        CREATE TABLE mail_outbox (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          to_address TEXT NOT NULL,
          subject TEXT NOT NULL,
          body TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          due_at INTEGER,
          attempts INTEGER NOT NULL DEFAULT 0,
          last_error TEXT,
          sent_at INTEGER
        );
        CREATE INDEX mail_outbox_due ON mail_outbox (due_at) WHERE sent_at IS NULL;
        CREATE TABLE nurse_messages (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          token_hash TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL DEFAULT '',
          email TEXT NOT NULL,
          question TEXT NOT NULL,
          consent INTEGER NOT NULL CHECK (consent IN (0, 1)),
          flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),
          status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'assigned', 'answered')),
          assigned_to INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
          answer TEXT,
          answered_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
          created_at INTEGER NOT NULL,
          answered_at INTEGER,
          mail_id INTEGER REFERENCES mail_outbox (id) ON DELETE SET NULL
        );
        CREATE INDEX nurse_messages_waiting ON nurse_messages (status, flagged, created_at);
        CREATE INDEX nurse_messages_answered ON nurse_messages (answered_at) WHERE answered_at IS NOT NULL;
      )sql"},
      {7, "editorial review of page revisions, and page feedback", R"sql(
        ALTER TABLE page_revisions ADD COLUMN author_id INTEGER;
        ALTER TABLE page_revisions ADD COLUMN state TEXT NOT NULL DEFAULT 'published'
          CHECK (state IN ('draft', 'in_review', 'returned', 'published'));
        ALTER TABLE page_revisions ADD COLUMN note TEXT NOT NULL DEFAULT '';
        ALTER TABLE page_revisions ADD COLUMN reviewer TEXT NOT NULL DEFAULT '';
        ALTER TABLE page_revisions ADD COLUMN reviewed_at TEXT NOT NULL DEFAULT '';
        ALTER TABLE page_revisions ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
        CREATE TABLE page_feedback (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          path TEXT NOT NULL,
          useful INTEGER NOT NULL CHECK (useful IN (0, 1)),
          comment TEXT NOT NULL DEFAULT '',
          created_on TEXT NOT NULL
        );
        CREATE INDEX page_feedback_path ON page_feedback (path, id);
      )sql"},
      {8, "mail headers, email confirmation and single-use account links", R"sql(
        ALTER TABLE mail_outbox ADD COLUMN headers TEXT NOT NULL DEFAULT '';
        ALTER TABLE accounts ADD COLUMN email_confirmed_at TEXT;
        UPDATE accounts SET email_confirmed_at = created_at;
        CREATE TABLE account_links (
          token_hash TEXT PRIMARY KEY,
          account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          purpose TEXT NOT NULL CHECK (purpose IN ('reset_password', 'confirm_email')),
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          used_at INTEGER
        );
        CREATE INDEX account_links_account ON account_links (account_id, purpose);
        CREATE INDEX account_links_expiry ON account_links (expires_at);
      )sql"},
      {9,
       "forum members: own edits and deletions, watched threads, mail choices, digests, "
       "moderators' messages and watched words",
       R"sql(
        ALTER TABLE forum_posts ADD COLUMN author_edited_at TEXT NOT NULL DEFAULT '';
        ALTER TABLE forum_posts ADD COLUMN deleted_at TEXT NOT NULL DEFAULT '';
        ALTER TABLE forum_posts ADD COLUMN notified INTEGER NOT NULL DEFAULT 1 CHECK (notified IN (0, 1));
        UPDATE forum_posts SET notified = 0 WHERE status = 'held';
        CREATE TABLE forum_post_versions (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          post_id INTEGER NOT NULL REFERENCES forum_posts (id) ON DELETE CASCADE,
          body TEXT NOT NULL,
          replaced_at TEXT NOT NULL,
          why TEXT NOT NULL CHECK (why IN ('edited', 'deleted'))
        );
        CREATE INDEX forum_post_versions_post ON forum_post_versions (post_id, id);
        CREATE TABLE forum_watches (
          account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          thread_id INTEGER NOT NULL REFERENCES forum_threads (id) ON DELETE CASCADE,
          watching INTEGER NOT NULL CHECK (watching IN (0, 1)),
          PRIMARY KEY (account_id, thread_id)
        );
        CREATE INDEX forum_watches_thread ON forum_watches (thread_id) WHERE watching = 1;
        CREATE TABLE forum_mail_choices (
          account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
          mode TEXT NOT NULL CHECK (mode IN ('each', 'digest', 'off')),
          last_digest_at INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE forum_digest_items (
          account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          post_id INTEGER NOT NULL REFERENCES forum_posts (id) ON DELETE CASCADE,
          PRIMARY KEY (account_id, post_id)
        );
        CREATE TABLE forum_messages (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          member_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          moderator_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
          moderator_name TEXT NOT NULL,
          post_id INTEGER NOT NULL DEFAULT 0,
          body TEXT NOT NULL,
          created_at TEXT NOT NULL,
          read_at TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX forum_messages_member ON forum_messages (member_id, id);
        CREATE TABLE watched_words (
          phrase TEXT PRIMARY KEY,
          action TEXT NOT NULL CHECK (action IN ('hold', 'block', 'flag')),
          message TEXT NOT NULL DEFAULT '',
          updated_at TEXT NOT NULL
        );
      )sql"},
      {10, "trial registry sync: its progress, and when each trial was last checked", R"sql(
        CREATE TABLE trial_sync_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          run_started_at TEXT NOT NULL DEFAULT '',
          run_query TEXT NOT NULL DEFAULT '',
          run_since TEXT NOT NULL DEFAULT '',
          next_page_token TEXT NOT NULL DEFAULT '',
          pages_done INTEGER NOT NULL DEFAULT 0,
          last_success_started_at TEXT NOT NULL DEFAULT '',
          last_success_query TEXT NOT NULL DEFAULT '',
          last_run_finished_at TEXT NOT NULL DEFAULT '',
          last_result TEXT NOT NULL DEFAULT '',
          last_ok INTEGER NOT NULL DEFAULT 0 CHECK (last_ok IN (0, 1)),
          last_duration_ms INTEGER NOT NULL DEFAULT 0
        );
        ALTER TABLE trials ADD COLUMN checked_at TEXT NOT NULL DEFAULT '';
        UPDATE trials SET checked_at = updated_at;
      )sql"},
      {11, "page revisions: what the content checks found, and why checks were overridden",
       R"sql(
        ALTER TABLE page_revisions ADD COLUMN checks TEXT NOT NULL DEFAULT '';
        ALTER TABLE page_revisions ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
      )sql"},
      {12, "page source kept while its editor signs in again", R"sql(
        CREATE TABLE kept_drafts (
          token_hash TEXT PRIMARY KEY,
          path TEXT NOT NULL,
          base_revision INTEGER NOT NULL,
          source TEXT NOT NULL,
          note TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL
        );
        CREATE INDEX kept_drafts_expiry ON kept_drafts (expires_at);
      )sql"},
      {13, "page owners, and the week each owner's review reminder was sent for", R"sql(
        CREATE TABLE page_owners (
          path TEXT PRIMARY KEY,
          account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE
        );
        CREATE INDEX page_owners_account ON page_owners (account_id);
        CREATE TABLE review_reminders (
          account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
          week TEXT NOT NULL
        );
      )sql"},
      // SQLite cannot change a CHECK constraint in place: the table is made again.
      {14, "scheduled publishing: an approved revision that goes live at a chosen time", R"sql(
        CREATE TABLE page_revisions_new (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          path TEXT NOT NULL,
          revision INTEGER NOT NULL,
          content TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          author TEXT NOT NULL,
          created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
          author_id INTEGER,
          state TEXT NOT NULL DEFAULT 'published'
            CHECK (state IN ('draft', 'in_review', 'returned', 'scheduled', 'published')),
          note TEXT NOT NULL DEFAULT '',
          reviewer TEXT NOT NULL DEFAULT '',
          reviewed_at TEXT NOT NULL DEFAULT '',
          review_note TEXT NOT NULL DEFAULT '',
          checks TEXT NOT NULL DEFAULT '',
          override_reason TEXT NOT NULL DEFAULT '',
          go_live_at TEXT NOT NULL DEFAULT '',
          UNIQUE (path, revision)
        );
        INSERT INTO page_revisions_new (id, path, revision, content, content_hash, author,
          created_at, author_id, state, note, reviewer, reviewed_at, review_note, checks,
          override_reason)
        SELECT id, path, revision, content, content_hash, author, created_at, author_id, state,
          note, reviewer, reviewed_at, review_note, checks, override_reason FROM page_revisions;
        DROP TABLE page_revisions;
        ALTER TABLE page_revisions_new RENAME TO page_revisions;
        CREATE INDEX page_revisions_go_live ON page_revisions (go_live_at) WHERE state = 'scheduled';
      )sql"},
  };
  return kMigrations;
}

}  // namespace cairn::store::sqlite
