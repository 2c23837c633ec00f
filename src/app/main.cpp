// cairn: the one binary. `cairn serve`, `cairn import-content`, `cairn migrate`, ...
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.hpp"

namespace {

void usage(std::ostream& out) {
  out << "usage: cairn <command> [options]\n\n"
         "commands:\n"
         "  serve            serve the site (--listen HOST:PORT, --data DIR, --content DIR,\n"
         "                   --threads N, --web DIR)\n"
         "  import-content   import content/ pages into the store (--data DIR, --content DIR)\n"
         "  migrate          bring the database schema up to date (--data DIR)\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "help") {
    usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "serve") return cairn::app::serve_command(args);
    if (command == "import-content") return cairn::app::import_content_command(args);
    if (command == "migrate") return cairn::app::migrate_command(args);
  } catch (const std::exception& e) {
    std::cerr << "cairn " << command << ": " << e.what() << "\n";
    return 1;
  }
  std::cerr << "cairn: unknown command '" << command << "'\n";
  usage(std::cerr);
  return 2;
}
