// Cross-checks of loaded content: glossary keys, related pages and internal links
// in page bodies all point at something that exists.
#pragma once

#include <string>
#include <vector>

#include "content/glossary.hpp"
#include "content/page.hpp"
#include "core/result.hpp"

namespace cairn::content {

// app_paths: addresses the app serves that are not pages ("/search", "/trials");
// a link to one of them or below it ("/trials/NCT1") is fine.
// The error lists every problem, one per line: "content/pages/a.md: related page
// '/x' does not exist".
Status check_references(const std::vector<Page>& pages, const Glossary& glossary,
                        const std::vector<std::string>& app_paths = {});

}  // namespace cairn::content
