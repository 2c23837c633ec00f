#include "forum/post_markdown.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <string>

namespace cairn::forum {
namespace {

std::vector<std::string> lines_of(const std::string& file) {
  std::ifstream in(file);
  EXPECT_TRUE(in) << file;
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#')
      out.push_back(line);
  }
  return out;
}

// Every tag is one the renderer may write, with only href, rel or start, and
// every href is http(s) or mailto.
void expect_only_safe_markup(const std::string& html, const std::string& input) {
  static const std::set<std::string> kTags = {"p",  "em", "strong", "code",       "pre", "del", "a",
                                              "ul", "ol", "li",     "blockquote", "hr",  "br"};
  static const std::regex kTag(R"(<(/?)([a-zA-Z0-9]+)([^>]*)>)");
  static const std::regex kAttr(R"re(\s+([a-z]+)="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kTag); it != std::sregex_iterator();
       ++it) {
    std::string name = (*it)[2];
    EXPECT_TRUE(kTags.count(name)) << "tag <" << name << "> from: " << input << "\n" << html;
    std::string attrs = (*it)[3];
    std::string rest = std::regex_replace(attrs, kAttr, "");
    EXPECT_TRUE(rest.empty()) << "stray attribute text '" << rest << "' from: " << input;
    for (auto a = std::sregex_iterator(attrs.begin(), attrs.end(), kAttr);
         a != std::sregex_iterator(); ++a) {
      std::string attr = (*a)[1], value = (*a)[2];
      EXPECT_TRUE(attr == "href" || attr == "rel" || attr == "start") << attr << " from: " << input;
      if (attr == "href") {
        EXPECT_TRUE(value.starts_with("http://") || value.starts_with("https://") ||
                    value.starts_with("mailto:"))
            << value << " from: " << input;
      }
    }
  }
  // Nothing that is not a tag opens one.
  EXPECT_EQ(html.find("<script"), std::string::npos) << input;
}

TEST(PostMarkdown, RawHtmlIsShownAsText) {
  auto html = render_post("<script>alert(1)</script> hello").str();
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; hello"), std::string::npos) << html;
}

TEST(PostMarkdown, LinksGetNofollowUgc) {
  auto html = render_post("See [the NHS](https://www.nhs.uk/conditions/).").str();
  EXPECT_NE(html.find(R"(<a href="https://www.nhs.uk/conditions/" rel="nofollow ugc">the NHS</a>)"),
            std::string::npos)
      << html;
}

TEST(PostMarkdown, BareAddressesBecomeLinksToo) {
  auto html = render_post("Try www.example.org today").str();
  EXPECT_NE(html.find(R"(<a href="http://www.example.org" rel="nofollow ugc">)"), std::string::npos)
      << html;
}

TEST(PostMarkdown, UnsafeSchemesAreNotLinks) {
  for (std::string md : {"[click](javascript:alert(1))", "[click](data:text/html,x)",
                         "[click](/local/path)", "[click](ftp://example.org/)"}) {
    auto html = render_post(md).str();
    EXPECT_EQ(html.find("<a"), std::string::npos) << md << " -> " << html;
    EXPECT_NE(html.find("click"), std::string::npos) << md;
  }
}

TEST(PostMarkdown, ImagesAreDroppedButTheirAltTextStays) {
  auto html = render_post("![a photo of my garden](https://evil.example/track.png)").str();
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("evil.example"), std::string::npos) << html;
  EXPECT_NE(html.find("a photo of my garden"), std::string::npos);
}

TEST(PostMarkdown, HeadingsDoNotCompeteWithThePage) {
  auto html = render_post("# Big news").str();
  EXPECT_EQ(html.find("<h1"), std::string::npos);
  EXPECT_NE(html.find("<p><strong>Big news</strong></p>"), std::string::npos) << html;
}

TEST(PostMarkdown, EmphasisListsAndQuotesWork) {
  auto html = render_post("*one* **two**\n\n- a\n- b\n\n> quoted").str();
  EXPECT_NE(html.find("<em>one</em> <strong>two</strong>"), std::string::npos) << html;
  EXPECT_NE(html.find("<ul><li>a</li>"), std::string::npos) << html;
  EXPECT_NE(html.find("<blockquote><p>quoted</p>"), std::string::npos) << html;
}

TEST(PostMarkdown, HostileMarkdownRendersOnlySafeMarkup) {
  auto cases = lines_of(std::string(CAIRN_TEST_DATA) + "/forum/markdown-cases.txt");
  ASSERT_GE(cases.size(), 20u);
  for (const auto& md : cases) expect_only_safe_markup(render_post(md).str(), md);
}

TEST(PostMarkdown, XssPayloadsRenderOnlySafeMarkup) {
  auto payloads = lines_of(std::string(CAIRN_TEST_DATA) + "/xss-payloads.txt");
  ASSERT_GE(payloads.size(), 50u);
  for (const auto& md : payloads) expect_only_safe_markup(render_post(md).str(), md);
}

TEST(PostMarkdown, PlainTextHasNoMarkup) {
  EXPECT_EQ(post_text("**Hello** [there](https://example.org)\n\n- one\n- two"),
            "Hello there one two");
  EXPECT_EQ(post_text("<b>x</b>"), "<b>x</b>");  // text, to be escaped where it is shown
}

}  // namespace
}  // namespace cairn::forum
