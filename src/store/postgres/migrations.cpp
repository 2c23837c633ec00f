#include <string_view>
#include <vector>

#include "store/postgres/connection.hpp"

namespace cairn::store::postgres {

namespace {

// One statement per entry: parameterised execution takes one at a time.
struct Migration {
  int version;
  std::string_view description;
  std::vector<std::string_view> statements;
};

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
      {1,
       "change feed",
       {R"sql(
        CREATE TABLE changes (
          seq BIGSERIAL PRIMARY KEY,
          kind TEXT NOT NULL,
          key TEXT NOT NULL,
          at TIMESTAMPTZ NOT NULL DEFAULT now()
        ))sql",
        "CREATE INDEX changes_kind_seq ON changes (kind, seq)"}},
      // COLLATE "C": NCT ids sort byte by byte, as in SQLite, whatever the
      // database's locale, so paging by nct_id walks every row once.
      {2, "trials", {R"sql(
        CREATE TABLE trials (
          nct_id TEXT COLLATE "C" PRIMARY KEY,
          content TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
        ))sql"}},
      {3,
       "when each trial was last checked against the registry",
       {"ALTER TABLE trials ADD COLUMN checked_at TIMESTAMPTZ",
        "UPDATE trials SET checked_at = updated_at",
        "ALTER TABLE trials ALTER COLUMN checked_at SET NOT NULL",
        "ALTER TABLE trials ALTER COLUMN checked_at SET DEFAULT now()"}},
      // The same record as SQLite's (migration 10): text as the sync writes it.
      {4, "trial registry sync progress", {R"sql(
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
          last_ok BOOLEAN NOT NULL DEFAULT false,
          last_duration_ms BIGINT NOT NULL DEFAULT 0
        ))sql"}},
      // Shared by every node (store/postgres/pg_rate_limits.hpp); times in ms
      // since 1970 from the nodes' clocks.
      {5,
       "rate limits shared by every node",
       {R"sql(
        CREATE TABLE rate_limits (
          key TEXT COLLATE "C" PRIMARY KEY,
          attempts TEXT NOT NULL DEFAULT '',
          last_ms BIGINT NOT NULL DEFAULT 0,
          strikes INTEGER NOT NULL DEFAULT 0,
          quiet_s BIGINT NOT NULL DEFAULT 0,
          forget_at_ms BIGINT NOT NULL DEFAULT 0
        ))sql",
        "CREATE INDEX rate_limits_forget_at ON rate_limits (forget_at_ms)"}},
      // Every node LISTENs (store/postgres/change_listener.hpp): a commit that
      // adds to the change feed wakes them at once instead of at their next look.
      {6,
       "change notices",
       {R"sql(
        CREATE FUNCTION cairn_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('cairn_changes', '');
          RETURN NULL;
        END $$)sql",
        "CREATE TRIGGER changes_notify AFTER INSERT ON changes FOR EACH STATEMENT "
        "EXECUTE FUNCTION cairn_notify_change()"}},
      // Everything else a node keeps, as SQLite has it after its migration 14:
      // the same columns and constraints, text timestamps where SQLite keeps
      // text and whole seconds (BIGINT) where it keeps integers.
      {7,
       "pages, accounts, sessions, settings, feedback, nurse messages, mail, watched words, "
       "kept drafts and page owners",
       {R"sql(
        CREATE TABLE pages (
          path TEXT COLLATE "C" PRIMARY KEY,
          published_revision INTEGER NOT NULL
        ))sql",
        R"sql(
        CREATE TABLE page_revisions (
          id BIGSERIAL PRIMARY KEY,
          path TEXT COLLATE "C" NOT NULL,
          revision INTEGER NOT NULL,
          content TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          author TEXT NOT NULL,
          created_at TEXT NOT NULL
            DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
          author_id BIGINT,
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
        ))sql",
        "CREATE INDEX page_revisions_go_live ON page_revisions (go_live_at) "
        "WHERE state = 'scheduled'",
        R"sql(
        CREATE TABLE accounts (
          id BIGSERIAL PRIMARY KEY,
          email TEXT COLLATE "C" NOT NULL UNIQUE CHECK (email = lower(email)),
          display_name TEXT COLLATE "C" NOT NULL,
          password_hash TEXT NOT NULL,
          role TEXT NOT NULL
            CHECK (role IN ('member', 'moderator', 'nurse', 'editor', 'admin')),
          status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
          over_14 INTEGER NOT NULL CHECK (over_14 IN (0, 1)),
          rules_accepted_at TEXT,
          created_at TEXT NOT NULL,
          email_confirmed_at TEXT
        ))sql",
        // SQLite's NOCASE: ASCII letters fold, nothing else.
        "CREATE UNIQUE INDEX accounts_display_name ON accounts "
        "(translate(display_name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'))",
        R"sql(
        CREATE TABLE sessions (
          token_hash TEXT COLLATE "C" PRIMARY KEY,
          account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          created_at BIGINT NOT NULL,
          last_seen_at BIGINT NOT NULL,
          user_agent TEXT NOT NULL DEFAULT ''
        ))sql",
        "CREATE INDEX sessions_account ON sessions (account_id)",
        "CREATE INDEX sessions_last_seen ON sessions (last_seen_at)",
        "CREATE INDEX sessions_created ON sessions (created_at)",
        R"sql(
        CREATE TABLE account_links (
          token_hash TEXT COLLATE "C" PRIMARY KEY,
          account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          purpose TEXT NOT NULL CHECK (purpose IN ('reset_password', 'confirm_email')),
          created_at BIGINT NOT NULL,
          expires_at BIGINT NOT NULL,
          used_at BIGINT
        ))sql",
        "CREATE INDEX account_links_account ON account_links (account_id, purpose)",
        "CREATE INDEX account_links_expiry ON account_links (expires_at)",
        R"sql(
        CREATE TABLE settings (
          key TEXT COLLATE "C" PRIMARY KEY,
          value TEXT NOT NULL
        ))sql",
        R"sql(
        CREATE TABLE page_feedback (
          id BIGSERIAL PRIMARY KEY,
          path TEXT COLLATE "C" NOT NULL,
          useful INTEGER NOT NULL CHECK (useful IN (0, 1)),
          comment TEXT NOT NULL DEFAULT '',
          created_on TEXT NOT NULL
        ))sql",
        "CREATE INDEX page_feedback_path ON page_feedback (path, id)",
        R"sql(
        CREATE TABLE mail_outbox (
          id BIGSERIAL PRIMARY KEY,
          to_address TEXT NOT NULL,
          subject TEXT NOT NULL,
          body TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          due_at BIGINT,
          attempts INTEGER NOT NULL DEFAULT 0,
          last_error TEXT,
          sent_at BIGINT,
          headers TEXT NOT NULL DEFAULT ''
        ))sql",
        "CREATE INDEX mail_outbox_due ON mail_outbox (due_at) WHERE sent_at IS NULL",
        R"sql(
        CREATE TABLE nurse_messages (
          id BIGSERIAL PRIMARY KEY,
          token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
          name TEXT NOT NULL DEFAULT '',
          email TEXT NOT NULL,
          question TEXT NOT NULL,
          consent INTEGER NOT NULL CHECK (consent IN (0, 1)),
          flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),
          status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'assigned', 'answered')),
          assigned_to BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
          answer TEXT,
          answered_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
          created_at BIGINT NOT NULL,
          answered_at BIGINT,
          mail_id BIGINT REFERENCES mail_outbox (id) ON DELETE SET NULL
        ))sql",
        "CREATE INDEX nurse_messages_waiting ON nurse_messages (status, flagged, created_at)",
        "CREATE INDEX nurse_messages_answered ON nurse_messages (answered_at) "
        "WHERE answered_at IS NOT NULL",
        R"sql(
        CREATE TABLE watched_words (
          phrase TEXT COLLATE "C" PRIMARY KEY,
          action TEXT NOT NULL CHECK (action IN ('hold', 'block', 'flag')),
          message TEXT NOT NULL DEFAULT '',
          updated_at TEXT NOT NULL
        ))sql",
        R"sql(
        CREATE TABLE kept_drafts (
          token_hash TEXT COLLATE "C" PRIMARY KEY,
          path TEXT NOT NULL,
          base_revision INTEGER NOT NULL,
          source TEXT NOT NULL,
          note TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          expires_at BIGINT NOT NULL
        ))sql",
        "CREATE INDEX kept_drafts_expiry ON kept_drafts (expires_at)",
        R"sql(
        CREATE TABLE page_owners (
          path TEXT COLLATE "C" PRIMARY KEY,
          account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE
        ))sql",
        "CREATE INDEX page_owners_account ON page_owners (account_id)",
        R"sql(
        CREATE TABLE review_reminders (
          account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
          week TEXT NOT NULL
        ))sql"}},
      // Cancer Chat, as SQLite has it after its migrations 5 and 9.
      {8,
       "forum: threads, posts and their versions, reports, reads, watches, mail choices, "
       "digests, moderators' messages and the audit log",
       {R"sql(
        CREATE TABLE forum_threads (
          id BIGSERIAL PRIMARY KEY,
          category TEXT NOT NULL,
          title TEXT NOT NULL,
          author_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
          created_at TEXT NOT NULL
        ))sql",
        "CREATE INDEX forum_threads_category ON forum_threads (category)",
        R"sql(
        CREATE TABLE forum_posts (
          id BIGSERIAL PRIMARY KEY,
          thread_id BIGINT NOT NULL REFERENCES forum_threads (id) ON DELETE CASCADE,
          author_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
          body TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('public', 'held', 'hidden')),
          held_reasons TEXT NOT NULL DEFAULT '',
          held_priority INTEGER NOT NULL DEFAULT 0,
          first_in_thread INTEGER NOT NULL DEFAULT 0 CHECK (first_in_thread IN (0, 1)),
          created_at TEXT NOT NULL,
          edited_at TEXT NOT NULL DEFAULT '',
          author_edited_at TEXT NOT NULL DEFAULT '',
          deleted_at TEXT NOT NULL DEFAULT '',
          notified INTEGER NOT NULL DEFAULT 1 CHECK (notified IN (0, 1))
        ))sql",
        "CREATE INDEX forum_posts_thread ON forum_posts (thread_id, id)",
        "CREATE INDEX forum_posts_author ON forum_posts (author_id)",
        "CREATE INDEX forum_posts_held ON forum_posts (status, held_priority, id)",
        R"sql(
        CREATE TABLE forum_reports (
          id BIGSERIAL PRIMARY KEY,
          post_id BIGINT NOT NULL REFERENCES forum_posts (id) ON DELETE CASCADE,
          reporter_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
          reason TEXT NOT NULL,
          created_at TEXT NOT NULL,
          resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1))
        ))sql",
        "CREATE INDEX forum_reports_open ON forum_reports (resolved, id)",
        R"sql(
        CREATE TABLE forum_reads (
          account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          thread_id BIGINT NOT NULL REFERENCES forum_threads (id) ON DELETE CASCADE,
          last_post_id BIGINT NOT NULL,
          PRIMARY KEY (account_id, thread_id)
        ))sql",
        R"sql(
        CREATE TABLE forum_audit (
          id BIGSERIAL PRIMARY KEY,
          at TEXT NOT NULL,
          moderator_id BIGINT NOT NULL,
          moderator_name TEXT NOT NULL,
          action TEXT NOT NULL,
          post_id BIGINT NOT NULL DEFAULT 0,
          member_id BIGINT NOT NULL DEFAULT 0,
          reason TEXT NOT NULL DEFAULT '',
          before TEXT NOT NULL DEFAULT '',
          after TEXT NOT NULL DEFAULT ''
        ))sql",
        R"sql(
        CREATE TABLE forum_post_versions (
          id BIGSERIAL PRIMARY KEY,
          post_id BIGINT NOT NULL REFERENCES forum_posts (id) ON DELETE CASCADE,
          body TEXT NOT NULL,
          replaced_at TEXT NOT NULL,
          why TEXT NOT NULL CHECK (why IN ('edited', 'deleted'))
        ))sql",
        "CREATE INDEX forum_post_versions_post ON forum_post_versions (post_id, id)",
        R"sql(
        CREATE TABLE forum_watches (
          account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          thread_id BIGINT NOT NULL REFERENCES forum_threads (id) ON DELETE CASCADE,
          watching INTEGER NOT NULL CHECK (watching IN (0, 1)),
          PRIMARY KEY (account_id, thread_id)
        ))sql",
        "CREATE INDEX forum_watches_thread ON forum_watches (thread_id) WHERE watching = 1",
        R"sql(
        CREATE TABLE forum_mail_choices (
          account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
          mode TEXT NOT NULL CHECK (mode IN ('each', 'digest', 'off')),
          last_digest_at BIGINT NOT NULL DEFAULT 0
        ))sql",
        R"sql(
        CREATE TABLE forum_digest_items (
          account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          post_id BIGINT NOT NULL REFERENCES forum_posts (id) ON DELETE CASCADE,
          PRIMARY KEY (account_id, post_id)
        ))sql",
        R"sql(
        CREATE TABLE forum_messages (
          id BIGSERIAL PRIMARY KEY,
          member_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
          moderator_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
          moderator_name TEXT NOT NULL,
          post_id BIGINT NOT NULL DEFAULT 0,
          body TEXT NOT NULL,
          created_at TEXT NOT NULL,
          read_at TEXT NOT NULL DEFAULT ''
        ))sql",
        "CREATE INDEX forum_messages_member ON forum_messages (member_id, id)"}},
  };
  return kMigrations;
}

}  // namespace

void migrate(Connection& db) {
  Transaction tx(db);
  db.exec("SELECT pg_advisory_xact_lock($1::bigint)", {std::to_string(kMigrationLock)});
  db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
  int current = db.schema_version();
  for (const auto& m : migrations()) {
    if (m.version <= current)
      continue;
    for (auto sql : m.statements) db.exec(sql);
    db.exec("INSERT INTO schema_migrations (version, description) VALUES ($1, $2)",
            {std::to_string(m.version), std::string(m.description)});
  }
  tx.commit();
}

}  // namespace cairn::store::postgres
