#include "app/live_refresh.hpp"

namespace cairn::app {

void LiveRefresh::run() {
  std::lock_guard lock(mutex_);
  // Trials first: the LM pages show them.
  finder_.refresh();
  if (site_.refresh_if_changed())
    indexer_.update(site_);
}

void LiveRefresh::render_pages() {
  std::lock_guard lock(mutex_);
  site_.refresh();
}

}  // namespace cairn::app
