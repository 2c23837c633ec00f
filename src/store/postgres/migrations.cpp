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
