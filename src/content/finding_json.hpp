// Check findings as they are kept on a page revision: a JSON array of
// {"level", "line", "message"}, without the file (the revision names its page).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/content_checks.hpp"

namespace cairn::content {

std::string findings_to_json(const std::vector<Finding>& findings);
// Nothing for empty or unreadable text; `file` is set on each finding.
std::vector<Finding> findings_from_json(std::string_view text, const std::string& file = {});

}  // namespace cairn::content
