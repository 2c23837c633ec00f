#include "forum/post_markdown.hpp"

#include <md4c.h>

#include <string>
#include <vector>

#include "core/text.hpp"

namespace cairn::forum {

namespace {

constexpr unsigned kFlags = MD_FLAG_NOHTML | MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_STRIKETHROUGH;

std::string attribute_text(const MD_ATTRIBUTE& a) {
  return a.text ? std::string(a.text, a.size) : std::string();
}

// The address a link may keep, or empty when it may not be a link at all.
std::string allowed_href(std::string href) {
  for (unsigned char c : href) {
    if (c <= 0x20 || c == 0x7F)
      return "";
  }
  std::string lower = to_lower_ascii(href);
  if (lower.starts_with("https://") || lower.starts_with("http://"))
    return href;
  if (lower.starts_with("mailto:"))
    return href;
  // Permissive autolinks arrive without a scheme.
  if (lower.starts_with("www."))
    return "http://" + href;
  if (lower.find(':') == std::string::npos && lower.find('/') == std::string::npos &&
      lower.find('@') != std::string::npos)
    return "mailto:" + href;
  return "";
}

class PostRenderer {
 public:
  explicit PostRenderer(bool plain) : plain_(plain) {}

  std::string take() { return std::move(out_); }

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    if (plain_) {
      if (type != MD_BLOCK_DOC && !out_.empty())
        out_ += ' ';
      return;
    }
    switch (type) {
      case MD_BLOCK_QUOTE:
        out_ += "<blockquote>";
        break;
      case MD_BLOCK_UL:
        out_ += "<ul>";
        break;
      case MD_BLOCK_OL: {
        auto* d = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
        if (d->start != 1) {
          out_ += "<ol start=\"" + std::to_string(d->start) + "\">";
        } else {
          out_ += "<ol>";
        }
        break;
      }
      case MD_BLOCK_LI:
        out_ += "<li>";
        break;
      case MD_BLOCK_HR:
        out_ += "<hr>";
        break;
      // Headings would compete with the page's own: shown as bold paragraphs.
      case MD_BLOCK_H:
        out_ += "<p><strong>";
        break;
      case MD_BLOCK_CODE:
        out_ += "<pre><code>";
        break;
      case MD_BLOCK_P:
        out_ += "<p>";
        break;
      default:
        break;
    }
  }

  void leave_block(MD_BLOCKTYPE type) {
    if (plain_)
      return;
    switch (type) {
      case MD_BLOCK_QUOTE:
        out_ += "</blockquote>\n";
        break;
      case MD_BLOCK_UL:
        out_ += "</ul>\n";
        break;
      case MD_BLOCK_OL:
        out_ += "</ol>\n";
        break;
      case MD_BLOCK_LI:
        out_ += "</li>\n";
        break;
      case MD_BLOCK_H:
        out_ += "</strong></p>\n";
        break;
      case MD_BLOCK_CODE:
        out_ += "</code></pre>\n";
        break;
      case MD_BLOCK_P:
        out_ += "</p>\n";
        break;
      default:
        break;
    }
  }

  void enter_span(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_IMG)
      ++in_image_;
    if (plain_ || in_image_) {
      if (type == MD_SPAN_A)
        links_.push_back(false);
      return;
    }
    switch (type) {
      case MD_SPAN_EM:
        out_ += "<em>";
        break;
      case MD_SPAN_STRONG:
        out_ += "<strong>";
        break;
      case MD_SPAN_CODE:
        out_ += "<code>";
        break;
      case MD_SPAN_DEL:
        out_ += "<del>";
        break;
      case MD_SPAN_A: {
        auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
        std::string href = allowed_href(attribute_text(d->href));
        links_.push_back(!href.empty());
        if (!href.empty()) {
          out_ += "<a href=\"";
          append_escaped(out_, href);
          out_ += "\" rel=\"nofollow ugc\">";
        }
        break;
      }
      default:
        break;
    }
  }

  void leave_span(MD_SPANTYPE type) {
    if (type == MD_SPAN_IMG) {
      --in_image_;
      return;
    }
    if (type == MD_SPAN_A) {
      bool opened = !links_.empty() && links_.back();
      if (!links_.empty())
        links_.pop_back();
      if (opened && !plain_ && !in_image_)
        out_ += "</a>";
      return;
    }
    if (plain_ || in_image_)
      return;
    switch (type) {
      case MD_SPAN_EM:
        out_ += "</em>";
        break;
      case MD_SPAN_STRONG:
        out_ += "</strong>";
        break;
      case MD_SPAN_CODE:
        out_ += "</code>";
        break;
      case MD_SPAN_DEL:
        out_ += "</del>";
        break;
      default:
        break;
    }
  }

  void text(MD_TEXTTYPE type, std::string_view text) {
    switch (type) {
      case MD_TEXT_NULLCHAR:
        out_ += "\xEF\xBF\xBD";
        break;
      case MD_TEXT_BR:
        out_ += plain_ ? " " : "<br>\n";
        break;
      case MD_TEXT_SOFTBR:
        out_ += plain_ ? " " : "\n";
        break;
      default:
        // Entities are shown as typed: "&lt;" reads as "&lt;", never as markup.
        if (plain_) {
          out_ += text;
        } else {
          append_escaped(out_, text);
        }
    }
  }

 private:
  bool plain_;
  int in_image_ = 0;
  std::vector<bool> links_;  // for each open link: whether an <a> was written
  std::string out_;
};

std::string render(std::string_view markdown, bool plain) {
  PostRenderer r(plain);
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = kFlags;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
    static_cast<PostRenderer*>(u)->enter_block(t, d);
    return 0;
  };
  parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) {
    static_cast<PostRenderer*>(u)->leave_block(t);
    return 0;
  };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) {
    static_cast<PostRenderer*>(u)->enter_span(t, d);
    return 0;
  };
  parser.leave_span = [](MD_SPANTYPE t, void*, void* u) {
    static_cast<PostRenderer*>(u)->leave_span(t);
    return 0;
  };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* text, MD_SIZE size, void* u) {
    static_cast<PostRenderer*>(u)->text(t, std::string_view(text, size));
    return 0;
  };
  if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &r) != 0) {
    // Not expected from md4c; fall back to the text, escaped.
    return plain ? std::string(markdown) : "<p>" + escape_html(markdown) + "</p>\n";
  }
  return r.take();
}

}  // namespace

SafeHtml render_post(std::string_view markdown) {
  return SafeHtml::trusted(render(markdown, false));
}

std::string post_text(std::string_view markdown) {
  return squeeze_spaces(render(markdown, true));
}

}  // namespace cairn::forum
