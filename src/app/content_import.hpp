// Importing content/ into the store: every page checked first, then all of them
// in one transaction, a new revision only where something changed.
#pragma once

#include <filesystem>

#include "core/result.hpp"
#include "store/store.hpp"

namespace cairn::app {

Result<store::ImportReport> import_content(store::Store& store,
                                           const std::filesystem::path& content_dir);

}  // namespace cairn::app
