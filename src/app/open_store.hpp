// The one way a subcommand opens the store named by its options: SQLite in
// --data, or the PostgreSQL that --db names.
#pragma once

#include <memory>
#include <string_view>

#include "app/serve_options.hpp"
#include "store/store.hpp"

namespace cairn::app {

// Opens (creating and migrating as needed) the store; nothing, after printing
// why as `cairn <command>: ...`, when it cannot.
std::unique_ptr<store::Store> open_store(const Options& options, std::string_view command);

}  // namespace cairn::app
