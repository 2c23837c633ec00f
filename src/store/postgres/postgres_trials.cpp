#include "store/postgres/postgres_trials.hpp"

#include "store/postgres/connection.hpp"
#include "store/postgres/pg_trial_store.hpp"
#include "store/postgres/pg_trial_sync_store.hpp"

namespace cairn::store {

namespace {

class PgTrials final : public PostgresTrials {
 public:
  explicit PgTrials(std::unique_ptr<postgres::Database> db)
      : db_(std::move(db)), trials_(*db_), changes_(*db_), sync_(*db_) {}
  TrialStore& trials() override { return trials_; }
  ChangeFeed& changes() override { return changes_; }
  TrialSyncStore& trial_sync() override { return sync_; }

 private:
  std::unique_ptr<postgres::Database> db_;
  postgres::PgTrialStore trials_;
  postgres::PgChangeFeed changes_;
  postgres::PgTrialSyncStore sync_;
};

}  // namespace

Result<std::unique_ptr<PostgresTrials>> open_postgres_trials(const std::string& url) {
  auto db = postgres::Database::open(url);
  if (!db)
    return db.error();
  try {
    auto conn = (*db)->connect();
    postgres::migrate(conn);
  } catch (const postgres::PgError& e) {
    return make_error(Errc::unavailable, std::string("cannot prepare the schema: ") + e.what());
  }
  return std::unique_ptr<PostgresTrials>(new PgTrials(std::move(*db)));
}

}  // namespace cairn::store
