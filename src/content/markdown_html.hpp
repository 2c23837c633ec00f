// The md4c callback renderer behind render_page and render_markdown_safe: escapes
// all text, drops unsafe link schemes, splits "## " sections and links glossary
// terms on first use. Internal to cairn_content.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "content/glossary.hpp"

namespace cairn::content {

// Wraps the first use of each of a page's glossary terms in text it is given.
class TermLinker {
 public:
  TermLinker() = default;
  TermLinker(const std::vector<std::string>& keys, const Glossary& glossary);

  // Appends text escaped, with first uses wrapped as <a class="cairn-term" href="#term-KEY">.
  void append(std::string& out, std::string_view text);
  const std::vector<GlossaryEntry>& used() const { return used_; }

 private:
  struct Pattern {
    const GlossaryEntry* entry;
    std::string text;  // lower-cased unless case_sensitive
    bool case_sensitive;
  };
  std::vector<Pattern> patterns_;
  size_t key_count_ = 0;
  std::set<std::string, std::less<>> done_;
  std::vector<GlossaryEntry> used_;
};

struct RenderedPart {
  std::string id, heading;  // empty for the intro
  std::string html, text;
};

class MarkdownHtml {
 public:
  // sections: split top-level "## " headings into parts with ids.
  MarkdownHtml(bool sections, TermLinker* terms) : sections_(sections), terms_(terms) {
    parts_.emplace_back();
  }

  // nested: inside an expander, where "## " starts no section.
  void render(std::string_view markdown, bool nested);
  void open_expander(std::string_view title);
  void close_expander();

  // The intro (always first) and one part per section; text with whitespace squeezed.
  std::vector<RenderedPart> take_parts();
  const std::vector<std::string>& links() const { return links_; }

  // md4c callbacks (public so the C trampolines can reach them).
  void enter_block(int type, void* detail);
  void leave_block(int type, void* detail);
  void enter_span(int type, void* detail);
  void leave_span(int type, void* detail);
  void text(int type, std::string_view text);

 private:
  std::string& html() { return capturing_ ? heading_html_ : parts_.back().html; }
  std::string& plain() { return capturing_ ? heading_text_ : parts_.back().text; }
  void flush();
  void start_section();

  bool sections_;
  TermLinker* terms_;
  std::vector<RenderedPart> parts_;
  std::vector<std::string> links_;
  std::set<std::string> ids_;
  std::string pending_;  // text not yet written, so terms split by soft breaks still match
  bool nested_ = false;
  int depth_ = 0;           // open blocks below the document
  bool capturing_ = false;  // inside a section's "## " heading
  std::string heading_html_, heading_text_;
  int no_terms_ = 0;             // inside headings, links, images and code
  int image_depth_ = 0;          // inside an image's alt text: text only, no tags
  std::vector<bool> link_kept_;  // per open link: was an <a> written
  bool image_kept_ = false;
  std::string image_title_;
};

}  // namespace cairn::content
