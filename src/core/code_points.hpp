// Reading UTF-8 text as Unicode code points, for rules that count characters
// (a 10-character password) rather than bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cairn {

// The code points of valid UTF-8 (no overlong forms, no surrogates); nothing otherwise.
std::optional<std::u32string> decode_utf8(std::string_view text);

// The code point starting at text[i] (i < text.size()) into `cp`; returns its length in
// bytes, or 0 when the bytes there are not valid UTF-8 by the rules above. Inline: search
// reads queries and words a character at a time.
inline std::size_t decode_utf8_at(std::string_view text, std::size_t i, char32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > text.size())
    return 0;
  cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) >> 6) != 0x2)
      return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

}  // namespace cairn
