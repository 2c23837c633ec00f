// The words of a page body as a reader meets them: paragraphs, list items, headings
// and table cells in order, each knowing its section and the file line of every piece.
// Feeds the readability and jargon checks.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "content/page.hpp"

namespace cairn::content {

enum class ProseKind { paragraph, list_item, heading, expander_title, table_cell };

struct ProseUnit {
  ProseKind kind = ProseKind::paragraph;
  size_t section = 0;  // index into PageProse::sections; 0 is the intro
  std::string text;    // Markdown syntax, link targets and code removed; line breaks are spaces
  // (offset in text, file line) where each line of the source starts contributing.
  std::vector<std::pair<size_t, int>> lines;

  // The file line of the character at `offset`.
  int line_at(size_t offset) const;
};

struct ProseSection {
  std::string heading;  // empty for the intro
  int line = 1;         // file line of the "## " heading (of the body's start for the intro)
};

struct ProseLink {
  std::string href;  // as written, e.g. "/about#who", "#sources", "https://..."
  int line = 1;
};

struct PageProse {
  std::vector<ProseUnit> units;        // code is left out
  std::vector<ProseSection> sections;  // [0] the intro, then one per top-level "## "
  std::vector<ProseLink> links;        // every link, in page order
};

PageProse page_prose(const Page& page);

}  // namespace cairn::content
