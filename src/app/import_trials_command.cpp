#include <iostream>
#include <optional>

#include "app/commands.hpp"
#include "app/content_folder.hpp"
#include "app/open_store.hpp"
#include "app/serve_options.hpp"
#include "store/store.hpp"
#include "trials/importer.hpp"

namespace cairn::app {

namespace {

constexpr const char* kUsage =
    "usage: cairn import-trials [--data DIR | --db URL] [--content DIR] PATH...\n";

int run_import(store::TrialStore& store, const trials::TrialScope& scope,
               const std::vector<std::filesystem::path>& paths) {
  trials::Importer importer(store, scope);
  importer.on_rejection([](const trials::Rejection& r) { std::cerr << r.to_string() << "\n"; });
  auto summary = importer.import_paths(paths);
  if (!summary) {
    std::cerr << "cairn import-trials: " << summary.error().message << "\n";
    return 2;
  }
  std::cout << summary->summary_line() << "\n";
  return summary->exit_status();
}

}  // namespace

// cairn import-trials [--data DIR | --db URL] [--content DIR] PATH...: exit 0 when
// every record was read (out-of-scope ones skipped), 1 when any was rejected (the
// others are still imported), 2 for bad usage, an unreadable content folder or a
// database that cannot be reached.
int import_trials_command(const Args& args) {
  auto options = parse_options(args, {"--data", "--db", "--db-pool", "--content"});
  if (!options) {
    std::cerr << "cairn import-trials: " << options.error().message << "\n";
    return 2;
  }
  if (!options->db_url.empty() && names_data_folder(args)) {
    std::cerr << "cairn import-trials: give either --data DIR (SQLite) or --db URL "
                 "(PostgreSQL), not both\n";
    return 2;
  }
  if (options->positional.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  auto scope = ContentFolder::load_trial_scope(options->content_dir);
  if (!scope) {
    std::cerr << "cairn import-trials: " << scope.error().message << "\n";
    return 2;
  }
  std::vector<std::filesystem::path> paths(options->positional.begin(), options->positional.end());
  auto store = open_store(*options, "import-trials");
  if (!store)
    return options->db_url.empty() ? 1 : 2;
  try {
    return run_import(store->trials(), *scope, paths);
  } catch (const std::exception& e) {
    // The batches before the failure are committed; re-running the import
    // finishes the job (unchanged records are left alone).
    std::cerr << "cairn import-trials: the database failed during the import: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace cairn::app
