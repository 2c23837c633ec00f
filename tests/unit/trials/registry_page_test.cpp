#include "trials/registry_page.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_paths.hpp"

namespace cairn::trials {
namespace {

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(RegistryPageTest, CountsTheStudiesAndKeepsTheNextToken) {
  auto body = file_text(testing::real_trials("api-page-2.json"));
  auto page = read_registry_page(body);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->study_count, 2u);
  EXPECT_EQ(page->next_page_token, "NF0g5JCG");
  EXPECT_EQ(page->body, body);
}

TEST(RegistryPageTest, LastPageHasNoToken) {
  auto page = read_registry_page(R"({"studies": [{"a": [1, {"b": 2}]}, {}], "totalCount": 2})");
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->study_count, 2u);
  EXPECT_EQ(page->next_page_token, "");
}

TEST(RegistryPageTest, TokenInsideARecordIsNotThePagesToken) {
  auto page = read_registry_page(R"({"studies": [{"nextPageToken": "inner"}]})");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->next_page_token, "");
}

TEST(RegistryPageTest, APageCutShortIsRefused) {
  auto body = file_text(testing::real_trials("api-page-2.json"));
  auto page = read_registry_page(body.substr(0, body.size() / 2));
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, Errc::invalid_input);
  EXPECT_NE(page.error().message.find("not complete JSON"), std::string::npos)
      << page.error().message;
}

TEST(RegistryPageTest, NotJsonNotAnObjectOrNoStudiesIsRefused) {
  auto html = read_registry_page("<html><body>Service unavailable</body></html>");
  ASSERT_FALSE(html);
  EXPECT_NE(html.error().message.find("not complete JSON"), std::string::npos);

  auto array = read_registry_page(file_text(testing::real_trials("mixed-export-10.json")));
  ASSERT_FALSE(array);
  EXPECT_NE(array.error().message.find("not a JSON object"), std::string::npos);

  auto no_studies = read_registry_page(R"({"totalCount": 3, "nextPageToken": "x"})");
  ASSERT_FALSE(no_studies);
  EXPECT_NE(no_studies.error().message.find("no \"studies\""), std::string::npos);

  auto studies_not_array = read_registry_page(R"({"studies": {"x": 1}})");
  EXPECT_FALSE(studies_not_array);
}

}  // namespace
}  // namespace cairn::trials
