// A strict JSON parser that builds only the object members a filter keeps and
// skips the rest without building anything: study records are mostly results
// and outcomes Cairn never reads, and skipping them is what makes import fast.
#pragma once

#include <functional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.hpp"

namespace cairn::trials {

// Decides whether to keep the member `key` of an object at `depth` (the
// outermost object is depth 1). Skipped values are still checked for syntax.
using KeepMember = bool (*)(int depth, std::string_view key);

// The whole text must be one JSON value (surrounding space allowed). Errors are
// invalid_input: "invalid JSON at byte 120: expected ',' or '}'".
Result<nlohmann::json> parse_json_filtered(std::string_view text, KeepMember keep);

}  // namespace cairn::trials
