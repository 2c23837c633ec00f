#include "app/open_store.hpp"

#include <iostream>

namespace cairn::app {

std::unique_ptr<store::Store> open_store(const Options& options, std::string_view command) {
  try {
    if (options.db_url.empty())
      return store::open_sqlite_store(options.data_dir);
    auto store = store::open_postgres_store(options.db_url, options.db_pool);
    if (!store) {
      std::cerr << "cairn " << command << ": " << store.error().message << "\n";
      return nullptr;
    }
    return std::move(store.value());
  } catch (const std::exception& e) {
    std::cerr << "cairn " << command << ": " << e.what() << "\n";
    return nullptr;
  }
}

}  // namespace cairn::app
