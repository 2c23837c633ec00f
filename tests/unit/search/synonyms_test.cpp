#include "search/synonyms.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "search/query_text.hpp"

namespace cairn::search {
namespace {

using ::testing::Test;

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

struct Query {
  std::vector<std::string> words, terms;
};

Query query_of(std::string_view text) {
  Xapian::Stem stem(kStemLanguage);
  Query q;
  for (const auto& t : tokenize(text)) {
    q.words.push_back(t.word);
    q.terms.push_back(stemmed_term(stem, t.word));
  }
  return q;
}

TEST(Synonyms, ParsesGroupsAndGivesEquivalents) {
  auto s = Synonyms::parse(
      "groups:\n  - [LM, leptomeningeal metastases, carcinomatous meningitis]\n"
      "  - [csf, cerebrospinal fluid]\n");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->group_count(), 2u);
  auto lm = s->equivalents("lm");
  EXPECT_TRUE(contains(lm, "leptomeningeal metastases"));
  EXPECT_TRUE(contains(lm, "carcinomatous meningitis"));
  EXPECT_FALSE(contains(lm, "lm"));
  EXPECT_TRUE(contains(s->equivalents("Carcinomatous  Meningitis"), "lm"));
  EXPECT_TRUE(s->equivalents("brain").empty());
}

TEST(Synonyms, MatchesAtAPositionGivesEveryGroupOnceWithItsLongestMember) {
  // What a document is indexed under: "intrathecal chemotherapy" is both the intrathecal
  // group (two words) and, from its second word, the chemo group.
  auto s = Synonyms::from_groups({{"intrathecal", "intrathecal chemotherapy"},
                                  {"leptomeningeal", "brain lining"},
                                  {"lm", "leptomeningeal metastases"},
                                  {"chemo", "chemotherapy"}});
  auto text = query_of("Intrathecal chemotherapy for leptomeningeal metastases");
  auto at0 = s.matches_at(text.words, text.terms, 0);
  ASSERT_EQ(at0.size(), 1u);
  EXPECT_EQ(at0[0].length, 2u);
  EXPECT_EQ(s.group(at0[0].group).front().text, "intrathecal");
  auto at1 = s.matches_at(text.words, text.terms, 1);
  ASSERT_EQ(at1.size(), 1u);
  EXPECT_EQ(s.group(at1[0].group).front().text, "chemo");
  EXPECT_TRUE(s.matches_at(text.words, text.terms, 2).empty());
  // "leptomeningeal metastases" is both LM and, by its first word, the lining group.
  auto at3 = s.matches_at(text.words, text.terms, 3);
  ASSERT_EQ(at3.size(), 2u);
  std::vector<std::string> groups{s.group(at3[0].group).front().text,
                                  s.group(at3[1].group).front().text};
  std::sort(groups.begin(), groups.end());
  EXPECT_EQ(groups, (std::vector<std::string>{"leptomeningeal", "lm"}));
  EXPECT_TRUE(s.matches_at(text.words, text.terms, 99).empty());
}

TEST(Synonyms, MatchesTheLongestPhraseAtAPosition) {
  auto s = Synonyms::from_groups({{"intrathecal", "into the spinal fluid"},
                                  {"csf", "spinal fluid"},
                                  {"chemo", "chemotherapy"}});
  auto q = query_of("can chemo go into the spinal fluid");
  EXPECT_FALSE(s.longest_match(q.words, q.terms, 0));
  auto chemo = s.longest_match(q.words, q.terms, 1);
  ASSERT_TRUE(chemo);
  EXPECT_EQ(chemo->length, 1u);
  auto into = s.longest_match(q.words, q.terms, 3);
  ASSERT_TRUE(into);
  EXPECT_EQ(into->length, 4u);
  EXPECT_EQ(s.group(into->group).front().text, "intrathecal");
  auto fluid = s.longest_match(q.words, q.terms, 5);
  ASSERT_TRUE(fluid);
  EXPECT_EQ(s.group(fluid->group).front().text, "csf");
}

TEST(Synonyms, MatchesOtherFormsOfTheSameWords) {
  auto s = Synonyms::from_groups({{"ommaya reservoir", "reservoir"}, {"therapy", "treatment"}});
  auto reservoirs = query_of("ommaya reservoirs");
  auto m = s.longest_match(reservoirs.words, reservoirs.terms, 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->length, 2u);
  auto therapies = query_of("therapies");
  EXPECT_TRUE(s.longest_match(therapies.words, therapies.terms, 0));
}

TEST(Synonyms, WordsThatOnlyShareAStemDoNotMatch) {
  // The English stemmer makes both "mening": meningitis is not the meninges.
  auto s = Synonyms::from_groups({{"meninges", "brain lining"}});
  auto q = query_of("meningitis");
  EXPECT_FALSE(s.longest_match(q.words, q.terms, 0));
}

TEST(Synonyms, GroupsSharingAMemberAreMerged) {
  auto s = Synonyms::from_groups(
      {{"lm", "leptomeningeal metastases"}, {"carcinomatous meningitis", "LM"}, {"a", "b"}});
  EXPECT_EQ(s.group_count(), 2u);
  EXPECT_TRUE(contains(s.equivalents("carcinomatous meningitis"), "leptomeningeal metastases"));
}

TEST(Synonyms, ListsEveryWordForSpelling) {
  auto s = Synonyms::from_groups({{"ommaya", "intraventricular reservoir"}});
  EXPECT_TRUE(std::binary_search(s.words().begin(), s.words().end(), "intraventricular"));
  EXPECT_TRUE(std::binary_search(s.words().begin(), s.words().end(), "ommaya"));
}

TEST(Synonyms, RejectsFilesThatAreNotAListOfGroups) {
  EXPECT_FALSE(Synonyms::parse("groups: [a, b]"));            // not a list of lists
  EXPECT_FALSE(Synonyms::parse("words:\n  - [a, b]\n"));      // no groups
  EXPECT_FALSE(Synonyms::parse("groups:\n  - [alone]\n"));    // one member
  EXPECT_FALSE(Synonyms::parse("groups:\n  - [a, '  ']\n"));  // empty member
  EXPECT_FALSE(Synonyms::parse("groups:\n  - [a, [b]]\n"));   // not a word
  auto bad = Synonyms::parse("groups: [[a, b]\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("YAML"), std::string::npos);
}

TEST(Synonyms, ReportsAMissingFile) {
  auto s = Synonyms::load("/nonexistent/synonyms.yaml");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Errc::not_found);
}

TEST(Synonyms, TheSiteListLoads) {
  auto s = Synonyms::load(std::filesystem::path(CAIRN_SOURCE_DIR) / "content" / "synonyms.yaml");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_TRUE(contains(s->equivalents("lm"), "carcinomatous meningitis"));
  EXPECT_TRUE(contains(s->equivalents("csf"), "cerebrospinal fluid"));
  EXPECT_TRUE(contains(s->equivalents("chemo"), "chemotherapy"));
}

}  // namespace
}  // namespace cairn::search
