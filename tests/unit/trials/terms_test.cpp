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

TEST(ConditionNames, AbbreviationsAndLongNamesAreOneCondition) {
  const std::vector<std::vector<std::string>> same = {
      {"NSCLC", "non-small cell lung cancer", "Non small cell lung carcinoma"},
      {"SCLC", "small cell lung cancer", "small-cell lung carcinoma"},
      {"AML", "acute myeloid leukaemia", "acute myeloid leukemia"},
      {"CLL", "chronic lymphocytic leukemia"},
      {"ALL", "acute lymphoblastic leukaemia"},
      {"CML", "chronic myeloid leukemia"},
      {"GBM", "glioblastoma"},
      {"HCC", "hepatocellular carcinoma"},
      {"RCC", "renal cell carcinoma"},
      {"LM", "leptomeningeal metastases", "leptomeningeal disease", "carcinomatous meningitis",
       "neoplastic meningitis"},
  };
  for (const auto& names : same) {
    auto first = condition_names(names.front());
    EXPECT_GT(first.size(), 1u) << names.front();
    for (const auto& name : names) EXPECT_EQ(condition_names(name), first) << name;
  }
  EXPECT_NE(condition_names("SCLC"), condition_names("NSCLC"));
}

TEST(ConditionNames, CancerOnItsOwnMeansAnyCancer) {
  for (const auto& any : {"cancer", "Cancers", "any cancer", "All cancers"})
    EXPECT_TRUE(means_any_cancer(any)) << any;
  for (const auto& some : {"lung cancer", "ALL", "", "breast"})
    EXPECT_FALSE(means_any_cancer(some)) << some;
}

TEST(ConditionNames, MinusWordsExclude) {
  auto name = parse_condition_name("small cell lung cancer -non");
  EXPECT_EQ(name.terms, (Terms{"small", "cell", "lung", "cancer"}));
  EXPECT_EQ(name.excluded, Terms{"non"});
}

}  // namespace
}  // namespace cairn::trials
