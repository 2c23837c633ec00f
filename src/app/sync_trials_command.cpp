#include <iostream>
#include <optional>

#include "app/commands.hpp"
#include "app/content_folder.hpp"
#include "app/open_store.hpp"
#include "app/serve_options.hpp"
#include "app/trial_sync_setup.hpp"

namespace cairn::app {

namespace {

constexpr const char* kUsage =
    "usage: cairn sync-trials [--data DIR | --db URL] [--registry URL] [--query TEXT] [--content "
    "DIR]\n"
    "                         [--registry-interval-ms N] [--registry-backoff-ms N] "
    "[--registry-attempts N]\n";

}  // namespace

// cairn sync-trials: exit 0 when the run reached the last page, 1 when it
// stopped part-way (the pages before stay; the next run carries on) or a record
// was rejected, 2 for bad usage, an unreadable content folder or a store that
// cannot be opened.
int sync_trials_command(const Args& args) {
  auto options = parse_options(
      args, {"--data", "--db", "--db-pool", "--content", "--registry", "--query",
             "--registry-interval-ms", "--registry-backoff-ms", "--registry-attempts"});
  if (!options) {
    std::cerr << "cairn sync-trials: " << options.error().message << "\n" << kUsage;
    return 2;
  }
  if (!options->db_url.empty() && names_data_folder(args)) {
    std::cerr << "cairn sync-trials: give either --data DIR (SQLite) or --db URL (PostgreSQL), "
                 "not both\n";
    return 2;
  }
  if (!options->positional.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  auto scope = ContentFolder::load_trial_scope(options->content_dir);
  if (!scope) {
    std::cerr << "cairn sync-trials: " << scope.error().message << "\n";
    return 2;
  }
  SystemClock clock;
  ThreadSleeper sleeper;
  auto say = [](const std::string& line) { std::cerr << "cairn sync-trials: " << line << "\n"; };
  auto report = [](const Result<trials::SyncSummary>& summary) {
    if (!summary) {
      std::cerr << "cairn sync-trials: " << summary.error().message << "\n";
      return 1;
    }
    std::cout << summary->summary_line() << "\n";
    return summary->exit_status();
  };
  auto store = open_store(*options, "sync-trials");
  if (!store)
    return 2;
  try {
    return report(
        sync_trials(store->trials(), store->trial_sync(), *scope, *options, clock, sleeper, say));
  } catch (const std::exception& e) {
    // The pages before the failure are kept, and the place reached: a rerun carries on.
    std::cerr << "cairn sync-trials: the database failed during the sync: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace cairn::app
