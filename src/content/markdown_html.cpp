#include "content/markdown_html.hpp"

#include <md4c.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/safe_html.hpp"
#include "core/text.hpp"

namespace cairn::content {

namespace {

// CommonMark with tables and strikethrough; raw HTML is shown as text, and bare
// URLs are not guessed at.
constexpr unsigned kFlags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

struct NamedEntity {
  std::string_view name;
  char32_t code;
};
// The entities editors actually type; any other is passed through for the browser.
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},
    {"lt", '<'},
    {"gt", '>'},
    {"quot", '"'},
    {"apos", '\''},
    {"nbsp", 0xA0},
    {"ndash", 0x2013},
    {"mdash", 0x2014},
    {"hellip", 0x2026},
    {"lsquo", 0x2018},
    {"rsquo", 0x2019},
    {"ldquo", 0x201C},
    {"rdquo", 0x201D},
    {"copy", 0xA9},
    {"reg", 0xAE},
    {"trade", 0x2122},
    {"deg", 0xB0},
    {"plusmn", 0xB1},
    {"times", 0xD7},
    {"divide", 0xF7},
    {"middot", 0xB7},
    {"bull", 0x2022},
    {"pound", 0xA3},
    {"euro", 0x20AC},
    {"micro", 0xB5},
    {"frac12", 0xBD},
    {"le", 0x2264},
    {"ge", 0x2265},
    {"shy", 0xAD},
    {"eacute", 0xE9},
    {"rarr", 0x2192},
    {"larr", 0x2190},
    // Punctuation that could hide a URL scheme: "javascript&colon;".
    {"colon", ':'},
    {"sol", '/'},
    {"Tab", '\t'},
    {"NewLine", '\n'},
    {"lpar", '('},
    {"rpar", ')'},
    {"period", '.'},
    {"num", '#'},
    {"quest", '?'},
    {"excl", '!'},
    {"percnt", '%'},
    {"semi", ';'},
};

// A character reference's code point; U+FFFD for those HTML replaces (NUL,
// surrogates, past U+10FFFF).
void append_referenced(std::string& out, char32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    out += kReplacementChar;
  } else {
    append_utf8(out, cp);
  }
}

// "&#233;", "&#xE9;", "&eacute;" -> "é"; nothing for names not in the table.
std::optional<std::string> decode_entity(std::string_view e) {
  if (e.size() < 3 || e.front() != '&' || e.back() != ';')
    return std::nullopt;
  std::string_view body = e.substr(1, e.size() - 2);
  std::string out;
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8)
      return std::nullopt;
    char32_t cp = 0;
    for (char c : digits) {
      int v = hex ? hex_digit_value(c) : c >= '0' && c <= '9' ? c - '0' : -1;
      if (v < 0)
        return std::nullopt;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
    }
    append_referenced(out, cp);
    return out;
  }
  for (const auto& named : kEntities) {
    if (named.name == body) {
      append_referenced(out, named.code);
      return out;
    }
  }
  return std::nullopt;
}

// "&name;" with a plain ASCII name: safe to hand to the browser as it is.
bool is_named_entity(std::string_view e) {
  if (e.size() < 3 || e.front() != '&' || e.back() != ';')
    return false;
  for (char c : e.substr(1, e.size() - 2)) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return true;
}

std::string attribute_text(const MD_ATTRIBUTE& a) {
  std::string out;
  // md4c leaves empty attributes (an indented code block's language) without offsets.
  if (a.size == 0 || a.text == nullptr || a.substr_offsets == nullptr)
    return out;
  for (unsigned i = 0; a.substr_offsets[i] < a.size; ++i) {
    std::string_view piece(a.text + a.substr_offsets[i],
                           a.substr_offsets[i + 1] - a.substr_offsets[i]);
    switch (a.substr_types[i]) {
      case MD_TEXT_ENTITY:
        if (auto d = decode_entity(piece)) {
          out += *d;
        } else {
          out += piece;
        }
        break;
      case MD_TEXT_NULLCHAR:
        out += kReplacementChar;
        break;
      default:
        out += piece;
    }
  }
  return out;
}

enum class UrlUse { link, image };

// Only http, https, mailto and tel (links) or http, https (images), or no scheme at all
// ("/page", "#id", "page"). Browsers ignore control characters and spaces inside a
// scheme ("java\tscript:"), so those are removed before looking.
bool url_allowed(std::string_view url, UrlUse use) {
  std::string squeezed;
  for (char c : url) {
    auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u != 0x7F)
      squeezed += static_cast<char>(std::tolower(u));
  }
  size_t colon = squeezed.find(':');
  if (colon == std::string::npos)
    return true;
  size_t stop = squeezed.find_first_of("/?#");
  if (stop != std::string::npos && stop < colon)
    return true;
  std::string_view scheme = std::string_view(squeezed).substr(0, colon);
  if (scheme == "http" || scheme == "https")
    return true;
  return use == UrlUse::link && (scheme == "mailto" || scheme == "tel");
}

