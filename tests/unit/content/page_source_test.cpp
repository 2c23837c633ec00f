#include <gtest/gtest.h>

#include "content/page_source.hpp"

namespace cairn::content {
namespace {

void expect_same_page(const Page& a, const Page& b) {
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.summary, b.summary);
  EXPECT_EQ(a.topic, b.topic);
  EXPECT_EQ(a.breadcrumb, b.breadcrumb);
  EXPECT_EQ(a.cancer_type, b.cancer_type);
  EXPECT_EQ(a.last_reviewed, b.last_reviewed);
  EXPECT_EQ(a.next_review, b.next_review);
  ASSERT_EQ(a.sources.size(), b.sources.size());
  for (size_t i = 0; i < a.sources.size(); ++i) {
    EXPECT_EQ(a.sources[i].title, b.sources[i].title);
    EXPECT_EQ(a.sources[i].address, b.sources[i].address);
  }
  EXPECT_EQ(a.related, b.related);
  EXPECT_EQ(a.glossary, b.glossary);
  EXPECT_EQ(a.markdown, b.markdown);
}

// Every real page, written out and read back, is the same page: what editors
// edit in the browser is exactly what is published.
TEST(PageSource, EveryContentPageReadsBackTheSame) {
  auto pages = load_pages(std::filesystem::path(CAIRN_SOURCE_DIR) / "content");
  ASSERT_TRUE(pages) << pages.error().message;
  ASSERT_FALSE(pages->empty());
  for (const auto& page : *pages) {
    SCOPED_TRACE(page.path);
    std::string source = page_source(page);
    EXPECT_TRUE(source.starts_with("---\ntitle: "));
    auto back = parse_page(source, page.file, page.path);
    ASSERT_TRUE(back) << back.error().message;
    expect_same_page(page, *back);
  }
}

TEST(PageSource, QuotesValuesThatYamlWouldMisread) {
  Page page;
  page.path = "/x";
  page.title = "Treatment: what happens # next";
  page.summary = "- starts with a dash, and has \"quotes\" and 'apostrophes'";
  page.last_reviewed = "2026-01-01";
  page.next_review = "2027-01-01";
  page.sources = {{"Source: one", "https://example.org/a?b=c#d"}};
  page.related = {"/"};
  page.markdown = "Body text.\n";
  auto back = parse_page(page_source(page), "x.md", "/x");
  ASSERT_TRUE(back) << back.error().message;
  expect_same_page(page, *back);
}

TEST(PageSource, LeavesOutEmptyOptionalFields) {
  Page page;
  page.title = "T";
  page.summary = "S";
  page.last_reviewed = "2026-01-01";
  page.next_review = "2027-01-01";
  page.sources = {{"A", "https://example.org"}};
  page.markdown = "Text";
  std::string source = page_source(page);
  EXPECT_EQ(source.find("topic:"), std::string::npos);
  EXPECT_EQ(source.find("related:"), std::string::npos);
  EXPECT_TRUE(source.ends_with("---\nText\n"));
}

}  // namespace
}  // namespace cairn::content
