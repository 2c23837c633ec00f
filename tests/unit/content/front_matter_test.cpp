#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "content/page.hpp"
#include "fixtures.hpp"

namespace cairn::content {
namespace {

using testing::data_dir;
using ::testing::HasSubstr;
using testing::read_fixture;

TEST(ParsePage, ReadsEveryFrontMatterField) {
  auto page = parse_page(read_fixture("pages/good.md"), "pages/good.md", "/lm");
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->path, "/lm");
  EXPECT_EQ(page->file, "pages/good.md");
  EXPECT_EQ(page->title, "What are leptomeningeal metastases?");
  EXPECT_EQ(page->summary,
            "Cancer cells that have spread to the fluid and membranes around the brain.");
  EXPECT_EQ(page->topic, "leptomeningeal-metastases");
  EXPECT_EQ(page->breadcrumb, "What are LM");
  EXPECT_EQ(page->cancer_type, "Leptomeningeal metastases");
  EXPECT_EQ(page->last_reviewed, "2023-08-30");
  EXPECT_EQ(page->next_review, "2026-08-30");
  ASSERT_EQ(page->sources.size(), 2u);
  EXPECT_EQ(page->sources[0].title, "Cancer Research UK, About Cancer");
  EXPECT_EQ(page->sources[0].address, "https://www.cancerresearchuk.org/about-cancer");
  EXPECT_EQ(page->sources[1].address, "https://www.nhs.uk/conditions/brain-tumours/");
  EXPECT_EQ(page->related,
            std::vector<std::string>{"/about-cancer/leptomeningeal-metastases/treatment"});
  EXPECT_EQ(page->glossary, (std::vector<std::string>{"csf", "lm", "intrathecal"}));
  EXPECT_EQ(page->body_line, 21);
  EXPECT_TRUE(page->markdown.starts_with("Leptomeningeal metastases (LM) happen"));
}

TEST(ParsePage, OptionalFieldsMayBeLeftOut) {
  auto page = parse_page(read_fixture("pages/minimal.md"), "minimal.md", "/minimal");
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->topic, "");
  EXPECT_EQ(page->breadcrumb, "");
  EXPECT_TRUE(page->related.empty());
  EXPECT_TRUE(page->glossary.empty());
  EXPECT_EQ(page->last_reviewed, "2024-02-29");  // a leap day is a real date
  EXPECT_EQ(page->markdown, "Just words.\n");
  EXPECT_EQ(page->body_line, 10);
}

TEST(ParsePage, AcceptsWindowsLineEndingsAndByteOrderMark) {
  std::string text = read_fixture("pages/minimal.md");
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : text) {
    if (c == '\n')
      crlf += '\r';
    crlf += c;
  }
  auto page = parse_page(crlf, "minimal.md", "/minimal");
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->title, "Minimal");
  EXPECT_EQ(page->markdown, "Just words.\n");
}

TEST(ParsePage, RejectsTextThatIsNotUtf8) {
  auto page = parse_page("---\ntitle: \xff\xfe\n---\n", "x.md", "/x");
  ASSERT_FALSE(page.ok());
  EXPECT_THAT(page.error().message, HasSubstr("x.md:1: the file is not UTF-8 text"));
}

// Every file in bad/ must fail with the line and words listed in bad/expected.tsv.
TEST(ParsePage, EachKindOfBadFrontMatterNamesFileLineAndProblem) {
  std::istringstream table(read_fixture("bad/expected.tsv"));
  std::map<std::string, std::pair<std::string, std::string>> expected;
  for (std::string line; std::getline(table, line);) {
    if (line.empty() || line[0] == '#')
      continue;
    auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
    ASSERT_NE(tab2, std::string::npos) << line;
    expected[line.substr(0, tab1)] = {line.substr(tab1 + 1, tab2 - tab1 - 1),
                                      line.substr(tab2 + 1)};
  }
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir() / "bad")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".md")
      continue;
    SCOPED_TRACE(name);
    ASSERT_TRUE(expected.count(name)) << "add " << name << " to bad/expected.tsv";
    auto page = parse_page(read_fixture("bad/" + name), name, "/x");
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().code, Errc::invalid_input);
    const auto& [line, words] = expected[name];
    EXPECT_THAT(page.error().message, HasSubstr(name + ":" + line + ": "));
    EXPECT_THAT(page.error().message, HasSubstr(words));
    // One mistake gives one message, not a cascade.
    EXPECT_EQ(std::count(page.error().message.begin(), page.error().message.end(), '\n'), 0)
        << page.error().message;
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(expected.size()));
}

TEST(ParsePage, ReportsEveryProblemInAFileAtOnce) {
  std::string text =
      "---\n"
      "title: Several problems\n"
      "summary: x\n"
      "last_reviewed: 2023-13-01\n"
      "next_review: soon\n"
      "sources:\n"
      "  - title: No address\n"
      "colour: blue\n"
      "---\n";
  auto page = parse_page(text, "p.md", "/p");
  ASSERT_FALSE(page.ok());
  const std::string& m = page.error().message;
  EXPECT_THAT(m, HasSubstr("p.md:8: unknown key 'colour'"));
  EXPECT_THAT(m, HasSubstr("p.md:4: 'last_reviewed' must be a real date"));
  EXPECT_THAT(m, HasSubstr("p.md:5: 'next_review' must be a real date"));
  EXPECT_THAT(m, HasSubstr("p.md:7: source without address"));
}

TEST(ParsePage, ExpanderMarkersInsideCodeAreJustCode) {
  std::string text =
      read_fixture("pages/minimal.md") + "\n```\n:::expander Not one\n```\n\n~~~~\n:::\n~~~~\n";
  auto page = parse_page(text, "minimal.md", "/minimal");
  EXPECT_TRUE(page.ok()) << page.error().message;
}

TEST(ParsePage, RejectsImpossibleDates) {
  for (std::string date : {"2023-02-29", "2023-04-31", "2023-00-10", "2023-1-10", "1900-02-29",
                           "23-01-01", "2023-01-01x"}) {
    std::string text = "---\ntitle: t\nsummary: s\nlast_reviewed: " + date +
                       "\nnext_review: 2030-01-01\nsources:\n  - title: s\n    address: "
                       "https://e.org\n---\n";
    auto page = parse_page(text, "d.md", "/d");
    EXPECT_FALSE(page.ok()) << date;
  }
  std::string text =
      "---\ntitle: t\nsummary: s\nlast_reviewed: 2000-02-29\nnext_review: "
      "2000-02-29\nsources:\n  - title: s\n    address: https://e.org\n---\n";
  EXPECT_TRUE(parse_page(text, "d.md", "/d").ok());
}

}  // namespace
}  // namespace cairn::content