// A URL inside a double-quoted attribute: characters that do not belong in URLs are
// percent-encoded, & and ' become entities.
void append_url(std::string& out, std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : url) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F ||
        std::string_view("\"<>\\^`{|}").find(c) != std::string_view::npos) {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\'') {
      out += "&#39;";
    } else {
      out += c;
    }
  }
}

bool internal_path(std::string_view href) {
  return href.size() >= 1 && href[0] == '/' &&
         (href.size() == 1 || (href[1] != '/' && href[1] != '\\'));
}

bool is_word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

int enter_block_cb(MD_BLOCKTYPE type, void* detail, void* self) {
  static_cast<MarkdownHtml*>(self)->enter_block(type, detail);
  return 0;
}
int leave_block_cb(MD_BLOCKTYPE type, void* detail, void* self) {
  static_cast<MarkdownHtml*>(self)->leave_block(type, detail);
  return 0;
}
int enter_span_cb(MD_SPANTYPE type, void* detail, void* self) {
  static_cast<MarkdownHtml*>(self)->enter_span(type, detail);
  return 0;
}
int leave_span_cb(MD_SPANTYPE type, void* detail, void* self) {
  static_cast<MarkdownHtml*>(self)->leave_span(type, detail);
  return 0;
}
int text_cb(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
  static_cast<MarkdownHtml*>(self)->text(type, std::string_view(text, size));
  return 0;
}

}  // namespace

// ---- TermLinker

TermLinker::TermLinker(const std::vector<std::string>& keys, const Glossary& glossary) {
  std::set<std::string_view> seen;
  for (const auto& key : keys) {
    const GlossaryEntry* entry = glossary.find(key);
    if (!entry || !seen.insert(entry->key).second)
      continue;
    ++key_count_;
    for (const auto& m : entry->matches) {
      if (m.empty())
        continue;
      bool upper = false, lower = false;
      for (char c : m) {
        upper = upper || (c >= 'A' && c <= 'Z');
        lower = lower || (c >= 'a' && c <= 'z');
      }
      // Abbreviations like CSF match only in capitals, so "csf" in a word list does not.
      bool case_sensitive = upper && !lower;
      patterns_.push_back({entry, case_sensitive ? m : to_lower_ascii(m), case_sensitive});
    }
  }
}

void TermLinker::append(std::string& out, std::string_view text) {
  if (done_.size() == key_count_) {
    append_escaped(out, text);
    return;
  }
  // Soft line breaks count as spaces, so "cerebrospinal\nfluid" matches.
  std::string spaced(text);
  for (char& c : spaced) c = c == '\n' ? ' ' : c;
  const std::string lowered = to_lower_ascii(spaced);

  size_t pos = 0;
  for (;;) {
    size_t best = std::string::npos, best_len = 0;
    const Pattern* best_pattern = nullptr;
    for (const auto& p : patterns_) {
      if (done_.count(p.entry->key))
        continue;
      std::string_view hay = p.case_sensitive ? spaced : lowered;
      for (size_t at = hay.find(p.text, pos); at != std::string::npos && at <= best;
           at = hay.find(p.text, at + 1)) {
        size_t end = at + p.text.size();
        bool starts_word = is_word_byte(p.text.front()) && at > 0 && is_word_byte(hay[at - 1]);
        bool ends_word = is_word_byte(p.text.back()) && end < hay.size() && is_word_byte(hay[end]);
        if (starts_word || ends_word)
          continue;
        if (at < best || p.text.size() > best_len) {
          best = at;
          best_len = p.text.size();
          best_pattern = &p;
        }
        break;
      }
    }
    if (!best_pattern)
      break;
    append_escaped(out, text.substr(pos, best - pos));
    // Linked once a page, so "use-<key>" is where "Back to where you were"
    // in the word list returns to.
    out += "<a class=\"cairn-term\" href=\"#term-";
    append_escaped(out, best_pattern->entry->key);
    out += "\" id=\"use-";
    append_escaped(out, best_pattern->entry->key);
    out += "\">";
    append_escaped(out, text.substr(best, best_len));
    out += "</a>";
    done_.insert(best_pattern->entry->key);
    used_.push_back(*best_pattern->entry);
    pos = best + best_len;
  }
  append_escaped(out, text.substr(pos));
}

// ---- MarkdownHtml

void MarkdownHtml::render(std::string_view markdown, bool nested) {
  nested_ = nested;
  depth_ = 0;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = kFlags;
  parser.enter_block = enter_block_cb;
  parser.leave_block = leave_block_cb;
  parser.enter_span = enter_span_cb;
  parser.leave_span = leave_span_cb;
  parser.text = text_cb;
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, this);
  flush();
}

