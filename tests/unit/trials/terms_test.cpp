#include "trials/terms.hpp"

#include <gtest/gtest.h>

#include "trials/condition_names.hpp"

namespace cairn::trials {
namespace {

using Terms = std::vector<std::string>;

TEST(Terms, SingularAndPluralMeet) {
  EXPECT_EQ(terms_of("metastases"), terms_of("Metastasis"));
  EXPECT_EQ(terms_of("tumours"), terms_of("tumour"));
  EXPECT_EQ(terms_of("therapies"), terms_of("therapy"));
  EXPECT_EQ(terms_of("diseases"), terms_of("disease"));
}

TEST(Terms, BritishAndAmericanSpellingsMeet) {
  EXPECT_EQ(terms_of("leukaemia"), terms_of("leukemia"));
  EXPECT_EQ(terms_of("oesophageal"), terms_of("esophageal"));
  EXPECT_EQ(terms_of("tumour"), terms_of("tumor"));
}

TEST(Terms, DropsCommonWordsAndSplitsOnPunctuation) {
  EXPECT_EQ(terms_of("Trial of the Non-Small Cell"), (Terms{"trial", "non", "small", "cell"}));
  EXPECT_EQ(terms_of("HER2+ (T790M)"), (Terms{"her2", "t790m"}));
}

TEST(Terms, KeepsDifferentWordsApart) {
  EXPECT_NE(terms_of("status"), terms_of("stat"));
  EXPECT_NE(terms_of("meningitis"), terms_of("meninges"));
}

TEST(ConditionNames, LmAndItsSynonymsAreOneCondition) {
  auto lm = condition_names("LM");
  EXPECT_EQ(lm, leptomeningeal_names());
  EXPECT_EQ(condition_names("Carcinomatous meningitis"), lm);
  EXPECT_EQ(condition_names("leptomeningeal metastasis"), lm);
  EXPECT_EQ(condition_names("breast cancer"), std::vector<std::string>{"breast cancer"});
}

}  // namespace
}  // namespace cairn::trials
