#include <iostream>

#include <nlohmann/json.hpp>

#include "app/commands.hpp"
#include "app/content_import.hpp"
#include "app/open_store.hpp"
#include "app/serve_options.hpp"

namespace cairn::app {

int import_content_command(const Args& args) {
  auto options = parse_options(args, {"--data", "--db", "--db-pool", "--content"});
  if (!options) {
    std::cerr << "cairn import-content: " << options.error().message << "\n";
    return 2;
  }
  auto folder = ContentFolder::load(options->content_dir);
  if (!folder) {
    std::cerr << folder.error().message << "\n"
              << "cairn import-content: nothing imported\n";
    return 1;
  }
  auto store = open_store(*options, "import-content");
  if (!store)
    return 1;
  auto report = import_content(*store, *folder);
  if (!report) {
    std::cerr << report.error().message << "\n"
              << "cairn import-content: nothing imported\n";
    return 1;
  }
  std::cout << "imported content: " << report->added << " added, " << report->updated
            << " updated, " << report->unchanged << " unchanged\n";
  for (const auto& path : report->kept_editor_versions) {
    std::cout << "kept " << path
              << ": editors published a newer version in the browser (see /staff/content)\n";
  }
  return 0;
}

int migrate_command(const Args& args) {
  auto options = parse_options(args, {"--data", "--db", "--db-pool"});
  if (!options) {
    std::cerr << "cairn migrate: " << options.error().message << "\n";
    return 2;
  }
  if (!open_store(*options, "migrate"))
    return 1;
  std::cout << "database schema is up to date\n";
  return 0;
}

}  // namespace cairn::app
