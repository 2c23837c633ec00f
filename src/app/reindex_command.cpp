#include <iostream>

#include "app/commands.hpp"
#include "app/serve_options.hpp"
#include "app/services.hpp"
#include "app/site_content.hpp"
#include "app/site_search.hpp"
#include "http/static_assets.hpp"

namespace cairn::app {

// Rebuilds the search index from the store. Run it while no `cairn serve`
// uses the same data folder (the index allows one writer).
int reindex_command(const Args& args) {
  auto options = parse_options(args, {"--data", "--db", "--db-pool", "--content"});
  if (!options) {
    std::cerr << "cairn reindex: " << options.error().message << "\n";
    return 2;
  }
  SystemClock clock;
  auto services = Services::open(*options, clock, "reindex", std::cerr);
  if (!services)
    return 2;
  const ContentFolder& content = services->content();
  http::StaticAssets no_assets;
  SiteContent site(
      {services->store(), content.settings, content.glossary, no_assets, content.helpline, clock});
  site.refresh();
  auto index = search::SearchIndex::open(options->data_dir / "search", content.synonyms);
  if (!index) {
    std::cerr << "cairn reindex: " << index.error().message << "\n";
    return 1;
  }
  SiteIndexer(**index, services->store(), options->data_dir / "search" / "indexed.seq")
      .update(site, true);
  std::cout << "reindexed: " << (*index)->document_count() << " documents\n";
  return 0;
}

}  // namespace cairn::app
