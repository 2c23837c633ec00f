// The digest every store keeps beside stored content (pages, trials), so an
// import can tell "unchanged" (byte-identical) without comparing the content.
#pragma once

#include <string>
#include <string_view>

namespace cairn::store {

// BLAKE2b-256 as lower-case hex (core blake2b_hex).
std::string content_hash(std::string_view content);

}  // namespace cairn::store
