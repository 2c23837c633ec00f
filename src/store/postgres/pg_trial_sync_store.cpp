#include "store/postgres/pg_trial_sync_store.hpp"

#include <string>

namespace cairn::store::postgres {

TrialSyncState PgTrialSyncStore::sync_state() {
  auto db = db_.connect();
  auto r = db.exec(
      "SELECT " + std::string(kTrialSyncColumns) + " FROM trial_sync_state WHERE id = 1", {});
  TrialSyncState state;
  if (r.rows() == 0)
    return state;
  state.run_started_at = r.text(0, 0);
  state.run_query = r.text(0, 1);
  state.run_since = r.text(0, 2);
  state.next_page_token = r.text(0, 3);
  state.pages_done = static_cast<int>(r.integer(0, 4));
  state.last_success_started_at = r.text(0, 5);
  state.last_success_query = r.text(0, 6);
  state.last_run_finished_at = r.text(0, 7);
  state.last_result = r.text(0, 8);
  state.last_ok = r.text(0, 9) == "t";
  state.last_duration_ms = r.integer(0, 10);
  return state;
}

void PgTrialSyncStore::save_sync_state(const TrialSyncState& state) {
  auto db = db_.connect();
  db.exec("INSERT INTO trial_sync_state (id, " + std::string(kTrialSyncColumns) +
              ") VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
              "ON CONFLICT (id) DO UPDATE SET run_started_at = excluded.run_started_at, "
              "run_query = excluded.run_query, run_since = excluded.run_since, "
              "next_page_token = excluded.next_page_token, pages_done = excluded.pages_done, "
              "last_success_started_at = excluded.last_success_started_at, "
              "last_success_query = excluded.last_success_query, "
              "last_run_finished_at = excluded.last_run_finished_at, "
              "last_result = excluded.last_result, last_ok = excluded.last_ok, "
              "last_duration_ms = excluded.last_duration_ms",
          {state.run_started_at, state.run_query, state.run_since, state.next_page_token,
           std::to_string(state.pages_done), state.last_success_started_at,
           state.last_success_query, state.last_run_finished_at, state.last_result,
           state.last_ok ? "true" : "false", std::to_string(state.last_duration_ms)});
}

}  // namespace cairn::store::postgres
