#include "views/trial_sync_view.hpp"

#include <cstdio>

#include "views/editor_views.hpp"
#include "views/html.hpp"

namespace cairn::views {

using namespace literals;

namespace {

void row(Html& h, Markup key, const SafeHtml& value) {
  h << R"(<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">)"_m << key
    << R"(</dt><dd class="nhsuk-summary-list__value">)"_m << value << "</dd></div>"_m;
}

SafeHtml text(std::string_view words) {
  Html h;
  h << words;
  return h.take();
}

}  // namespace

std::string duration_in_words(std::int64_t ms) {
  if (ms < 60'000) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f seconds", static_cast<double>(ms) / 1000.0);
    return seconds;
  }
  const std::int64_t minutes = ms / 60'000, seconds = ms % 60'000 / 1000;
  return std::to_string(minutes) + (minutes == 1 ? " minute " : " minutes ") +
         std::to_string(seconds) + (seconds == 1 ? " second" : " seconds");
}

SafeHtml render_trial_sync_box(const store::TrialSyncState& s) {
  Html h;
  h << R"(<section class="cairn-trial-sync" aria-labelledby="trial-sync"><h2 id="trial-sync">Clinical trials sync</h2>)"_m;
  if (s.last_run_finished_at.empty()) {
    h << R"(<p>Never run. Run <code>cairn sync-trials</code>, or start the server with <code>--sync-trials daily</code> to sync every day.</p></section>
)"_m;
    return h.take();
  }
  h << R"(<dl class="nhsuk-summary-list">)"_m;
  row(h, "Last run"_m, text(format_time(s.last_run_finished_at)));
  Html outcome;
  outcome << (s.last_ok ? R"(<strong class="nhsuk-tag nhsuk-tag--green">OK</strong>)"_m
                        : R"(<strong class="nhsuk-tag nhsuk-tag--red">Failed</strong>)"_m);
  row(h, "Result"_m, outcome.take());
  row(h, "What it did"_m, text(s.last_result));
  row(h, "Took"_m, text(duration_in_words(s.last_duration_ms)));
  h << "</dl></section>\n"_m;
  return h.take();
}

}  // namespace cairn::views
