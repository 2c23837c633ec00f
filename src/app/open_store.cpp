#include "app/open_store.hpp"

#include <iostream>

namespace cairn::app {

std::unique_ptr<store::Store> open_store(const Options& options, std::string_view command) {
  try {
    return store::open_sqlite_store(options.data_dir);
  } catch (const std::exception& e) {
    std::cerr << "cairn " << command << ": " << e.what() << "\n";
    return nullptr;
  }
}

}  // namespace cairn::app
