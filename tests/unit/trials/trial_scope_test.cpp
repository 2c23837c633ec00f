// The trial scope over fixture records (tests/data/trials/scope/): which the
// cancer scope keeps, and why.
#include "trials/trial_scope.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_paths.hpp"

namespace cairn::trials {
namespace {

using testing::cancer_words;
using testing::fixture;

ParsedRecord parsed(const std::string& name) {
  std::ifstream in(fixture("scope/" + name));
  std::stringstream text;
  text << in.rdbuf();
  auto record = parse_study_text(text.str());
  EXPECT_TRUE(record) << name << ": " << record.error().message;
  return record ? *record : ParsedRecord{};
}

TrialScope cancer_scope() {
  auto words = PhraseList::load(cancer_words());
  EXPECT_TRUE(words) << words.error().message;
  return TrialScope::cancer(words ? *words : PhraseList());
}

struct Case {
  const char* file;
  bool classified;  // the record carries the registry's classification
  bool kept;
  const char* why;
};

const Case kCases[] = {
    {"neoplasms-classified.json", true, true, "filed under Neoplasms, condition Multiple Myeloma"},
    {"spinal-tumour-classified.json", true, true,
     "Spinal Neoplasms under Neoplasms (no browse branches), condition Spinal Tumor"},
    {"asthma-classified.json", true, false, "filed under respiratory diseases only"},
    {"disc-filed-under-bc04.json", true, false,
     "branch BC04 from a low-relevance leaf, but sciatica names no cancer"},
    {"macular-edema-classified.json", true, false,
     "'Secondary to' filed as Neoplasm Metastasis, but names no cancer"},
    {"melanoma-fields-subset.json", false, true, "no derivedSection; condition Melanoma"},
    {"macular-edema-fields-subset.json", false, false, "no derivedSection; names no cancer"},
    {"arthritis-fields-subset.json", false, false, "anti-TNF is not a tumour word"},
};

TEST(TrialScopeTest, CancerScopeKeepsCancerTrialsOnly) {
  TrialScope scope = cancer_scope();
  for (const auto& c : kCases) {
    ParsedRecord record = parsed(c.file);
    EXPECT_EQ(record.registry.classified, c.classified) << c.file;
    EXPECT_EQ(scope.keeps(record), c.kept) << c.file << ": " << c.why;
  }
}

TEST(TrialScopeTest, AllScopeKeepsEveryRecord) {
  for (const auto& c : kCases) EXPECT_TRUE(TrialScope::all().keeps(parsed(c.file))) << c.file;
}

TEST(TrialScopeTest, RegistryNeoplasmsIdIsReadInBothSpellings) {
  // Older records write D009369, newer ones D000009369.
  EXPECT_TRUE(parsed("spinal-tumour-classified.json").registry.neoplasm);
  EXPECT_TRUE(parsed("macular-edema-classified.json").registry.neoplasm);
  EXPECT_FALSE(parsed("asthma-classified.json").registry.neoplasm);
}

TEST(TrialScopeTest, CancerWordsMatchWholeWordsIgnoringCase) {
  TrialScope scope = cancer_scope();
  auto names = [&](std::string condition) {
    Trial t;
    t.conditions = {std::move(condition)};
    return scope.names_cancer(t);
  };
  EXPECT_TRUE(names("NSCLC Stage IV"));
  EXPECT_TRUE(names("non-small-cell LUNG CANCER"));
  EXPECT_TRUE(names("Leptomeningeal Metastases"));
  EXPECT_TRUE(names("Acute Lymphoblastic Leukaemia"));
  EXPECT_FALSE(names("Cancerophobia"));  // a word, not a part of one
  EXPECT_FALSE(names("Herniated Lumbar Disc"));
  Trial keyworded;
  keyworded.keywords = {"glioblastoma"};
  EXPECT_TRUE(scope.names_cancer(keyworded));
}

}  // namespace
}  // namespace cairn::trials
