#include "content/prose.hpp"

#include <md4c.h>

#include <algorithm>
#include <functional>
#include <string_view>

#include "content/body_blocks.hpp"

namespace cairn::content {

namespace {

// The same Markdown dialect the renderer uses (see markdown_html.cpp).
constexpr unsigned kFlags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;

// Walks one Markdown run with md4c and appends its prose to a PageProse. md4c hands
// text over as pointers into the source, which gives each piece its line.
class ProseCollector {
 public:
  ProseCollector(std::string_view markdown, int first_file_line, bool nested, PageProse& out)
      : markdown_(markdown), first_line_(first_file_line), nested_(nested), out_(out) {
    for (size_t i = 0; i < markdown.size(); ++i) {
      if (markdown[i] == '\n')
        newlines_.push_back(i);
    }
    last_line_ = first_file_line;
  }

  void run() {
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = kFlags;
    parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      static_cast<ProseCollector*>(self)->enter_block(type, detail);
      return 0;
    };
    parser.leave_block = [](MD_BLOCKTYPE type, void*, void* self) {
      static_cast<ProseCollector*>(self)->leave_block(type);
      return 0;
    };
    parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
      static_cast<ProseCollector*>(self)->enter_span(type, detail);
      return 0;
    };
    parser.leave_span = [](MD_SPANTYPE type, void*, void* self) {
      if (type == MD_SPAN_IMG || type == MD_SPAN_CODE)
        --static_cast<ProseCollector*>(self)->hidden_depth_;
      return 0;
    };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
      static_cast<ProseCollector*>(self)->text(type, std::string_view(text, size));
      return 0;
    };
    md_parse(markdown_.data(), static_cast<MD_SIZE>(markdown_.size()), &parser, this);
    finish();
  }

 private:
  struct Open {
    MD_BLOCKTYPE type;
    bool holds_text;
    ProseKind kind;
  };

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    if (type == MD_BLOCK_DOC)
      return;
    finish();
    bool in_item = std::any_of(stack_.begin(), stack_.end(),
                               [](const Open& o) { return o.type == MD_BLOCK_LI; });
    Open open{type, true, ProseKind::paragraph};
    switch (type) {
      case MD_BLOCK_H: {
        open.kind = ProseKind::heading;
        unsigned level = static_cast<MD_BLOCK_H_DETAIL*>(detail)->level;
        if (!nested_ && stack_.empty() && level == 2) {
          out_.sections.push_back({"", last_line_});
          section_heading_ = true;
        }
        break;
      }
      case MD_BLOCK_P:
        open.kind = in_item ? ProseKind::list_item : ProseKind::paragraph;
        break;
      case MD_BLOCK_LI:
        open.kind = ProseKind::list_item;
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        open.kind = ProseKind::table_cell;
        break;
      default:  // lists, quotes, tables, rules hold blocks, not text; code is not prose
        open.holds_text = false;
    }
    stack_.push_back(open);
    if (open.holds_text)
      start(open.kind);
  }

  void leave_block(MD_BLOCKTYPE type) {
    if (type == MD_BLOCK_DOC)
      return;
    if (type == MD_BLOCK_H && section_heading_ && stack_.size() == 1) {
      section_heading_ = false;
      // The heading as the contents list shows it.
      std::string heading;
      for (char c : current_.text) {
        if (c == ' ' && (heading.empty() || heading.back() == ' '))
          continue;
        heading += c;
      }
      while (!heading.empty() && heading.back() == ' ') heading.pop_back();
      out_.sections.back().heading = heading;
      if (!current_.lines.empty())
        out_.sections.back().line = current_.lines.front().second;
    }
    finish();
    if (!stack_.empty())
      stack_.pop_back();
    // Text after a nested list inside a list item belongs to the item again.
    if (!stack_.empty() && stack_.back().holds_text)
      start(stack_.back().kind);
  }

  void enter_span(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_IMG || type == MD_SPAN_CODE) {
      ++hidden_depth_;
    } else if (type == MD_SPAN_A && hidden_depth_ == 0) {
      const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
      std::string text;
      if (href.text != nullptr && href.size > 0) {
        text.assign(href.text, href.size);
        line_of(href.text);
      }
      out_.links.push_back({std::move(text), last_line_});
    }
  }

  void text(MD_TEXTTYPE type, std::string_view text) {
    if (!open_ || hidden_depth_ > 0)
      return;
    int line = line_of(text.data());
    switch (type) {
      case MD_TEXT_SOFTBR:
      case MD_TEXT_BR:
        append(" ", line);
        break;
      case MD_TEXT_NULLCHAR:
        break;
      case MD_TEXT_ENTITY:
        append(entity_text(text), line);
        break;
      default:
        append(text, line);
    }
  }

  static std::string_view entity_text(std::string_view entity) {
    if (entity == "&amp;")
      return "&";
    if (entity == "&ndash;" || entity == "&mdash;")
      return "\xE2\x80\x93";
    if (entity == "&quot;")
      return "\"";
    if (entity == "&rsquo;" || entity == "&apos;")
      return "'";
    return " ";
  }

  void start(ProseKind kind) {
    current_ = ProseUnit{};
    current_.kind = kind;
    current_.section = out_.sections.empty() ? 0 : out_.sections.size() - 1;
    open_ = true;
  }

  void finish() {
    if (open_ && current_.text.find_first_not_of(" \t") != std::string::npos) {
      out_.units.push_back(std::move(current_));
    }
    current_ = ProseUnit{};
    open_ = false;
  }

  void append(std::string_view text, int line) {
    if (current_.lines.empty() || current_.lines.back().second != line) {
      current_.lines.emplace_back(current_.text.size(), line);
    }
    current_.text += text;
  }

  // Pieces md4c makes up itself (soft breaks) keep the line of the text before them.
  int line_of(const char* p) {
    std::less<const char*> before;
    const char* begin = markdown_.data();
    const char* end = begin + markdown_.size();
    if (!before(p, begin) && before(p, end)) {
      auto offset = static_cast<size_t>(p - begin);
      auto line = std::upper_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin();
      last_line_ = first_line_ + static_cast<int>(line);
    }
    return last_line_;
  }

  std::string_view markdown_;
  int first_line_;
  bool nested_;
  PageProse& out_;
  std::vector<size_t> newlines_;
  int last_line_;
  std::vector<Open> stack_;
  ProseUnit current_;
  bool open_ = false;
  bool section_heading_ = false;
  int hidden_depth_ = 0;  // inside an image's alt text or a code span: not prose
};

}  // namespace

int ProseUnit::line_at(size_t offset) const {
  int line = lines.empty() ? 1 : lines.front().second;
  for (const auto& [from, at] : lines) {
    if (from > offset)
      break;
    line = at;
  }
  return line;
}

PageProse page_prose(const Page& page) {
  PageProse out;
  out.sections.push_back({"", page.body_line});
  for (const auto& block : split_body(page.markdown).blocks) {
    // block.line is a body line; an expander's Markdown starts on the line after ":::expander".
    int block_line = page.body_line + block.line - 1;
    if (block.expander) {
      ProseUnit title;
      title.kind = ProseKind::expander_title;
      title.section = out.sections.size() - 1;
      title.text = block.title;
      title.lines.emplace_back(0, block_line);
      if (!block.title.empty())
        out.units.push_back(std::move(title));
      ProseCollector(block.markdown, block_line + 1, /*nested=*/true, out).run();
    } else {
      ProseCollector(block.markdown, block_line, /*nested=*/false, out).run();
    }
  }
  return out;
}

}  // namespace cairn::content
