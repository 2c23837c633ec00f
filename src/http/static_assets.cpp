#include "http/static_assets.hpp"

#include <fstream>
#include <sstream>

#include "core/digest.hpp"
#include "http/compression.hpp"

namespace cairn::http {

namespace {

std::string short_hash(std::string_view data) {
  return blake2b_hex(data, 16).substr(0, 12);
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

std::string content_type_for(std::string_view name) {
  auto ends = [&](std::string_view ext) { return name.ends_with(ext); };
  if (ends(".css"))
    return "text/css; charset=utf-8";
  if (ends(".js") || ends(".mjs"))
    return "application/javascript; charset=utf-8";
  if (ends(".svg"))
    return "image/svg+xml";
  if (ends(".png"))
    return "image/png";
  if (ends(".ico"))
    return "image/x-icon";
  if (ends(".woff2"))
    return "font/woff2";
  if (ends(".json"))
    return "application/json; charset=utf-8";
  if (ends(".txt"))
    return "text/plain; charset=utf-8";
  if (ends(".html"))
    return "text/html; charset=utf-8";
  return "application/octet-stream";
}

StaticAssets StaticAssets::load(const std::filesystem::path& root) {
  StaticAssets assets;
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec))
    return assets;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file())
      continue;
    std::string name = std::filesystem::relative(entry.path(), root).generic_string();
    if (name.ends_with(".map"))
      continue;
    std::string data = read_file(entry.path());
    std::string hash = short_hash(data);
    auto dot = name.rfind('.');
    auto slash = name.rfind('/');
    std::string hashed_name =
        (dot == std::string::npos || (slash != std::string::npos && dot < slash))
            ? name + "." + hash
            : name.substr(0, dot) + "." + hash + name.substr(dot);
    Asset asset;
    asset.content_type = content_type_for(name);
    asset.etag = "\"" + hash + "\"";
    if (is_compressible(asset.content_type) && data.size() > 860) {
      asset.gzip_body = std::make_shared<const std::string>(gzip_compress(data, 9));
    }
    asset.body = std::make_shared<const std::string>(std::move(data));
    std::string url = "/assets/" + hashed_name;
    assets.url_by_name_[name] = url;
    asset.hashed = true;
    assets.by_url_[url] = asset;
    // The plain name too, for references from CSS, with a short cache life.
    asset.hashed = false;
    assets.by_url_["/assets/" + name] = asset;
  }
  return assets;
}

std::string StaticAssets::url(std::string_view name) const {
  auto it = url_by_name_.find(name);
  return it != url_by_name_.end() ? it->second : "/assets/" + std::string(name);
}

std::optional<Response> StaticAssets::find(std::string_view path) const {
  auto it = by_url_.find(path);
  if (it == by_url_.end())
    return std::nullopt;
  const Asset& a = it->second;
  Response r;
  r.content_type = a.content_type;
  r.shared_body = a.body;
  r.shared_gzip_body = a.gzip_body;
  r.etag = a.etag;
  r.cache_control = a.hashed ? "public, max-age=31536000, immutable" : "public, max-age=3600";
  return r;
}

}  // namespace cairn::http
