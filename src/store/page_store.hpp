// Where page revisions live: every import or edit that changes a page adds a
// revision; readers get the published one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace cairn::store {

struct PageRevision {
  std::string path;
  int revision = 0;
  std::string content;  // the page as JSON (content::page_to_json)
  std::string content_hash;
  std::string author;
  std::string created_at;
};

struct PageImport {
  std::string path;
  std::string content;
};

struct ImportReport {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
};

class PageStore {
 public:
  virtual ~PageStore() = default;
  // All pages in one transaction: a page whose content changed gets a new
  // published revision; an unchanged page is left alone.
  virtual ImportReport import_pages(const std::vector<PageImport>& pages,
                                    const std::string& author) = 0;
  virtual std::vector<PageRevision> published_pages() = 0;
  virtual std::optional<PageRevision> published_page(const std::string& path) = 0;
  virtual std::vector<PageRevision> revisions(const std::string& path) = 0;
};

// A growing number that changes whenever anything a node caches changes, so
// every node can tell when to refresh its page cache and index.
class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;
  virtual std::int64_t latest() = 0;
};

}  // namespace cairn::store
