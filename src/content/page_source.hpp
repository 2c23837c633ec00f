// A page written back out as the file an editor would write in content/pages/:
// YAML front matter between "---" lines, then the Markdown body. Editors edit
// this text in the browser; parse_page reads it back to the same page.
#pragma once

#include <string>

#include "content/page.hpp"

namespace cairn::content {

std::string page_source(const Page& page);

}  // namespace cairn::content
