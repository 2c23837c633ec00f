#include <iostream>
#include <optional>

#include "app/commands.hpp"
#include "app/content_folder.hpp"
#include "app/open_store.hpp"
#include "app/serve_options.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/postgres_trials.hpp"
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
  // --db is this command's own flag (serve does not take it yet); the rest go
  // to the shared parser.
  Args rest;
  std::optional<std::string> db_url;
  bool data_given = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    std::optional<std::string> value;
    if (a == "--db") {
      if (i + 1 >= args.size()) {
        std::cerr << "cairn import-trials: --db needs a URL, e.g. postgresql://user@host/db\n";
        return 2;
      }
      value = args[++i];
    } else if (a.starts_with("--db=")) {
      value = a.substr(5);
    } else {
      if (a == "--data" || a.starts_with("--data="))
        data_given = true;
      rest.push_back(a);
      continue;
    }
    if (db_url || value->empty()) {
      std::cerr << "cairn import-trials: give --db once, with a URL\n";
      return 2;
    }
    db_url = std::move(value);
  }
  if (db_url && data_given) {
    std::cerr << "cairn import-trials: give either --data DIR (SQLite) or --db URL "
                 "(PostgreSQL), not both\n";
    return 2;
  }
  auto options = parse_options(rest, {"--data", "--content"});
  if (!options) {
    std::cerr << "cairn import-trials: " << options.error().message << "\n";
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
  if (!db_url) {
    auto store = open_store(*options, "import-trials");
    if (!store)
      return 1;
    return run_import(store->trials(), *scope, paths);
  }
  auto store = store::open_postgres_trials(*db_url);
  if (!store) {
    std::cerr << "cairn import-trials: " << store.error().message << "\n";
    return 2;
  }
  try {
    return run_import((*store)->trials(), *scope, paths);
  } catch (const store::postgres::PgError& e) {
    // The batches before the failure are committed; re-running the import
    // finishes the job (unchanged records are left alone).
    std::cerr << "cairn import-trials: the database failed during the import: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace cairn::app
