// The registry flags of sync-trials and serve: their defaults, the values they
// take, and the messages for values they refuse.
#include <gtest/gtest.h>

#include "app/serve_options.hpp"
#include "app/trial_sync_setup.hpp"

namespace cairn::app {
namespace {

const std::vector<std::string> kFlags = {
    "--registry", "--registry-interval-ms", "--registry-backoff-ms", "--registry-attempts",
    "--query",    "--sync-trials"};

TEST(TrialSyncOptions, DefaultsAreTheRealRegistryAndNoBackgroundSync) {
  auto o = parse_options({}, kFlags);
  ASSERT_TRUE(o);
  auto settings = registry_settings(*o);
  EXPECT_EQ(settings.registry, "https://clinicaltrials.gov");
  EXPECT_EQ(settings.min_interval, std::chrono::milliseconds(1200));
  EXPECT_EQ(settings.max_attempts, 6);
  EXPECT_FALSE(o->sync_trials_hour);
}

TEST(TrialSyncOptions, TakesARegistryItsPacingAndTheHour) {
  auto o = parse_options({"--registry", "http://127.0.0.1:9000/", "--registry-interval-ms", "0",
                          "--registry-backoff-ms=5", "--registry-attempts", "2", "--query",
                          "leptomeningeal", "--sync-trials", "daily@05"},
                         kFlags);
  ASSERT_TRUE(o) << o.error().message;
  auto settings = registry_settings(*o);
  EXPECT_EQ(settings.registry, "http://127.0.0.1:9000");
  EXPECT_EQ(settings.min_interval, std::chrono::milliseconds(0));
  EXPECT_EQ(settings.first_backoff, std::chrono::milliseconds(5));
  EXPECT_EQ(settings.max_attempts, 2);
  EXPECT_EQ(o->trial_query, "leptomeningeal");
  EXPECT_EQ(o->sync_trials_hour, 5);
  EXPECT_EQ(parse_options({"--sync-trials", "daily"}, kFlags)->sync_trials_hour, 3);
}

TEST(TrialSyncOptions, RefusesWhatItCannotUse) {
  for (std::vector<std::string> args :
       std::vector<std::vector<std::string>>{{"--sync-trials", "hourly"},
                                             {"--sync-trials", "daily@24"},
                                             {"--sync-trials", "daily@"},
                                             {"--registry", "ftp://clinicaltrials.gov"},
                                             {"--registry", "https://clinicaltrials.gov/api/v2"},
                                             {"--registry-attempts", "0"},
                                             {"--registry-interval-ms", "-1"}}) {
    auto o = parse_options(args, kFlags);
    ASSERT_FALSE(o) << args[0] << " " << args[1];
    EXPECT_NE(o.error().message.find(args[0]), std::string::npos) << o.error().message;
  }
}

}  // namespace
}  // namespace cairn::app
