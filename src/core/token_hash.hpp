// The stored form of a secret token (a session cookie, a private answer link):
// only this is kept, so a stolen database yields no usable token.
#pragma once

#include <string>
#include <string_view>

#include "core/digest.hpp"

namespace cairn {

// Hex of the token's BLAKE2b-256 hash: 64 lower-case hex digits.
inline std::string hash_token(std::string_view token) {
  return blake2b_hex(token);
}

}  // namespace cairn
