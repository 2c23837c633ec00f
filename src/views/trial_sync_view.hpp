// The "Clinical trials sync" box on the staff home (/account): when the
// registry sync last ran, whether it reached the last page, what it said and
// how long it took, or that it has never run.
#pragma once

#include <cstdint>
#include <string>

#include "core/safe_html.hpp"
#include "store/trial_sync_store.hpp"

namespace cairn::views {

// "4.1 seconds", "3 minutes 12 seconds".
std::string duration_in_words(std::int64_t ms);

SafeHtml render_trial_sync_box(const store::TrialSyncState& state);

}  // namespace cairn::views
