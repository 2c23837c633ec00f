#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "content/glossary.hpp"
#include "content/page.hpp"
#include "content/render.hpp"
#include "fixtures.hpp"

namespace cairn::content {
namespace {

using testing::data_dir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::read_fixture;

// render/NAME.md must render to exactly render/NAME.html.
TEST(RenderMarkdownSafe, MatchesTheExpectedHtmlFiles) {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir() / "render")) {
    if (entry.path().extension() != ".md")
      continue;
    const std::string stem = entry.path().stem().string();
    SCOPED_TRACE(stem);
    std::string html = render_markdown_safe(read_fixture("render/" + stem + ".md")).str();
    EXPECT_EQ(html, read_fixture("render/" + stem + ".html"));
    ++checked;
  }
  EXPECT_GE(checked, 4);
}

TEST(RenderMarkdownSafe, HostileMarkdownCannotRunScriptOrAddMarkup) {
  std::string html = render_markdown_safe(read_fixture("render/hostile.md")).str();
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("<b>")));
  EXPECT_THAT(html, Not(HasSubstr("<!--")));
  EXPECT_THAT(html, Not(HasSubstr("href=\"javascript")));
  EXPECT_THAT(html, Not(HasSubstr("href=\"JAVASCRIPT")));
  EXPECT_THAT(html, Not(HasSubstr("vbscript:")));
  EXPECT_THAT(html, Not(HasSubstr("data:")));
  EXPECT_THAT(html, Not(HasSubstr("\" onmouseover")));
  EXPECT_THAT(html, Not(HasSubstr("\" onclick")));
  // The words of a dropped link stay readable.
  EXPECT_THAT(html, HasSubstr("plain js"));
}

TEST(RenderMarkdownSafe, AllowedSchemesKeepTheirLinks) {
  std::string html = render_markdown_safe(read_fixture("render/links.md")).str();
  for (std::string href :
       {"https://www.nhs.uk/conditions/", "http://example.org", "mailto:nurse@example.org",
        "tel:08088004040", "/about-cancer/treatment", "#symptoms", "other-page"}) {
    EXPECT_THAT(html, HasSubstr("href=\"" + href + "\"")) << href;
  }
  // Bare URLs are not guessed into links.
  EXPECT_THAT(html, Not(HasSubstr("href=\"https://not-a-link")));
}

TEST(RenderMarkdownSafe, SecondLevelHeadingsGetNoSectionAnchors) {
  std::string html = render_markdown_safe("## Hello\n\ntext\n").str();
  EXPECT_EQ(html, "<h2>Hello</h2>\n<p>text</p>\n");
}

TEST(RenderMarkdownSafe, ExpanderSyntaxIsPlainTextOutsidePages) {
  std::string html = render_markdown_safe(":::expander X\nhi\n:::\n").str();
  EXPECT_THAT(html, Not(HasSubstr("<details")));
}

class RenderPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto g = load_glossary(data_dir() / "glossary/glossary.yaml");
    ASSERT_TRUE(g.ok()) << g.error().message;
    glossary_ = std::move(g).value();
    auto p = parse_page(read_fixture("pages/good.md"), "good.md", "/lm");
    ASSERT_TRUE(p.ok()) << p.error().message;
    page_ = std::move(p).value();
    rendered_ = render_page(page_, glossary_);
  }

  std::string all_html() const {
    std::string html = rendered_.intro.str();
    for (const auto& s : rendered_.sections) html += s.html.str();
    return html;
  }

  Glossary glossary_;
  Page page_;
  RenderedPage rendered_;
};

TEST_F(RenderPageTest, SplitsSectionsAtSecondLevelHeadingsWithUniqueAnchors) {
  ASSERT_EQ(rendered_.sections.size(), 3u);
  EXPECT_EQ(rendered_.sections[0].id, "what-are-the-symptoms");
  EXPECT_EQ(rendered_.sections[0].heading, "What are the symptoms?");
  EXPECT_EQ(rendered_.sections[1].id, "how-is-lm-treated");
  EXPECT_EQ(rendered_.sections[2].id, "how-is-lm-treated-2");
  EXPECT_TRUE(rendered_.sections[0].html.str().starts_with(
      "<h2 id=\"what-are-the-symptoms\">What are the symptoms?</h2>\n"));
  EXPECT_TRUE(rendered_.sections[2].html.str().starts_with(
      "<h2 id=\"how-is-lm-treated-2\">How is LM treated?</h2>"));
  // Lower headings stay inside their section.
  EXPECT_THAT(rendered_.sections[0].html.str(), HasSubstr("<h3>Rarer symptoms</h3>"));
}

TEST_F(RenderPageTest, TextBeforeTheFirstSectionIsTheIntro) {
  EXPECT_TRUE(rendered_.intro.str().starts_with("<p>"));
  EXPECT_THAT(rendered_.intro.str(), Not(HasSubstr("<h2")));
  EXPECT_THAT(rendered_.intro_text, HasSubstr("Doctors may call it LM"));
  EXPECT_THAT(rendered_.intro_text, Not(HasSubstr("symptoms")));
}

