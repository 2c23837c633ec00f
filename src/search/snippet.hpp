// Search result snippets as HTML: the document text escaped, the matched words in <mark>.
#pragma once

#include <cstddef>
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

// Xapian's snippet starts wherever its window of text begins, mid-sentence ("…cure LM."
// from "Treatment does not usually cure LM."), which can say the opposite of the text.
// This gives it back the start of its sentence from `text` (what the snippet was made
// from), when that is at most `max_extra` bytes back; else the snippet as it was.
std::string from_sentence_start(std::string_view xapian_snippet, std::string_view text,
                                std::size_t max_extra);
// Xapian's snippet (which escapes only & < >) as fully escaped HTML with <mark> around the
// highlighted words.
SafeHtml snippet_html(std::string_view xapian_snippet);

// The start of the text, cut at a space to at most max_bytes with "\u2026" after it, as
// escaped HTML: the snippet of a text with no matched word (a summary, say, shown for a
// section found by its page's title).
SafeHtml leading_html(std::string_view text, std::size_t max_bytes);

}  // namespace cairn::search
