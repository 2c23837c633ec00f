#include "store/content_hash.hpp"

#include "core/digest.hpp"

namespace cairn::store {

std::string content_hash(std::string_view content) {
  return blake2b_hex(content);
}

}  // namespace cairn::store
