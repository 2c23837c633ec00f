#include <iostream>

#include "app/commands.hpp"
#include "app/content_folder.hpp"
#include "app/open_store.hpp"
#include "app/serve_options.hpp"
#include "app/trial_sync_setup.hpp"

namespace cairn::app {

namespace {

constexpr const char* kUsage =
    "usage: cairn sync-trials [--data DIR] [--registry URL] [--query TEXT] [--content DIR]\n"
    "                         [--registry-interval-ms N] [--registry-backoff-ms N] "
    "[--registry-attempts N]\n";

}  // namespace

// cairn sync-trials: exit 0 when the run reached the last page, 1 when it
// stopped part-way (the pages before stay; the next run carries on) or a record
// was rejected, 2 for bad usage, an unreadable content folder or a store that
// cannot be opened.
int sync_trials_command(const Args& args) {
  for (const auto& a : args) {
    if (a == "--db" || a.starts_with("--db=")) {
      std::cerr << "cairn sync-trials: --db (PostgreSQL) is not supported yet; sync into "
                   "--data DIR (SQLite)\n";
      return 2;
    }
  }
  auto options =
      parse_options(args, {"--data", "--content", "--registry", "--query", "--registry-interval-ms",
                           "--registry-backoff-ms", "--registry-attempts"});
  if (!options) {
    std::cerr << "cairn sync-trials: " << options.error().message << "\n" << kUsage;
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
  auto store = open_store(*options, "sync-trials");
  if (!store)
    return 2;
  SystemClock clock;
  ThreadSleeper sleeper;
  auto summary = sync_trials(*store, *scope, *options, clock, sleeper, [](const std::string& line) {
    std::cerr << "cairn sync-trials: " << line << "\n";
  });
  if (!summary) {
    std::cerr << "cairn sync-trials: " << summary.error().message << "\n";
    return 1;
  }
  std::cout << summary->summary_line() << "\n";
  return summary->exit_status();
}

}  // namespace cairn::app