namespace {

// Whitespace runs -> one space, except between blocks (a list item, a paragraph): a line
// break there, so the text keeps where one item ends and the next begins (a search snippet
// starts at a sentence or an item, never in the middle of one).
std::string blocks_and_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      out += c;
      ++i;
      continue;
    }
    int breaks = 0;
    for (; i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r');
         ++i)
      breaks += text[i] == '\n';
    out += breaks >= 2 ? '\n' : ' ';
  }
  return out;
}

}  // namespace

std::vector<RenderedPart> MarkdownHtml::take_parts() {
  flush();
  for (auto& part : parts_) part.text = blocks_and_spaces(trim(part.text));
  return std::move(parts_);
}

void MarkdownHtml::open_expander(std::string_view title) {
  flush();
  std::string& out = html();
  out +=
      "<details class=\"nhsuk-details nhsuk-expander\">\n<summary "
      "class=\"nhsuk-details__summary\"><span class=\"nhsuk-details__summary-text\">";
  append_escaped(out, title);
  out += "</span></summary>\n<div class=\"nhsuk-details__text\">\n";
  plain() += title;
  plain() += '\n';
}

void MarkdownHtml::close_expander() {
  flush();
  html() += "</div>\n</details>\n";
}

void MarkdownHtml::flush() {
  if (pending_.empty())
    return;
  if (terms_ && no_terms_ == 0 && image_depth_ == 0) {
    terms_->append(html(), pending_);
  } else {
    append_escaped(html(), pending_);
  }
  plain() += pending_;
  pending_.clear();
}

void MarkdownHtml::start_section() {
  std::string heading = squeeze_spaces(trim(heading_text_));
  std::string base = slugify(heading);
  if (base.empty())
    base = "section";
  std::string id = base;
  for (int n = 2; !ids_.insert(id).second; ++n) id = base + "-" + std::to_string(n);
  RenderedPart part;
  part.id = id;
  part.heading = heading;
  part.html = "<h2 id=\"" + id + "\">" + heading_html_ + "</h2>\n";
  parts_.push_back(std::move(part));
}

void MarkdownHtml::enter_block(int type, void* detail) {
  flush();
  if (type == MD_BLOCK_DOC)
    return;
  const bool top = depth_ == 0;
  ++depth_;
  std::string& out = html();
  switch (type) {
    case MD_BLOCK_QUOTE:
      out += "<blockquote>\n";
      break;
    case MD_BLOCK_UL:
      out += "<ul>\n";
      break;
    case MD_BLOCK_OL: {
      unsigned start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
      out += start == 1 ? std::string("<ol>\n") : "<ol start=\"" + std::to_string(start) + "\">\n";
      break;
    }
    case MD_BLOCK_LI:
      out += "<li>";
      break;
    case MD_BLOCK_HR:
      out += "<hr>\n";
      break;
    case MD_BLOCK_H: {
      unsigned level = static_cast<MD_BLOCK_H_DETAIL*>(detail)->level;
      ++no_terms_;
      if (sections_ && !nested_ && top && level == 2) {
        capturing_ = true;
        heading_html_.clear();
        heading_text_.clear();
      } else {
        out += "<h" + std::to_string(level) + ">";
      }
      break;
    }
    case MD_BLOCK_CODE: {
      ++no_terms_;
      std::string lang = attribute_text(static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->lang);
      out += "<pre><code";
      if (!lang.empty()) {
        out += " class=\"language-";
        append_escaped(out, lang);
        out += '"';
      }
      out += '>';
      break;
    }
    case MD_BLOCK_P:
      out += "<p>";
      break;
    case MD_BLOCK_TABLE:
      out += "<div class=\"nhsuk-table-container\">\n<table class=\"nhsuk-table\">\n";
      break;
    case MD_BLOCK_THEAD:
      out += "<thead class=\"nhsuk-table__head\">\n";
      break;
    case MD_BLOCK_TBODY:
      out += "<tbody class=\"nhsuk-table__body\">\n";
      break;
    case MD_BLOCK_TR:
      out += "<tr class=\"nhsuk-table__row\">\n";
      break;
    case MD_BLOCK_TH:
      out += "<th class=\"nhsuk-table__header\" scope=\"col\">";
      break;
    case MD_BLOCK_TD:
      out += "<td class=\"nhsuk-table__cell\">";
      break;
    default:
      break;  // MD_BLOCK_HTML never comes with MD_FLAG_NOHTML
  }
}

