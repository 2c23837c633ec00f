// TrialSyncStore on SQLite: the one row of trial_sync_state.
#pragma once

#include "store/sqlite/database.hpp"
#include "store/trial_sync_store.hpp"

namespace cairn::store::sqlite {

class SqliteTrialSyncStore final : public TrialSyncStore {
 public:
  explicit SqliteTrialSyncStore(Database& db) : db_(db) {}
  TrialSyncState sync_state() override;
  void save_sync_state(const TrialSyncState& state) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::sqlite
