// /search (HTML), /api/v1/search (JSON) and /api/v1/suggest (as you type).
#pragma once

#include "app/routes.hpp"
#include "app/site_content.hpp"
#include "search/search_index.hpp"

namespace cairn::app {

void add_search_routes(Routes& routes, const search::SearchIndex& index, const SiteContent& site);

}  // namespace cairn::app
