// Rendered pages kept in memory, plain and gzipped, with their ETag: a page
// view is a look-up here and touches no database. Replaced whole on change.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "http/body_file.hpp"
#include "http/message.hpp"

namespace cairn::http {

struct CachedPage {
  std::string content_type;
  SharedBody body;
  SharedBody gzip_body;
  std::string etag;
  // The same two bodies in `file`, when make_cached_page was given one.
  FileSpan body_file;
  FileSpan gzip_file;
};

// Builds the cached form of a body: gzip at the highest level and an ETag from
// its content; with a `file`, both bodies are written to it too, for sendfile.
CachedPage make_cached_page(std::string body, std::string content_type, BodyFile* file = nullptr);

class PageCache {
 public:
  using Pages = std::map<std::string, CachedPage, std::less<>>;

  void replace_all(Pages pages);
  std::optional<CachedPage> find(std::string_view key) const;
  std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Pages> pages_ = std::make_shared<const Pages>();
};

Response cached_response(const CachedPage& page);

}  // namespace cairn::http
