// Keeps the search index in step with the published pages: each section of a
// page is a result of its own; re-indexed only when the pages changed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "app/site_content.hpp"
#include "search/search_index.hpp"

namespace cairn::app {

std::vector<search::Document> page_documents(const std::vector<PageText>& pages);

class PageIndexer {
 public:
  // marker: a file recording which change-feed position the index reflects.
  PageIndexer(search::SearchIndex& index, std::filesystem::path marker)
      : index_(index), marker_(std::move(marker)) {}
  // Re-indexes the pages if they changed since the index was last written;
  // returns true if it did.
  bool update(const SiteContent& site, bool force = false);

 private:
  search::SearchIndex& index_;
  std::filesystem::path marker_;
};

}  // namespace cairn::app
