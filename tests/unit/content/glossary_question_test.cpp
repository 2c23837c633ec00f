#include "content/glossary_question.hpp"

#include <gtest/gtest.h>

namespace cairn::content {
namespace {

Glossary words() {
  auto g = parse_glossary(R"(csf:
  term: cerebrospinal fluid (CSF)
  matches: [cerebrospinal fluid, CSF]
  explanation: A clear fluid around the brain and spinal cord.
ommaya-reservoir:
  term: Ommaya reservoir
  matches: [Ommaya reservoir, Ommaya]
  explanation: A small device under the scalp.
intrathecal:
  term: intrathecal
  matches: [intrathecal, intra-CSF]
  explanation: Given straight into the CSF.
)",
                          "glossary.yaml");
  EXPECT_TRUE(g) << (g ? "" : g.error().message);
  return g ? std::move(*g) : Glossary();
}

std::string asked(const Glossary& g, std::string_view query) {
  const auto* entry = glossary_entry_asked(g, query);
  return entry ? entry->key : "";
}

TEST(GlossaryQuestion, FindsTheWordHoweverItIsAsked) {
  Glossary g = words();
  EXPECT_EQ(asked(g, "CSF"), "csf");
  EXPECT_EQ(asked(g, "csf"), "csf");
  EXPECT_EQ(asked(g, "  Cerebrospinal   fluid "), "csf");
  EXPECT_EQ(asked(g, "cerebrospinal fluid (CSF)"), "csf");
  EXPECT_EQ(asked(g, "what is CSF?"), "csf");
  EXPECT_EQ(asked(g, "What's an Ommaya reservoir?"), "ommaya-reservoir");
  EXPECT_EQ(asked(g, "ommaya"), "ommaya-reservoir");
  EXPECT_EQ(asked(g, "what does intrathecal mean"), "intrathecal");
  EXPECT_EQ(asked(g, "meaning of intra-CSF"), "intrathecal");
  EXPECT_EQ(asked(g, "define intrathecal."), "intrathecal");
}

TEST(GlossaryQuestion, AQuestionAboutMoreThanTheWordIsNotADefinition) {
  Glossary g = words();
  for (std::string_view q : {"csf leak", "intrathecal chemo side effects", "ommaya infection",
                             "what is", "", "?", "what is the outlook"})
    EXPECT_EQ(asked(g, q), "") << q;
}

}  // namespace
}  // namespace cairn::content
