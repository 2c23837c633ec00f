#include "search/spelling.hpp"

#include <gtest/gtest.h>

namespace cairn::search {
namespace {

TEST(EditDistance, CountsInsertsDeletesSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance(U"omaya", U"ommaya", 3), 1u);
  EXPECT_EQ(edit_distance(U"leptomeningial", U"leptomeningeal", 3), 1u);
  EXPECT_EQ(edit_distance(U"cfs", U"csf", 3), 1u);  // neighbours swapped
  EXPECT_EQ(edit_distance(U"carsinomatus", U"carcinomatous", 3), 2u);
  EXPECT_EQ(edit_distance(U"same", U"same", 3), 0u);
}

TEST(EditDistance, StopsAboveTheLimit) {
  EXPECT_EQ(edit_distance(U"chemotherapy", U"radiotherapy", 2), 3u);
  EXPECT_EQ(edit_distance(U"a", U"abcdef", 2), 3u);
}

SpellingCorrector medical_words() {
  SpellingCorrector c;
  c.add("leptomeningeal", 20);
  c.add("ommaya", 3);
  c.add("meningitis", 4);
  c.add("chemotherapy", 12);
  c.add("carcinomatous", 2);
  c.add("scan", 5);
  c.add("scar", 1);
  return c;
}

TEST(SpellingCorrector, CorrectsCommonMisspellingsOfMedicalWords) {
  auto c = medical_words();
  EXPECT_EQ(c.correct("leptomeningial"), "leptomeningeal");
  EXPECT_EQ(c.correct("omaya"), "ommaya");
  EXPECT_EQ(c.correct("menengitis"), "meningitis");
  EXPECT_EQ(c.correct("chemotheraphy"), "chemotherapy");
  EXPECT_EQ(c.correct("carsinomatus"), "carcinomatous");
}

TEST(SpellingCorrector, PrefersTheMoreCommonOfEquallyCloseWords) {
  EXPECT_EQ(medical_words().correct("scam"), "scan");
}

TEST(SpellingCorrector, LeavesShortAndFarAwayWordsAlone) {
  auto c = medical_words();
  EXPECT_EQ(c.correct("mri"), std::nullopt);        // short: probably an abbreviation
  EXPECT_EQ(c.correct("omayyyya"), std::nullopt);   // too many edits
  EXPECT_EQ(c.correct("pregnancy"), std::nullopt);  // nothing close
  EXPECT_EQ(SpellingCorrector().correct("anything"), std::nullopt);
}

}  // namespace
}  // namespace cairn::search
