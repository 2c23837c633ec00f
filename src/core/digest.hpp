// BLAKE2b digests as lower-case hex: content hashes, token hashes and ETags all
// come from this one function.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cairn {

// BLAKE2b (libsodium's generichash) of `data`, `bytes` long (16 to 64), as
// 2 * `bytes` lower-case hex digits. Throws std::invalid_argument for other lengths.
std::string blake2b_hex(std::string_view data, std::size_t bytes = 32);

}  // namespace cairn