TEST_F(RenderPageTest, SectionTextIsPlainAndComplete) {
  const std::string& text = rendered_.sections[1].text;
  EXPECT_THAT(text, HasSubstr("Breast cancer Treatment may include intrathecal chemotherapy"));
  // Blocks (here table cells) stay apart, a line each: search snippets start at one.
  EXPECT_THAT(text, HasSubstr("Methotrexate\nInto the CSF"));
  EXPECT_THAT(text, HasSubstr("Lung & other cancers"));
  EXPECT_THAT(text, Not(HasSubstr("<")));
  EXPECT_THAT(text, Not(HasSubstr("  ")));
}

TEST_F(RenderPageTest, ExpandersBecomeNhsDetailsWithEscapedTitles) {
  const std::string& html = rendered_.sections[1].html.str();
  EXPECT_THAT(html,
              HasSubstr("<details class=\"nhsuk-details nhsuk-expander\">\n"
                        "<summary class=\"nhsuk-details__summary\"><span "
                        "class=\"nhsuk-details__summary-text\">Breast cancer</span></summary>\n"
                        "<div class=\"nhsuk-details__text\">\n<p>Treatment may include"));
  EXPECT_THAT(html, HasSubstr("summary-text\">Lung &amp; other cancers</span>"));
  EXPECT_THAT(html, HasSubstr("</div>\n</details>\n"));
  // Markdown inside an expander is rendered: the table gets NHS.UK classes.
  EXPECT_THAT(html, HasSubstr("<table class=\"nhsuk-table\">"));
  size_t opens = 0;
  for (size_t at = html.find("<details"); at != std::string::npos;
       at = html.find("<details", at + 1)) {
    ++opens;
  }
  EXPECT_EQ(opens, 2u);
}

TEST_F(RenderPageTest, FirstUseOfEachGlossaryTermLinksToItsExplanation) {
  const std::string html = all_html();
  // "Leptomeningeal metastases" opens the page; case does not matter for words.
  EXPECT_THAT(rendered_.intro.str(),
              HasSubstr("<p><a class=\"cairn-term\" href=\"#term-lm\" id=\"use-lm\">Leptomeningeal "
                        "metastases</a> (LM) happen"));
  // A term broken over two lines still matches.
  EXPECT_THAT(
      rendered_.intro.str(),
      HasSubstr(
          "<a class=\"cairn-term\" href=\"#term-csf\" id=\"use-csf\">cerebrospinal\nfluid</a>"));
  EXPECT_THAT(
      html,
      HasSubstr("<strong><a class=\"cairn-term\" href=\"#term-intrathecal\" id=\"use-intrathecal\">"
                "intrathecal</a> chemotherapy</strong>"));
  // Only the first use of each is linked.
  auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1))
      ++n;
    return n;
  };
  EXPECT_EQ(count("href=\"#term-csf\""), 1u);
  EXPECT_EQ(count("href=\"#term-lm\""), 1u);
  EXPECT_EQ(count("href=\"#term-intrathecal\""), 1u);
  // "meninges" is in the glossary but not listed by this page.
  EXPECT_EQ(count("#term-meninges"), 0u);
  ASSERT_EQ(rendered_.glossary_used.size(), 3u);
  EXPECT_EQ(rendered_.glossary_used[0].key, "lm");
  EXPECT_EQ(rendered_.glossary_used[1].key, "csf");
  EXPECT_EQ(rendered_.glossary_used[2].key, "intrathecal");
  EXPECT_EQ(rendered_.glossary_used[1].explanation,
            "A clear fluid that surrounds and protects the brain and spinal cord.");
}

TEST_F(RenderPageTest, CollectsInternalLinksOnce) {
  EXPECT_THAT(rendered_.links,
              ElementsAre("/about-cancer/leptomeningeal-metastases/treatment#drugs", "/about-us"));
}

Page page_with(const std::string& markdown, std::vector<std::string> glossary_keys) {
  Page page;
  page.path = "/t";
  page.markdown = markdown;
  page.glossary = std::move(glossary_keys);
  return page;
}

class GlossaryMatchTest : public RenderPageTest {};

TEST_F(GlossaryMatchTest, AbbreviationsMatchOnlyInCapitals) {
  auto r = render_page(page_with("The csf and Csf are not it. The CSF is.\n", {"csf"}), glossary_);
  EXPECT_EQ(r.intro.str(),
            "<p>The csf and Csf are not it. The <a class=\"cairn-term\" "
            "href=\"#term-csf\" id=\"use-csf\">CSF</a> is.</p>\n");
}

TEST_F(GlossaryMatchTest, MatchesWholeWordsOnly) {
  auto r = render_page(
      page_with("CSFs and XCSF and intrathecally; then intrathecal.\n", {"csf", "intrathecal"}),
      glossary_);
  EXPECT_EQ(r.intro.str(),
            "<p>CSFs and XCSF and intrathecally; then <a class=\"cairn-term\" "
            "href=\"#term-intrathecal\" id=\"use-intrathecal\">intrathecal</a>.</p>\n");
  ASSERT_EQ(r.glossary_used.size(), 1u);
}

