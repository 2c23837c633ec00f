// JSON for a response. Strings in it may come from the request (a path, a
// query) and so may not be valid UTF-8: those bytes become U+FFFD instead of
// nlohmann throwing and the visitor getting a 500.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace cairn::app {

inline std::string json_text(const nlohmann::json& value, int indent = -1) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace cairn::app
