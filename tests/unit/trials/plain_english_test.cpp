#include "trials/plain_english.hpp"

#include <gtest/gtest.h>

namespace cairn::trials {
namespace {

TEST(PlainEnglish, StatusesInWords) {
  EXPECT_EQ(status_in_words("RECRUITING"), "Recruiting");
  EXPECT_EQ(status_in_words("NOT_YET_RECRUITING"), "Not yet recruiting");
  EXPECT_EQ(status_in_words("ACTIVE_NOT_RECRUITING"), "Active, not recruiting");
  EXPECT_EQ(status_in_words("COMPLETED"), "Completed");
}

TEST(PlainEnglish, PhasesInWords) {
  EXPECT_EQ(phase_in_words("PHASE2"), "Phase 2");
  EXPECT_EQ(phase_in_words("EARLY_PHASE1"), "Early phase 1");
  EXPECT_EQ(phase_in_words("NA"), "Not applicable");
  EXPECT_EQ(phases_in_words({"PHASE1", "PHASE2"}), "Phase 1 and phase 2");
  EXPECT_EQ(phases_in_words({}), "");
}

TEST(PlainEnglish, AgesInYears) {
  EXPECT_EQ(age_in_years("18 Years"), 18);
  EXPECT_EQ(age_in_years("6 Months"), 0.5);
  EXPECT_EQ(age_in_years("1 Year"), 1);
  EXPECT_FALSE(age_in_years(""));
  EXPECT_FALSE(age_in_years("N/A"));
  EXPECT_FALSE(age_in_years("18 Parsecs"));
}

TEST(PlainEnglish, WhoCanJoinInWords) {
  EXPECT_EQ(sex_in_words("ALL"), "Anyone");
  EXPECT_EQ(sex_in_words("FEMALE"), "Women");
  EXPECT_EQ(sex_in_words("MALE"), "Men");
  EXPECT_EQ(ages_in_words("18 Years", ""), "18 and over");
  EXPECT_EQ(ages_in_words("18 Years", "70 Years"), "18 to 70");
  EXPECT_EQ(ages_in_words("18 Years", "130 Years"), "18 and over");
  EXPECT_EQ(ages_in_words("6 Months", "17 Years"), "6 months to 17");
  EXPECT_EQ(ages_in_words("", ""), "Any age");
}

TEST(PlainEnglish, SplitsCriteriaIntoWhoCanAndCannotJoin) {
  auto c = split_criteria(
      "Inclusion Criteria:\n\n* Adults with NSCLC\n\nExclusion Criteria:\n\n* Leptomeningeal "
      "disease");
  EXPECT_EQ(c.inclusion, "* Adults with NSCLC");
  EXPECT_EQ(c.exclusion, "* Leptomeningeal disease");
  auto only = split_criteria("* Adults with NSCLC");
  EXPECT_EQ(only.inclusion, "* Adults with NSCLC");
  EXPECT_EQ(only.exclusion, "");
  // A mention in running text is not the heading.
  auto mention = split_criteria(
      "Inclusion Criteria:\n* None of the exclusion criteria apply\nExclusion Criteria:\n* "
      "Pregnancy");
  EXPECT_EQ(mention.inclusion, "* None of the exclusion criteria apply");
  EXPECT_EQ(mention.exclusion, "* Pregnancy");
}

}  // namespace
}  // namespace cairn::trials
