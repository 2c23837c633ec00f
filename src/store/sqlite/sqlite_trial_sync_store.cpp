#include "store/sqlite/sqlite_trial_sync_store.hpp"

namespace cairn::store::sqlite {

TrialSyncState SqliteTrialSyncStore::sync_state() {
  auto db = db_.connect();
  auto st = db.prepare("SELECT " + std::string(kTrialSyncColumns) +
                       " FROM trial_sync_state WHERE id = 1");
  TrialSyncState state;
  if (!st.step())
    return state;
  state.run_started_at = st.text(0);
  state.run_query = st.text(1);
  state.run_since = st.text(2);
  state.next_page_token = st.text(3);
  state.pages_done = static_cast<int>(st.integer(4));
  state.last_success_started_at = st.text(5);
  state.last_success_query = st.text(6);
  state.last_run_finished_at = st.text(7);
  state.last_result = st.text(8);
  state.last_ok = st.integer(9) != 0;
  state.last_duration_ms = st.integer(10);
  return state;
}

void SqliteTrialSyncStore::save_sync_state(const TrialSyncState& state) {
  auto db = db_.connect();
  db.prepare("INSERT OR REPLACE INTO trial_sync_state (id, " + std::string(kTrialSyncColumns) +
             ") VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, state.run_started_at)
      .bind(2, state.run_query)
      .bind(3, state.run_since)
      .bind(4, state.next_page_token)
      .bind(5, state.pages_done)
      .bind(6, state.last_success_started_at)
      .bind(7, state.last_success_query)
      .bind(8, state.last_run_finished_at)
      .bind(9, state.last_result)
      .bind(10, state.last_ok ? 1 : 0)
      .bind(11, state.last_duration_ms)
      .run();
}

}  // namespace cairn::store::sqlite
