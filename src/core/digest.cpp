#include "core/digest.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace cairn {

std::string blake2b_hex(std::string_view data, std::size_t bytes) {
  if (bytes < crypto_generichash_BYTES_MIN || bytes > crypto_generichash_BYTES_MAX)
    throw std::invalid_argument("a BLAKE2b digest is 16 to 64 bytes");
  std::array<unsigned char, crypto_generichash_BYTES_MAX> digest;
  crypto_generichash(digest.data(), bytes, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), nullptr, 0);
  std::string hex(bytes * 2 + 1, '\0');  // sodium_bin2hex writes a closing NUL
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), bytes);
  hex.pop_back();
  return hex;
}

}  // namespace cairn
