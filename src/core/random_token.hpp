// Unguessable tokens from the operating system's random source (libsodium).
// Not behind an interface on purpose: no test should be able to predict one.
#pragma once

#include <cstddef>
#include <string>

namespace cairn {

// `bytes` random bytes as unpadded base64url: 32 bytes make 43 characters.
std::string random_token(std::size_t bytes = 32);

}  // namespace cairn
