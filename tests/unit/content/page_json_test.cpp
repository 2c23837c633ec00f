#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "content/page.hpp"
#include "fixtures.hpp"

namespace cairn::content {
namespace {

using ::testing::HasSubstr;
using testing::read_fixture;

TEST(PageJson, RoundTripsEveryField) {
  auto page = parse_page(read_fixture("pages/good.md"), "pages/good.md", "/lm");
  ASSERT_TRUE(page.ok());
  nlohmann::json json = page_to_json(*page);
  EXPECT_EQ(json["title"], "What are leptomeningeal metastases?");
  EXPECT_EQ(json["sources"][1]["address"], "https://www.nhs.uk/conditions/brain-tumours/");
  // Through text and back, as the store does.
  auto back = page_from_json(nlohmann::json::parse(json.dump()));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(page_to_json(*back), json);
  EXPECT_EQ(back->markdown, page->markdown);
  EXPECT_EQ(back->body_line, page->body_line);
  EXPECT_EQ(back->glossary, page->glossary);
}

TEST(PageJson, RejectsBrokenRevisions) {
  auto page = parse_page(read_fixture("pages/minimal.md"), "m.md", "/m");
  ASSERT_TRUE(page.ok());
  const nlohmann::json good = page_to_json(*page);

  auto without_title = good;
  without_title.erase("title");
  auto r = page_from_json(without_title);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message, HasSubstr("missing 'title'"));

  auto bad_date = good;
  bad_date["next_review"] = "2024-02-30";
  EXPECT_FALSE(page_from_json(bad_date).ok());

  auto bad_source = good;
  bad_source["sources"][0]["address"] = "javascript:alert(1)";
  EXPECT_FALSE(page_from_json(bad_source).ok());

  auto wrong_type = good;
  wrong_type["related"] = "not a list";
  EXPECT_FALSE(page_from_json(wrong_type).ok());

  EXPECT_FALSE(page_from_json(nlohmann::json::array()).ok());
}

}  // namespace
}  // namespace cairn::content
