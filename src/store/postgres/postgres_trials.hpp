// PostgreSQL for the trial import (`cairn import-trials --db URL`): the trials
// and the change feed only. Pages, accounts, settings, forum, nurse messages,
// mail and feedback are still SQLite-only (store::open_sqlite_store), so
// `cairn serve --db` does not exist yet.
#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "store/page_store.hpp"
#include "store/trial_store.hpp"
#include "store/trial_sync_store.hpp"

namespace cairn::store {

class PostgresTrials {
 public:
  virtual ~PostgresTrials() = default;
  virtual TrialStore& trials() = 0;
  virtual ChangeFeed& changes() = 0;
  virtual TrialSyncStore& trial_sync() = 0;
};

// Connects to `url` (e.g. postgresql://cairn@db.example:5432/cairn) and
// migrates the schema. A server that cannot be reached, or refuses the schema
// change, is an Errc::unavailable error; later failures throw postgres::PgError.
Result<std::unique_ptr<PostgresTrials>> open_postgres_trials(const std::string& url);

}  // namespace cairn::store
