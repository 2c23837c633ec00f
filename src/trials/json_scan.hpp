// Finding the end of a JSON string's plain run eight bytes at a time: study records are
// mostly long strings, so reading and writing them is most of what import does.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace cairn::trials {

namespace json_scan_detail {
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// High bit set in the lowest byte of `word` that is '"', '\\' or a control character;
// bits above it may be wrong (borrows), so only the lowest one counts.
inline std::uint64_t special_bytes(std::uint64_t word) {
  auto zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighBits; };
  std::uint64_t quote = zero_byte(word ^ (kOnes * '"'));
  std::uint64_t backslash = zero_byte(word ^ (kOnes * '\\'));
  std::uint64_t control = (word - kOnes * 0x20) & ~word & kHighBits;
  return quote | backslash | control;
}
}  // namespace json_scan_detail

// Where the first '"', '\\' or control character (below 0x20) at or after `from` is, or
// s.size() if there is none: the characters that end a string's plain run in JSON.
inline std::size_t find_json_special(std::string_view s, std::size_t from) {
  std::size_t i = from;
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (std::uint64_t found = json_scan_detail::special_bytes(word))
        return i + static_cast<std::size_t>(std::countr_zero(found)) / 8;
    }
  }
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\' || c < 0x20)
      break;
  }
  return i;
}

// True when no byte has its high bit set, so the text is UTF-8 without checking further.
inline bool is_ascii(std::string_view s) {
  std::uint64_t any = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    any |= word;
  }
  for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
  return (any & json_scan_detail::kHighBits) == 0;
}

}  // namespace cairn::trials
