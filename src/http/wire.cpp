#include "http/wire.hpp"

#include "core/text.hpp"
#include "http/compression.hpp"

namespace cairn::http {

namespace {

// Bodies smaller than this gain little from gzip.
constexpr std::size_t kMinCompressSize = 860;

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (etag.empty())
    return false;
  for (const auto& part : split(if_none_match, ',')) {
    auto tag = trim(part);
    if (tag.starts_with("W/"))
      tag.remove_prefix(2);
    if (tag == "*" || tag == etag)
      return true;
  }
  return false;
}

}  // namespace

const Headers& security_headers() {
  static const Headers kHeaders = {
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
       "object-src 'none'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "strict-origin-when-cross-origin"},
      {"X-Frame-Options", "DENY"},
      {"Permissions-Policy",
       "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
  return kHeaders;
}

WireResponse to_wire(const Request& request, Response response) {
  WireResponse wire;
  wire.status = response.status;
  wire.head_only = request.method == "HEAD";
  wire.fixed_headers = &security_headers();
  wire.headers.reserve(response.headers.size() + 6);  // the most added below
  for (auto& header : response.headers) wire.headers.push_back(std::move(header));

  std::string cache_control = response.cache_control;
  if (cache_control.empty())
    cache_control = "no-cache";
  wire.headers.emplace_back("Cache-Control", cache_control);
  if (!response.etag.empty())
    wire.headers.emplace_back("ETag", response.etag);

  bool can_compress = is_compressible(response.content_type);
  if (can_compress)
    wire.headers.emplace_back("Vary", "Accept-Encoding");

  if ((request.method == "GET" || request.method == "HEAD") && response.status == 200 &&
      etag_matches(request.header("If-None-Match"), response.etag)) {
    wire.status = 304;
    return wire;
  }

  wire.headers.emplace_back("Content-Type", response.content_type);
  SharedBody body = response.shared_body;
  bool gzip = can_compress && accepts_gzip(request.header("Accept-Encoding"));
  if (gzip && response.shared_gzip_body) {
    body = response.shared_gzip_body;
    wire.file = std::move(response.gzip_file);
  } else if (gzip && response.plain_body().size() >= kMinCompressSize) {
    body = std::make_shared<const std::string>(gzip_compress(response.plain_body()));
  } else {
    gzip = false;
    if (body)
      wire.file = std::move(response.body_file);
    else
      body = std::make_shared<const std::string>(std::move(response.body));
  }
  if (gzip)
    wire.headers.emplace_back("Content-Encoding", "gzip");
  wire.headers.emplace_back("Content-Length", std::to_string(body->size()));
  wire.body = std::move(body);
  return wire;
}

}  // namespace cairn::http
