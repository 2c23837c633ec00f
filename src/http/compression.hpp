// gzip for text bodies, so phones on slow networks download less.
#pragma once

#include <string>
#include <string_view>

namespace cairn::http {

std::string gzip_compress(std::string_view data, int level = 6);
std::string gzip_decompress(std::string_view data);  // for tests
// Text types worth compressing; images and already-compressed types are not.
bool is_compressible(std::string_view content_type);
// True if an Accept-Encoding header allows gzip (q>0).
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace cairn::http
