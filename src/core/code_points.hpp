// Reading UTF-8 text as Unicode code points, for rules that count characters
// (a 10-character password) rather than bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cairn {

// The code points of valid UTF-8 (no overlong forms, no surrogates); nothing otherwise.
std::optional<std::u32string> decode_utf8(std::string_view text);

}  // namespace cairn
