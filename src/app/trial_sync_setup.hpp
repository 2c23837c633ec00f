// The one way the registry sync is put together from the command line's
// options, for `cairn sync-trials` and `serve --sync-trials`.
#pragma once

#include <functional>
#include <string>

#include "app/serve_options.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/sleeper.hpp"
#include "store/store.hpp"
#include "trials/registry_client.hpp"
#include "trials/registry_sync.hpp"
#include "trials/trial_scope.hpp"

namespace cairn::app {

trials::RegistrySettings registry_settings(const Options& options);

// One sync of the trials over HTTPS (libcurl), its progress kept in `state`.
// `say` hears each retry and rejected record, as a line for the operator or the log.
Result<trials::SyncSummary> sync_trials(store::TrialStore& trials, store::TrialSyncStore& state,
                                        const trials::TrialScope& scope, const Options& options,
                                        const Clock& clock, Sleeper& sleeper,
                                        const std::function<void(const std::string&)>& say);

}  // namespace cairn::app
