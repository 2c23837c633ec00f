// Files from web/ served under /assets/ with a content hash in the name, so
// they can be cached for a year; loaded into memory (and gzipped) at start-up.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace cairn::http {

class StaticAssets {
 public:
  // Reads every file under root. Missing root: no assets (pages still work).
  static StaticAssets load(const std::filesystem::path& root);

  // "css/cairn.css" -> "/assets/css/cairn.1a2b3c4d5e.css"; unknown names map to
  // "/assets/<name>" so a missing file shows as a 404, not a crash.
  std::string url(std::string_view name) const;
  // The response for a GET of an /assets/... path, or nothing.
  std::optional<Response> find(std::string_view path) const;
  std::size_t size() const { return by_url_.size(); }

 private:
  struct Asset {
    std::string content_type;
    SharedBody body;
    SharedBody gzip_body;  // null when not worth compressing
    std::string etag;
    bool hashed = false;
  };
  std::map<std::string, std::string, std::less<>> url_by_name_;
  std::map<std::string, Asset, std::less<>> by_url_;
};

std::string content_type_for(std::string_view file_name);

}  // namespace cairn::http
