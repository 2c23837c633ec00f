// Markdown to safe HTML (md4c, raw HTML never passed): pages split into sections
// with anchors, expanders and glossary links; plain Markdown for forum posts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/glossary.hpp"
#include "content/page.hpp"
#include "core/safe_html.hpp"

namespace cairn::content {

struct Section {
  std::string id;       // anchor: slugify(heading), "-2" etc. when repeated
  std::string heading;  // plain text (escape it when writing it, e.g. in a contents list)
  SafeHtml html;        // starts with <h2 id="...">
  std::string text;     // plain text of the body of the section, for search
};

struct RenderedPage {
  SafeHtml intro;          // what comes before the first "## "
  std::string intro_text;  // its plain text, for search
  std::vector<Section> sections;
  std::vector<GlossaryEntry> glossary_used;  // terms linked on this page, in page order
  std::vector<std::string> links;            // internal hrefs ("/x", "/x#y") as written, once each
};

// Glossary keys of the page missing from the glossary are skipped here; see
// check_references.
RenderedPage render_page(const Page& page, const Glossary& glossary);

// Plain Markdown (no sections, expanders or glossary) for reuse, e.g. forum posts.
SafeHtml render_markdown_safe(std::string_view markdown);

}  // namespace cairn::content