TEST_F(GlossaryMatchTest, NeverInsideHeadingsLinksCodeOrImages) {
  auto r = render_page(page_with("## About CSF\n\n### CSF again\n\n[CSF](/csf) `CSF`\n\n"
                                 "```\nCSF\n```\n\n![CSF](/csf.png)\n\nFinally CSF.\n",
                                 {"csf"}),
                       glossary_);
  ASSERT_EQ(r.sections.size(), 1u);
  const std::string& html = r.sections[0].html.str();
  EXPECT_THAT(html, HasSubstr("<h2 id=\"about-csf\">About CSF</h2>"));
  EXPECT_THAT(html, HasSubstr("<h3>CSF again</h3>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"/csf\">CSF</a> <code>CSF</code>"));
  EXPECT_THAT(html, HasSubstr("<img src=\"/csf.png\" alt=\"CSF\">"));
  EXPECT_THAT(
      html,
      HasSubstr("Finally <a class=\"cairn-term\" href=\"#term-csf\" id=\"use-csf\">CSF</a>."));
}

TEST_F(GlossaryMatchTest, TermsListedInOrderOfFirstUseNotFrontMatterOrder) {
  auto r =
      render_page(page_with("intrathecal first, then CSF.\n", {"csf", "intrathecal"}), glossary_);
  ASSERT_EQ(r.glossary_used.size(), 2u);
  EXPECT_EQ(r.glossary_used[0].key, "intrathecal");
  EXPECT_EQ(r.glossary_used[1].key, "csf");
}

TEST_F(GlossaryMatchTest, UnknownKeysAndUnusedTermsAreLeftOut) {
  auto r = render_page(page_with("No terms here.\n", {"csf", "not-a-key"}), glossary_);
  EXPECT_TRUE(r.glossary_used.empty());
  EXPECT_EQ(r.intro.str(), "<p>No terms here.</p>\n");
}

TEST_F(GlossaryMatchTest, TermTextIsEscapedLikeAnyOther) {
  Glossary g;
  g.add({"amp", "A & B", "x", {"A & B"}});
  auto r = render_page(page_with("Say A &amp; B <now>.\n", {"amp"}), g);
  EXPECT_EQ(r.intro.str(),
            "<p>Say <a class=\"cairn-term\" href=\"#term-amp\" id=\"use-amp\">A &amp; B</a> "
            "&lt;now&gt;.</p>\n");
}

TEST(RenderPage, HeadingAnchorsCopeWithSymbolsAndRepeats) {
  Page page = page_with("## ???\n\n## What's <this>?\n\n## What's this\n\nText.\n", {});
  auto r = render_page(page, Glossary{});
  ASSERT_EQ(r.sections.size(), 3u);
  EXPECT_EQ(r.sections[0].id, "section");
  EXPECT_EQ(r.sections[1].id, "whats-this");
  EXPECT_EQ(r.sections[1].heading, "What's <this>?");
  EXPECT_THAT(r.sections[1].html.str(),
              HasSubstr("<h2 id=\"whats-this\">What&#39;s &lt;this&gt;?</h2>"));
  EXPECT_EQ(r.sections[2].id, "whats-this-2");
  EXPECT_EQ(r.sections[2].text, "Text.");
}

TEST(RenderPage, HeadingsInsideQuotesListsAndExpandersStartNoSection) {
  Page page = page_with("> ## Quoted\n\n- ## Listed\n\n:::expander E\n## Inside\n:::\n", {});
  auto r = render_page(page, Glossary{});
  EXPECT_TRUE(r.sections.empty());
  EXPECT_THAT(r.intro.str(), HasSubstr("<blockquote>\n<h2>Quoted</h2>"));
  EXPECT_THAT(r.intro.str(), HasSubstr("<li><h2>Listed</h2>"));
  EXPECT_THAT(r.intro.str(), HasSubstr("<div class=\"nhsuk-details__text\">\n<h2>Inside</h2>"));
}

TEST(RenderPage, HostileMarkdownInPagesIsEscapedToo) {
  Page page =
      page_with(read_fixture("render/hostile.md") + "\n:::expander <b>x</b>\n<script>\n:::\n", {});
  auto r = render_page(page, Glossary{});
  EXPECT_THAT(r.intro.str(), Not(HasSubstr("<script")));
  EXPECT_THAT(r.intro.str(), Not(HasSubstr("javascript:alert(1)\"")));
  EXPECT_THAT(r.intro.str(), HasSubstr("summary-text\">&lt;b&gt;x&lt;/b&gt;</span>"));
  // The quote-breaking link is only a strange internal address, listed for link checks.
  EXPECT_THAT(r.links, ElementsAre("/x\"onmouseover=\"alert(1)"));
}

}  // namespace
}  // namespace cairn::content
