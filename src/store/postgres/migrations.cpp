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
