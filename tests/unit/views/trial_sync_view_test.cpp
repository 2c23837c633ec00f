// The staff home's "Clinical trials sync" box: never run, a run that reached
// the last page, and one that stopped part-way, in words a member of staff reads.
#include "views/trial_sync_view.hpp"

#include <gtest/gtest.h>

namespace cairn::views {
namespace {

bool has(const std::string& html, std::string_view part) {
  return html.find(part) != std::string::npos;
}

TEST(TrialSyncBox, SaysWhenItHasNeverRun) {
  auto html = render_trial_sync_box({}).str();
  EXPECT_TRUE(has(html, "<h2 id=\"trial-sync\">Clinical trials sync</h2>"));
  EXPECT_TRUE(has(html, "Never run."));
  EXPECT_FALSE(has(html, "Last run"));
}

TEST(TrialSyncBox, ARunThatReachedTheLastPage) {
  store::TrialSyncState s;
  s.last_run_finished_at = "2026-12-03T03:04:10Z";
  s.last_ok = true;
  s.last_result = "Sync: 3 pages, 10 added, 2 updated, 450 unchanged in 4.1 s";
  s.last_duration_ms = 4100;
  auto html = render_trial_sync_box(s).str();
  EXPECT_TRUE(has(html,
                  "Last run</dt><dd class=\"nhsuk-summary-list__value\">3 December 2026 at "
                  "03:04 UTC</dd>"));
  EXPECT_TRUE(has(html, "<strong class=\"nhsuk-tag nhsuk-tag--green\">OK</strong>"));
  EXPECT_TRUE(has(html, ">Sync: 3 pages, 10 added, 2 updated, 450 unchanged in 4.1 s</dd>"));
  EXPECT_TRUE(has(html, "Took</dt><dd class=\"nhsuk-summary-list__value\">4.1 seconds</dd>"));
  EXPECT_FALSE(has(html, "Never run"));
}

TEST(TrialSyncBox, ARunThatStoppedSaysWhyEscaped) {
  store::TrialSyncState s;
  s.last_run_finished_at = "2026-12-03T03:10:00Z";
  s.last_ok = false;
  s.last_result = "Sync stopped at page 3: the registry answered <HTTP 500>";
  s.last_duration_ms = 192'000;
  auto html = render_trial_sync_box(s).str();
  EXPECT_TRUE(has(html, "<strong class=\"nhsuk-tag nhsuk-tag--red\">Failed</strong>"));
  EXPECT_TRUE(has(html, "the registry answered &lt;HTTP 500&gt;"));
  EXPECT_FALSE(has(html, "<HTTP 500>"));
  EXPECT_TRUE(has(html, ">3 minutes 12 seconds</dd>"));
}

TEST(TrialSyncBox, DurationsInWords) {
  EXPECT_EQ(duration_in_words(0), "0.0 seconds");
  EXPECT_EQ(duration_in_words(59'949), "59.9 seconds");
  EXPECT_EQ(duration_in_words(61'000), "1 minute 1 second");
  EXPECT_EQ(duration_in_words(3'725'000), "62 minutes 5 seconds");
}

}  // namespace
}  // namespace cairn::views
