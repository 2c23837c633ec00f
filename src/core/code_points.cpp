#include "core/code_points.hpp"

namespace cairn {

std::optional<std::u32string> decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t len = decode_utf8_at(text, i, cp);
    if (len == 0)
      return std::nullopt;
    out.push_back(cp);
    i += len;
  }
  return out;
}

}  // namespace cairn
