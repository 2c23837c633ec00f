// Importing content/ into the store: every page checked first, then all of them
// in one transaction, a new revision only where something changed.
#pragma once

#include "app/content_folder.hpp"
#include "core/result.hpp"
#include "store/store.hpp"

namespace cairn::app {

// The pages under folder.dir, checked against the folder's glossary.
Result<store::ImportReport> import_content(store::Store& store, const ContentFolder& folder);

}  // namespace cairn::app
