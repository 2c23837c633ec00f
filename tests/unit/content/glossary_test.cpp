#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "content/glossary.hpp"
#include "fixtures.hpp"

namespace cairn::content {
namespace {

using testing::data_dir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::read_fixture;

TEST(Glossary, LoadsEntriesByKey) {
  auto g = load_glossary(data_dir() / "glossary/glossary.yaml");
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g->size(), 4u);
  const GlossaryEntry* csf = g->find("csf");
  ASSERT_NE(csf, nullptr);
  EXPECT_EQ(csf->key, "csf");
  EXPECT_EQ(csf->term, "cerebrospinal fluid (CSF)");
  EXPECT_THAT(csf->matches, ElementsAre("cerebrospinal fluid", "CSF"));
  EXPECT_EQ(csf->explanation,
            "A clear fluid that surrounds and protects the brain and spinal cord.");
  EXPECT_EQ(g->find("nope"), nullptr);
}

TEST(Glossary, TermIsTheMatchWhenNoneAreGiven) {
  auto g = load_glossary(data_dir() / "glossary/glossary.yaml");
  ASSERT_TRUE(g.ok());
  EXPECT_THAT(g->find("intrathecal")->matches, ElementsAre("intrathecal"));
}

TEST(Glossary, ReportsEveryBadEntryWithItsLine) {
  auto g = parse_glossary(read_fixture("glossary/bad-entry.yaml"), "glossary.yaml");
  ASSERT_FALSE(g.ok());
  const std::string& m = g.error().message;
  EXPECT_THAT(m, HasSubstr("glossary.yaml:4: glossary key 'Bad Key' must be lower-case"));
  EXPECT_THAT(m, HasSubstr("glossary.yaml:8: missing required key 'explanation'"));
  EXPECT_THAT(m, HasSubstr("glossary.yaml:9: 'matches' must be a list"));
  EXPECT_THAT(m, HasSubstr("glossary.yaml:13: unknown key 'spelling'"));
}

TEST(Glossary, BadYamlAndMissingFileAreErrors) {
  auto bad = parse_glossary("csf: [unclosed\n", "g.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.error().message, HasSubstr("YAML is not valid"));
  auto missing = load_glossary(data_dir() / "glossary/none.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::not_found);
}

TEST(Glossary, AnEmptyFileIsAnEmptyGlossary) {
  auto g = parse_glossary("# nothing yet\n", "g.yaml");
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->size(), 0u);
}

}  // namespace
}  // namespace cairn::content
