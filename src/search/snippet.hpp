// Search result snippets as HTML: the document text escaped, the matched words in <mark>.
#pragma once

#include <string>
#include <string_view>

#include "core/safe_html.hpp"

namespace cairn::search {

// Markers handed to Xapian::MSet::snippet() around matched words. They are control
// characters, which document text never keeps (see without_markers), so markup can only come
// from us.
inline constexpr std::string_view kHighlightStart = "\x02";
inline constexpr std::string_view kHighlightEnd = "\x03";

// The text with the marker characters removed: what is handed to snippet().
std::string without_markers(std::string_view text);

// Xapian's snippet (which escapes only & < >) as fully escaped HTML with <mark> around the
// highlighted words.
SafeHtml snippet_html(std::string_view xapian_snippet);

}  // namespace cairn::search
