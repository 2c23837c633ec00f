#include <iostream>

#include "app/commands.hpp"
#include "app/serve_options.hpp"
#include "app/site_config.hpp"
#include "app/site_content.hpp"
#include "app/site_search.hpp"
#include "http/static_assets.hpp"

namespace cairn::app {

// Rebuilds the search index from the store. Run it while no `cairn serve`
// uses the same data folder (the index allows one writer).
int reindex_command(const Args& args) {
  auto options = parse_options(args, {"--data", "--content"});
  if (!options) {
    std::cerr << "cairn reindex: " << options.error().message << "\n";
    return 2;
  }
  auto config = load_site_config(options->content_dir);
  if (!config) {
    std::cerr << "cairn reindex: " << config.error().message << "\n";
    return 2;
  }
  auto synonyms = search::Synonyms::load(options->content_dir / "synonyms.yaml");
  if (!synonyms) {
    std::cerr << "cairn reindex: " << synonyms.error().message << "\n";
    return 2;
  }
  auto store = store::open_sqlite_store(options->data_dir);
  http::StaticAssets no_assets;
  SystemClock clock;
  SiteContent site({*store, config->settings, config->glossary, no_assets, config->helpline, clock});
  site.refresh();
  auto index = search::SearchIndex::open(options->data_dir / "search", std::move(synonyms.value()));
  if (!index) {
    std::cerr << "cairn reindex: " << index.error().message << "\n";
    return 1;
  }
  SiteIndexer(**index, *store, options->data_dir / "search" / "indexed.seq").update(site, true);
  std::cout << "reindexed: " << (*index)->document_count() << " documents\n";
  return 0;
}

}  // namespace cairn::app
