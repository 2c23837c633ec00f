#include <iostream>

#include "app/commands.hpp"
#include "app/serve_options.hpp"
#include "store/store.hpp"
#include "trials/importer.hpp"

namespace cairn::app {

// cairn import-trials [--data DIR] PATH...: exit 0 when every record was read,
// 1 when any was rejected (the others are still imported), 2 for bad usage.
int import_trials_command(const Args& args) {
  Args rest;
  for (const auto& a : args) {
    if (a == "--db" || a.starts_with("--db=")) {
      std::cerr << "cairn import-trials: --db (PostgreSQL) is not available in this build; "
                   "use --data DIR\n";
      return 2;
    }
    rest.push_back(a);
  }
  auto options = parse_options(rest, {"--data"});
  if (!options) {
    std::cerr << "cairn import-trials: " << options.error().message << "\n";
    return 2;
  }
  if (options->positional.empty()) {
    std::cerr << "usage: cairn import-trials [--data DIR] PATH...\n";
    return 2;
  }
  std::vector<std::filesystem::path> paths(options->positional.begin(), options->positional.end());
  auto store = store::open_sqlite_store(options->data_dir);
  trials::Importer importer(store->trials());
  importer.on_rejection([](const trials::Rejection& r) { std::cerr << r.to_string() << "\n"; });
  auto summary = importer.import_paths(paths);
  if (!summary) {
    std::cerr << "cairn import-trials: " << summary.error().message << "\n";
    return 2;
  }
  std::cout << summary->summary_line() << "\n";
  return summary->exit_status();
}

}  // namespace cairn::app
