// `cairn sync-trials` without the command line: keeps the trial store current
// from the registry. The first run asks for every current trial in the site's
// scope; later ones ask only for studies updated since the last complete run,
// whatever their status, so a trial that closed leaves the finder. Each page is
// imported as it arrives and the place reached is saved, so a run that stops
// part-way keeps its pages and the next run carries on from the next one.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/sleeper.hpp"
#include "store/trial_store.hpp"
#include "store/trial_sync_store.hpp"
#include "trials/importer.hpp"
#include "trials/registry_client.hpp"
#include "trials/trial_scope.hpp"

namespace cairn::trials {

struct SyncSummary {
  int pages = 0;  // imported by this run
  ImportSummary records;
  std::string since;      // "yyyy-mm-dd" when only changes were asked for
  int resumed_after = 0;  // pages an earlier, unfinished run had imported
  int retries = 0;
  std::int64_t duration_ms = 0;

  // "Sync: 3 pages, 10 added, 2 updated, 450 unchanged, 3 skipped (not cancer),
  // 0 rejected in 4.1 s (changes since 2026-12-02)".
  std::string summary_line() const;
  // What `cairn sync-trials` exits with after a complete run: 1 when a record was rejected.
  int exit_status() const { return records.exit_status(); }
};

class RegistrySync {
 public:
  // `scope` is the site's; the sync keeps only its current trials. `sleeper`
  // times the runs (the client paces requests with its own).
  RegistrySync(store::TrialStore& trials, store::TrialSyncStore& state, RegistryClient& client,
               TrialScope scope, const Clock& clock, const Sleeper& sleeper);

  void on_rejection(std::function<void(const Rejection&)> listener) {
    rejection_listener_ = std::move(listener);
  }

  // Runs to the last page. `term` is the operator's own words for query.term;
  // a different term from the last run's is a different question, asked in full.
  // An error says where the run stopped and why; what it imported stays, and
  // the state says where to carry on.
  Result<SyncSummary> run(const std::string& term = {});

 private:
  RegistryQuery full_query(const std::string& term) const;

  store::TrialStore& trials_;
  store::TrialSyncStore& state_;
  RegistryClient& client_;
  TrialScope scope_;
  const Clock& clock_;
  const Sleeper& sleeper_;
  std::function<void(const Rejection&)> rejection_listener_;
};

// The day before an ISO 8601 instant's UTC day ("2026-12-03T03:00:00Z" ->
// "2026-12-02"); empty when it is not one.
std::string day_before(std::string_view iso_instant);

}  // namespace cairn::trials
