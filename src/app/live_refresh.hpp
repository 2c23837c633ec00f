// Brings this node's caches in step with the store: the trial finder, the
// rendered pages and the search index. The change watcher runs it every few
// hundred milliseconds; publishing a page runs it at once, so the editor who
// publishes sees the new page on the next request.
#pragma once

#include <mutex>

#include "app/site_content.hpp"
#include "app/site_search.hpp"
#include "trials/finder.hpp"

namespace cairn::app {

class LiveRefresh {
 public:
  LiveRefresh(trials::TrialFinder& finder, SiteContent& site, SiteIndexer& indexer)
      : finder_(finder), site_(site), indexer_(indexer) {}

  // One at a time; each caller returns with everything up to date.
  void run();
  // Renders every page again (the trial finder has just loaded: the LM pages list its trials).
  void render_pages();

 private:
  std::mutex mutex_;
  trials::TrialFinder& finder_;
  SiteContent& site_;
  SiteIndexer& indexer_;
};

}  // namespace cairn::app
