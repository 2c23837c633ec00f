#include "http/page_cache.hpp"

#include "core/digest.hpp"
#include "http/compression.hpp"

namespace cairn::http {

CachedPage make_cached_page(std::string body, std::string content_type, BodyFile* file) {
  CachedPage page;
  page.content_type = std::move(content_type);
  page.etag = "\"" + blake2b_hex(body, 16) + "\"";
  page.gzip_body = std::make_shared<const std::string>(gzip_compress(body, 9));
  page.body = std::make_shared<const std::string>(std::move(body));
  if (file) {
    page.body_file = file->append(*page.body);
    page.gzip_file = file->append(*page.gzip_body);
  }
  return page;
}

void PageCache::replace_all(Pages pages) {
  auto fresh = std::make_shared<const Pages>(std::move(pages));
  std::lock_guard lock(mutex_);
  pages_ = std::move(fresh);
}

std::optional<CachedPage> PageCache::find(std::string_view key) const {
  std::shared_ptr<const Pages> pages;
  {
    std::lock_guard lock(mutex_);
    pages = pages_;
  }
  auto it = pages->find(key);
  if (it == pages->end())
    return std::nullopt;
  return it->second;
}

std::size_t PageCache::size() const {
  std::lock_guard lock(mutex_);
  return pages_->size();
}

Response cached_response(const CachedPage& page) {
  Response r;
  r.content_type = page.content_type;
  r.shared_body = page.body;
  r.shared_gzip_body = page.gzip_body;
  r.etag = page.etag;
  r.body_file = page.body_file;
  r.gzip_file = page.gzip_file;
  return r;
}

}  // namespace cairn::http
