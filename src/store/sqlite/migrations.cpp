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
  };
  return kMigrations;
}

}  // namespace cairn::store::sqlite
