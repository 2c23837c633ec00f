#include "content/render.hpp"

#include "content/body_blocks.hpp"
#include "content/markdown_html.hpp"

namespace cairn::content {

RenderedPage render_page(const Page& page, const Glossary& glossary) {
  TermLinker terms(page.glossary, glossary);
  MarkdownHtml renderer(/*sections=*/true, &terms);
  // parse_page has already reported broken expanders; render what is there.
  for (const auto& block : split_body(page.markdown).blocks) {
    if (block.expander) {
      renderer.open_expander(block.title);
      renderer.render(block.markdown, /*nested=*/true);
      renderer.close_expander();
    } else {
      renderer.render(block.markdown, /*nested=*/false);
    }
  }

  RenderedPage out;
  auto parts = renderer.take_parts();
  out.intro = SafeHtml::trusted(std::move(parts[0].html));
  out.intro_text = std::move(parts[0].text);
  for (size_t i = 1; i < parts.size(); ++i) {
    out.sections.push_back(Section{std::move(parts[i].id), std::move(parts[i].heading),
                                   SafeHtml::trusted(std::move(parts[i].html)),
                                   std::move(parts[i].text)});
  }
  out.glossary_used = terms.used();
  out.links = renderer.links();
  return out;
}

SafeHtml render_markdown_safe(std::string_view markdown) {
  MarkdownHtml renderer(/*sections=*/false, nullptr);
  renderer.render(markdown, /*nested=*/false);
  return SafeHtml::trusted(std::move(renderer.take_parts()[0].html));
}

}  // namespace cairn::content
