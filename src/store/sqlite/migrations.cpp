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
  };
  return kMigrations;
}

}  // namespace cairn::store::sqlite
