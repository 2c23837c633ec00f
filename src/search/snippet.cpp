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

namespace {

// Xapian's snippets escape only & < >: this undoes that.
std::string xapian_unescaped(std::string_view text) {
  std::string plain;
  plain.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::string_view rest = text.substr(i);
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
      plain += text[i++];
    }
  }
  return plain;
}

}  // namespace

std::string from_sentence_start(std::string_view snippet, std::string_view text,
                                std::size_t max_extra) {
  constexpr std::string_view kOmitted = "\u2026";
  if (!snippet.starts_with(kOmitted))
    return std::string(snippet);
  std::string_view rest = snippet.substr(kOmitted.size());
  // The snippet's first words as they are in the text: markers out, Xapian's escapes undone.
  std::string plain = without_markers(xapian_unescaped(rest)).substr(0, 40);
  std::size_t at = plain.empty() ? std::string_view::npos : text.find(plain);
  if (at == std::string_view::npos)
    return std::string(snippet);
  std::size_t start = at;
  while (start > 0 && at - start <= max_extra) {
    char before = text[start - 1];
    if (before == '\n' || (before == ' ' && start >= 2 &&
                           (text[start - 2] == '.' || text[start - 2] == '?' ||
                            text[start - 2] == '!' || text[start - 2] == ':')))
      break;
    --start;
  }
  if (at - start > max_extra)
    return std::string(snippet);
  std::string out;
  for (char c : text.substr(start, at - start)) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  out += rest;
  return out;
}

SafeHtml snippet_html(std::string_view xapian_snippet) {
  // Undo Xapian's partial escaping, then escape everything ourselves.
  std::string plain = xapian_unescaped(xapian_snippet);
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

SafeHtml leading_html(std::string_view text, std::size_t max_bytes) {
  std::string html;
  if (text.size() <= max_bytes) {
    append_escaped(html, text);
    return SafeHtml::trusted(std::move(html));
  }
  std::size_t cut = text.find_last_of(" \t\n", max_bytes);
  if (cut == std::string_view::npos || cut < max_bytes / 2) {
    // No space near the end: cut between two characters (never inside one).
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string_view kept = text.substr(0, cut);
  while (!kept.empty() && (kept.back() == ' ' || kept.back() == '\t' || kept.back() == '\n'))
    kept.remove_suffix(1);
  append_escaped(html, kept);
  html += "\u2026";
  return SafeHtml::trusted(std::move(html));
}

}  // namespace cairn::search
