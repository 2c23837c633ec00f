#include "search/snippet.hpp"

namespace cairn::search {

std::string without_markers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != kHighlightStart[0] && c != kHighlightEnd[0])
      out += c;
  }
  return out;
}

SafeHtml snippet_html(std::string_view xapian_snippet) {
  // Undo Xapian's partial escaping, then escape everything ourselves.
  std::string plain;
  plain.reserve(xapian_snippet.size());
  for (std::size_t i = 0; i < xapian_snippet.size();) {
    std::string_view rest = xapian_snippet.substr(i);
    if (rest.starts_with("&amp;")) {
      plain += '&';
      i += 5;
    } else if (rest.starts_with("&lt;")) {
      plain += '<';
      i += 4;
    } else if (rest.starts_with("&gt;")) {
      plain += '>';
      i += 4;
    } else {
      plain += xapian_snippet[i++];
    }
  }
  std::string html;
  html.reserve(plain.size() + 32);
  bool open = false;
  std::size_t run = 0;
  auto flush = [&](std::size_t end) {
    append_escaped(html, std::string_view(plain).substr(run, end - run));
  };
  for (std::size_t i = 0; i < plain.size(); ++i) {
    char c = plain[i];
    if (c != kHighlightStart[0] && c != kHighlightEnd[0])
      continue;
    flush(i);
    run = i + 1;
    if (c == kHighlightStart[0] && !open) {
      html += "<mark>";
      open = true;
    } else if (c == kHighlightEnd[0] && open) {
      html += "</mark>";
      open = false;
    }
  }
  flush(plain.size());
  if (open)
    html += "</mark>";
  return SafeHtml::trusted(std::move(html));
}

}  // namespace cairn::search
