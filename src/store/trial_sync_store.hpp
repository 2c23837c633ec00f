// Where the registry sync keeps its progress, so a run cut short carries on from
// its last page and the next one asks only for what changed: one record, read
// and written whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cairn::store {

struct TrialSyncState {
  // The run under way, or the one that stopped part-way (run_started_at empty: none).
  std::string run_started_at;   // ISO 8601 UTC
  std::string run_query;        // which question it asks (trials::RegistryQuery::describe)
  std::string run_since;        // "yyyy-mm-dd" for an incremental run, else empty
  std::string next_page_token;  // where it carries on; empty: the first page
  int pages_done = 0;           // pages of that run already imported

  // The last run that reached the last page: the next run asks for what changed since.
  std::string last_success_started_at;
  std::string last_success_query;

  // The last run, whatever came of it: what staff are shown.
  std::string last_run_finished_at;
  std::string last_result;  // its summary line, or why it stopped
  bool last_ok = false;
  std::int64_t last_duration_ms = 0;

  bool operator==(const TrialSyncState&) const = default;
};

// The columns of trial_sync_state in the order both back ends read them.
inline constexpr std::string_view kTrialSyncColumns =
    "run_started_at, run_query, run_since, next_page_token, pages_done, "
    "last_success_started_at, last_success_query, last_run_finished_at, last_result, last_ok, "
    "last_duration_ms";

class TrialSyncStore {
 public:
  virtual ~TrialSyncStore() = default;
  // All empty before the first sync.
  virtual TrialSyncState sync_state() = 0;
  virtual void save_sync_state(const TrialSyncState& state) = 0;
};

}  // namespace cairn::store
