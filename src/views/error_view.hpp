// Pages for when something is not there or went wrong: they help the reader
// on, and never show internal details (only a reference for support).
#pragma once

#include <string>

#include "core/safe_html.hpp"
#include "views/layout.hpp"

namespace cairn::views {

// 404: a search box and the main places to go.
SafeHtml render_not_found(const Chrome& chrome, const std::string& path);
// 500/503: an apology and the request id to quote.
SafeHtml render_server_error(const Chrome& chrome, const std::string& request_id);
// Any other status with a plain message (400, 403, 405, 413, 429, and 503 when busy).
SafeHtml render_problem(const Chrome& chrome, int status, const std::string& message);

}  // namespace cairn::views