void MarkdownHtml::leave_block(int type, void* detail) {
  flush();
  if (type == MD_BLOCK_DOC)
    return;
  --depth_;
  std::string& out = html();
  switch (type) {
    case MD_BLOCK_QUOTE:
      out += "</blockquote>\n";
      break;
    case MD_BLOCK_UL:
      out += "</ul>\n";
      break;
    case MD_BLOCK_OL:
      out += "</ol>\n";
      break;
    case MD_BLOCK_LI:
      out += "</li>\n";
      break;
    case MD_BLOCK_H:
      --no_terms_;
      if (capturing_) {
        capturing_ = false;
        start_section();
      } else {
        out += "</h" + std::to_string(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level) + ">\n";
      }
      break;
    case MD_BLOCK_CODE:
      --no_terms_;
      out += "</code></pre>\n";
      break;
    case MD_BLOCK_P:
      out += "</p>\n";
      break;
    case MD_BLOCK_TABLE:
      out += "</table>\n</div>\n";
      break;
    case MD_BLOCK_THEAD:
      out += "</thead>\n";
      break;
    case MD_BLOCK_TBODY:
      out += "</tbody>\n";
      break;
    case MD_BLOCK_TR:
      out += "</tr>\n";
      break;
    case MD_BLOCK_TH:
      out += "</th>\n";
      break;
    case MD_BLOCK_TD:
      out += "</td>\n";
      break;
    default:
      break;
  }
  // Two: a block's end, told apart from a soft line break (one) in take_parts.
  plain() += "\n\n";
}

void MarkdownHtml::enter_span(int type, void* detail) {
  flush();
  if (image_depth_ > 0) {
    // Inside alt text only the words count.
    if (type == MD_SPAN_IMG)
      ++image_depth_;
    return;
  }
  std::string& out = html();
  switch (type) {
    case MD_SPAN_EM:
      out += "<em>";
      break;
    case MD_SPAN_STRONG:
      out += "<strong>";
      break;
    case MD_SPAN_DEL:
      out += "<del>";
      break;
    case MD_SPAN_CODE:
      ++no_terms_;
      out += "<code>";
      break;
    case MD_SPAN_A: {
      auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
      std::string href = attribute_text(d->href);
      ++no_terms_;
      bool keep = url_allowed(href, UrlUse::link);
      link_kept_.push_back(keep);
      if (!keep)
        break;  // the words stay, the address goes
      if (internal_path(href) && std::find(links_.begin(), links_.end(), href) == links_.end()) {
        links_.push_back(href);
      }
      out += "<a href=\"";
      append_url(out, href);
      out += '"';
      if (std::string title = attribute_text(d->title); !title.empty()) {
        out += " title=\"";
        append_escaped(out, title);
        out += '"';
      }
      out += '>';
      break;
    }
    case MD_SPAN_IMG: {
      auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
      std::string src = attribute_text(d->src);
      ++image_depth_;
      ++no_terms_;
      image_kept_ = url_allowed(src, UrlUse::image);
      image_title_ = attribute_text(d->title);
      if (!image_kept_)
        break;  // the alt text is shown instead
      out += "<img src=\"";
      append_url(out, src);
      out += "\" alt=\"";
      break;
    }
    default:
      break;
  }
}

void MarkdownHtml::leave_span(int type, void*) {
  flush();
  if (image_depth_ > 0) {
    if (type == MD_SPAN_IMG && --image_depth_ == 0) {
      --no_terms_;
      if (image_kept_) {
        std::string& out = html();
        out += '"';
        if (!image_title_.empty()) {
          out += " title=\"";
          append_escaped(out, image_title_);
          out += '"';
        }
        out += '>';
      }
    }
    return;
  }
  std::string& out = html();
  switch (type) {
    case MD_SPAN_EM:
      out += "</em>";
      break;
    case MD_SPAN_STRONG:
      out += "</strong>";
      break;
    case MD_SPAN_DEL:
      out += "</del>";
      break;
    case MD_SPAN_CODE:
      --no_terms_;
      out += "</code>";
      break;
    case MD_SPAN_A:
      --no_terms_;
      if (!link_kept_.empty()) {
        if (link_kept_.back())
          out += "</a>";
        link_kept_.pop_back();
      }
      break;
    default:
      break;
  }
}

void MarkdownHtml::text(int type, std::string_view text) {
  switch (type) {
    case MD_TEXT_NULLCHAR:
      pending_ += kReplacementChar;
      break;
    case MD_TEXT_SOFTBR:
      pending_ += '\n';
      break;
    case MD_TEXT_BR:
      if (image_depth_ > 0) {
        pending_ += ' ';
      } else {
        flush();
        html() += "<br>\n";
        plain() += '\n';
      }
      break;
    case MD_TEXT_ENTITY:
      if (auto decoded = decode_entity(text)) {
        pending_ += *decoded;
      } else {
        flush();
        if (is_named_entity(text)) {
          html() += text;
        } else {
          append_escaped(html(), text);
        }
        plain() += text;
      }
      break;
    default:  // normal text, code, and anything else: escaped on the way out
      pending_ += text;
  }
}

}  // namespace cairn::content
