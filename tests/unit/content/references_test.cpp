#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "content/glossary.hpp"
#include "content/page.hpp"
#include "content/references.hpp"
#include "fixtures.hpp"

namespace cairn::content {
namespace {

using testing::data_dir;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(CheckReferences, AGoodSiteHasNoProblems) {
  auto pages = load_pages(data_dir() / "site");
  auto glossary = load_glossary(data_dir() / "site/glossary.yaml");
  ASSERT_TRUE(pages.ok() && glossary.ok());
  auto status = check_references(*pages, *glossary, {"/trials"});
  EXPECT_TRUE(status.ok()) << status.error().message;
}

TEST(CheckReferences, FindsMissingTermsPagesAndLinkTargets) {
  auto pages = load_pages(data_dir() / "site-links");
  ASSERT_TRUE(pages.ok()) << pages.error().message;
  auto status = check_references(*pages, Glossary{}, {"/trials", "/search"});
  ASSERT_FALSE(status.ok());
  const std::string& m = status.error().message;
  EXPECT_THAT(m, HasSubstr("site-links/pages/index.md: glossary key 'not-in-glossary'"));
  EXPECT_THAT(m, HasSubstr("related page '/missing-related' does not exist"));
  EXPECT_THAT(m, HasSubstr("link to '/nowhere' goes to no page"));
  EXPECT_THAT(m, Not(HasSubstr("'/#top'")));
  EXPECT_THAT(m, Not(HasSubstr("/trials/NCT01")));
  EXPECT_THAT(m, Not(HasSubstr("/search?q=x")));
}

}  // namespace
}  // namespace cairn::content
