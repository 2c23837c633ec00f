#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "content/glossary.hpp"
#include "content/page.hpp"
#include "content/render.hpp"
#include "content/site_settings.hpp"
#include "fixtures.hpp"

namespace cairn::content {
namespace {

using testing::data_dir;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(PathForFile, FilePlaceGivesAddress) {
  EXPECT_EQ(path_for_file("index.md"), "/");
  EXPECT_EQ(path_for_file("a/b/index.md"), "/a/b");
  EXPECT_EQ(path_for_file("a/c.md"), "/a/c");
  EXPECT_EQ(path_for_file("about-cancer/leptomeningeal-metastases/index.md"),
            "/about-cancer/leptomeningeal-metastases");
  EXPECT_EQ(path_for_file("top.md"), "/top");
}

TEST(LoadPages, LoadsEveryPageSortedByPath) {
  auto pages = load_pages(data_dir() / "site");
  ASSERT_TRUE(pages.ok()) << pages.error().message;
  ASSERT_EQ(pages->size(), 3u);
  EXPECT_EQ((*pages)[0].path, "/");
  EXPECT_EQ((*pages)[1].path, "/about");
  EXPECT_EQ((*pages)[2].path, "/about/who-we-are");
  EXPECT_EQ((*pages)[2].file, "site/pages/about/who-we-are.md");
  EXPECT_EQ((*pages)[2].title, "Who we are");
}

TEST(LoadPages, OneBadPageMeansNoPagesAndEveryProblemListed) {
  auto pages = load_pages(data_dir() / "site-broken");
  ASSERT_FALSE(pages.ok());
  EXPECT_EQ(pages.error().code, Errc::invalid_input);
  const std::string& m = pages.error().message;
  EXPECT_THAT(m,
              HasSubstr("site-broken/pages/first-bad.md:4: 'last_reviewed' must be a real date"));
  EXPECT_THAT(m, HasSubstr("site-broken/pages/second-bad.md:5: unknown key 'next_reveiw'"));
  EXPECT_THAT(m, Not(HasSubstr("fine.md")));
}

TEST(LoadPages, TwoFilesWithOneAddressAreAnError) {
  auto pages = load_pages(data_dir() / "site-clash");
  ASSERT_FALSE(pages.ok());
  EXPECT_THAT(pages.error().message, HasSubstr("has the same address /about as"));
}

TEST(LoadPages, FileNamesMustMakeTidyAddresses) {
  auto pages = load_pages(data_dir() / "site-bad-name");
  ASSERT_FALSE(pages.ok());
  EXPECT_THAT(pages.error().message, HasSubstr("site-bad-name/pages/About_Us.md:1: 'About_Us.md'"));
}

TEST(LoadPages, MissingPagesFolderIsNotFound) {
  auto pages = load_pages(data_dir() / "no-such-folder");
  ASSERT_FALSE(pages.ok());
  EXPECT_EQ(pages.error().code, Errc::not_found);
}

// The real editorial content is being written alongside the code: once it has pages,
// every one must load, render and refer only to things that exist.
TEST(RealContent, EverythingInContentLoads) {
  const std::filesystem::path content = std::filesystem::path(CAIRN_SOURCE_DIR) / "content";
  bool has_pages = false;
  if (std::filesystem::is_directory(content / "pages")) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(content / "pages")) {
      has_pages = has_pages || e.path().extension() == ".md";
    }
  }
  if (!has_pages)
    GTEST_SKIP() << "content/pages has no pages yet";

  auto pages = load_pages(content);
  ASSERT_TRUE(pages.ok()) << pages.error().message;
  EXPECT_FALSE(pages->empty());

  Glossary glossary;
  if (std::filesystem::exists(content / "glossary.yaml")) {
    auto loaded = load_glossary(content / "glossary.yaml");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    glossary = std::move(loaded).value();
  }
  if (std::filesystem::exists(content / "site.yaml")) {
    auto site = load_site_settings(content);
    EXPECT_TRUE(site.ok()) << site.error().message;
  }
  std::set<std::string> paths;
  for (const auto& page : *pages) paths.insert(page.path);
  for (const auto& page : *pages) {
    SCOPED_TRACE(page.file);
    for (const auto& key : page.glossary) {
      EXPECT_NE(glossary.find(key), nullptr)
          << "glossary key '" << key << "' is not in glossary.yaml";
    }
    for (const auto& related : page.related) {
      EXPECT_TRUE(paths.count(related)) << "related page " << related << " does not exist";
    }
    auto rendered = render_page(page, glossary);
    EXPECT_FALSE(rendered.intro.empty() && rendered.sections.empty()) << "the page has no body";
  }
}

}  // namespace
}  // namespace cairn::content
