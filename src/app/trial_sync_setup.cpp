#include "app/trial_sync_setup.hpp"

#include <cstdio>

#include "trials/curl_registry_transport.hpp"

namespace cairn::app {

trials::RegistrySettings registry_settings(const Options& options) {
  trials::RegistrySettings settings;
  settings.registry = options.registry_url;
  settings.min_interval = std::chrono::milliseconds(options.registry_interval_ms);
  settings.first_backoff = std::chrono::milliseconds(options.registry_backoff_ms);
  settings.max_attempts = options.registry_attempts;
  return settings;
}

Result<trials::SyncSummary> sync_trials(store::TrialStore& trials, store::TrialSyncStore& state,
                                        const trials::TrialScope& scope, const Options& options,
                                        const Clock& clock, Sleeper& sleeper,
                                        const std::function<void(const std::string&)>& say) {
  trials::CurlRegistryTransport transport;
  trials::RegistryClient client(transport, sleeper, registry_settings(options));
  client.on_retry([&](const std::string& why, std::chrono::milliseconds wait) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", static_cast<double>(wait.count()) / 1000.0);
    say(why + "; asking again in " + seconds + " s");
  });
  trials::RegistrySync sync(trials, state, client, scope, clock, sleeper);
  sync.on_rejection([&](const trials::Rejection& r) { say(r.to_string()); });
  return sync.run(options.trial_query);
}

}  // namespace cairn::app
