// TrialSyncStore on PostgreSQL, the same record as the SQLite one
// (store/sqlite/sqlite_trial_sync_store.hpp).
#pragma once

#include "store/postgres/connection.hpp"
#include "store/trial_sync_store.hpp"

namespace cairn::store::postgres {

class PgTrialSyncStore final : public TrialSyncStore {
 public:
  explicit PgTrialSyncStore(Database& db) : db_(db) {}
  TrialSyncState sync_state() override;
  void save_sync_state(const TrialSyncState& state) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::postgres
