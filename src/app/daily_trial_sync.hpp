// `serve --sync-trials daily@HH`: the registry sync in the background, once a
// day at that hour in Europe/London. A run is due when none has finished since
// the hour last came round, so a server that was down at the hour, or a data
// folder never synced, syncs as soon as it starts (the HTTP test relies on
// this), and a restart later the same day does not sync again. Runs happen one
// at a time on the task's own thread; the finder takes in what they change
// through the change feed, as after `cairn import-trials`.
#pragma once

#include <chrono>
#include <iosfwd>
#include <string_view>

#include "app/periodic_task.hpp"
#include "app/serve_options.hpp"
#include "core/clock.hpp"
#include "store/store.hpp"
#include "trials/trial_scope.hpp"

namespace cairn::app {

// The latest instant at or before `now` when it was `hour`:00 in Europe/London.
std::chrono::system_clock::time_point latest_sync_hour(int hour,
                                                       std::chrono::system_clock::time_point now);

// The first instant after `now` when it is `hour`:00 in Europe/London.
std::chrono::system_clock::time_point next_sync_hour(int hour,
                                                     std::chrono::system_clock::time_point now);

// Whether a run is due at `now`, given when the last one finished (ISO 8601
// UTC; empty: never), whatever came of it: a failed run waits for the next
// day too, and then carries on from its page.
bool trial_sync_due(int hour, std::string_view last_run_finished_at,
                    std::chrono::system_clock::time_point now);

class DailyTrialSync {
 public:
  // Starts looking at once, then every `check_every`. Each run, and each retry
  // or rejected record in it, is written to `log`.
  DailyTrialSync(store::Store& store, trials::TrialScope scope, const Options& options,
                 const Clock& clock, std::ostream& log,
                 std::chrono::milliseconds check_every = std::chrono::minutes(1));

 private:
  void run_if_due();
  void run();

  store::Store& store_;
  trials::TrialScope scope_;
  const Options& options_;
  const Clock& clock_;
  std::ostream& log_;
  int hour_;
  bool said_next_ = false;  // the next run's time is logged once after each run
  PeriodicTask task_;       // last: its thread starts once the rest is in place
};

}  // namespace cairn::app
