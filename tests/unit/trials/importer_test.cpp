#include "trials/importer.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "temp_store.hpp"
#include "test_paths.hpp"
#include "trials/trial.hpp"

namespace cairn::trials {
namespace {

using testing::fixture;
using testing::real_trials;

class ImporterTest : public ::testing::Test {
 protected:
  ImportSummary import(const std::vector<std::filesystem::path>& paths) {
    Importer importer(store_->trials());
    auto summary = importer.import_paths(paths);
    EXPECT_TRUE(summary) << summary.error().message;
    return summary ? *summary : ImportSummary{};
  }
  bool stored(const std::string& nct_id) { return store_->trials().trial(nct_id).has_value(); }

  testing::TempStore store_;
};

TEST_F(ImporterTest, ImportsEveryShape) {
  auto summary = import({fixture("shapes/single.json"), fixture("shapes/page.json"),
                         fixture("shapes/array.json"), fixture("shapes/records.ndjson")});
  // Nine records, three distinct trials: the repeats are the same content.
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(summary.unchanged, 6);
  EXPECT_EQ(summary.rejected, 0);
  EXPECT_EQ(store_->trials().trial_count(), 3);
  EXPECT_EQ(summary.exit_status(), 0);
}

TEST_F(ImporterTest, ImportsAFolder) {
  auto summary = import({fixture("folder")});
  EXPECT_EQ(summary.added, 3);
  EXPECT_TRUE(stored("NCT00000601"));
  EXPECT_TRUE(stored("NCT00000602"));
  EXPECT_TRUE(stored("NCT00000603"));
}

TEST_F(ImporterTest, SkipsMalformedRecordsAndImportsTheRest) {
  auto summary = import({fixture("malformed.json")});
  EXPECT_EQ(summary.added, 2);
  EXPECT_EQ(summary.rejected, 4);
  EXPECT_EQ(summary.exit_status(), 1);
  EXPECT_TRUE(stored("NCT00000201"));
  EXPECT_TRUE(stored("NCT00000203"));
  EXPECT_FALSE(stored("NCT00000202"));
  EXPECT_FALSE(stored("NCT00000204"));
  ASSERT_EQ(summary.rejections.size(), 4u);
  const auto& first = summary.rejections[0];
  EXPECT_NE(first.file.find("malformed.json"), std::string::npos);
  EXPECT_EQ(first.record, 2u);
  EXPECT_EQ(first.line, 3u);
  EXPECT_EQ(first.reason, "missing protocolSection.identificationModule.nctId");
  EXPECT_EQ(summary.rejections[1].record, 3u);
  EXPECT_NE(summary.rejections[1].reason.find("invalid JSON"), std::string::npos);
  EXPECT_EQ(summary.rejections[2].record, 4u);
  EXPECT_NE(summary.rejections[2].reason.find("bad NCT id"), std::string::npos);
  EXPECT_EQ(summary.rejections[3].record, 5u);
  EXPECT_NE(summary.rejections[3].reason.find("conditions is not a list"), std::string::npos);
  EXPECT_EQ(first.to_string(), first.file +
                                   ": record 2 (line 3): missing "
                                   "protocolSection.identificationModule.nctId");
}

TEST_F(ImporterTest, BrokenNdjsonLineIsRejectedAndItsNeighboursImported) {
  auto summary = import({fixture("malformed.ndjson")});
  EXPECT_EQ(summary.added, 3);
  EXPECT_EQ(summary.rejected, 1);
  ASSERT_EQ(summary.rejections.size(), 1u);
  EXPECT_EQ(summary.rejections[0].line, 2u);
}

TEST_F(ImporterTest, TruncatedFileImportsOnlyTheRecordsBeforeItsBrokenTail) {
  auto summary = import({fixture("truncated.json"), fixture("truncated.ndjson")});
  EXPECT_EQ(summary.added, 4);
  EXPECT_EQ(summary.rejected, 2);
  EXPECT_TRUE(stored("NCT00000402"));
  EXPECT_FALSE(stored("NCT00000403"));
  EXPECT_TRUE(stored("NCT00000502"));
  EXPECT_FALSE(stored("NCT00000503"));
  EXPECT_EQ(summary.exit_status(), 1);
}

TEST_F(ImporterTest, ReimportUpdatesChangedTrialsAndLeavesTheRest) {
  (void)import({fixture("shapes/page.json")});
  auto feed_before = store_->changes().latest();
  auto summary = import({fixture("shapes/page-updated.json")});
  EXPECT_EQ(summary.added, 0);
  EXPECT_EQ(summary.updated, 1);
  EXPECT_EQ(summary.unchanged, 1);
  EXPECT_EQ(summary.summary_line(), "Trials: 0 added, 1 updated, 1 unchanged, 0 rejected");
  auto trial = trial_from_storage(store_->trials().trial("NCT00000102")->content);
  EXPECT_EQ(trial.brief_title, "Second, retitled");
  // Only the changed trial moves the change feed.
  EXPECT_EQ(store_->changes().latest(), feed_before + 1);
}

TEST_F(ImporterTest, ImportsAllRealRecords) {
  auto summary = import({real_trials()});
  EXPECT_EQ(summary.rejected, 0);
  EXPECT_EQ(summary.added + summary.unchanged + summary.updated, 462);
  auto again = import({real_trials()});
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 462);
  EXPECT_EQ(store_->trials().trial_count(), summary.added);
}

TEST_F(ImporterTest, SmallBatchesGiveTheSameResult) {
  Importer importer(store_->trials(), 2);
  auto summary = importer.import_paths({fixture("shapes/array.json")});
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->added, 3);
  EXPECT_EQ(store_->trials().trial_count(), 3);
}

TEST_F(ImporterTest, TellsTheListenerAboutEachRejection) {
  Importer importer(store_->trials());
  std::vector<std::string> heard;
  importer.on_rejection([&](const Rejection& r) { heard.push_back(r.to_string()); });
  auto summary = importer.import_paths({fixture("malformed.json")});
  ASSERT_TRUE(summary);
  EXPECT_EQ(heard.size(), 4u);
}

TEST_F(ImporterTest, MissingPathImportsNothing) {
  Importer importer(store_->trials());
  auto summary = importer.import_paths({fixture("shapes/array.json"), fixture("nope.json")});
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find("nope.json"), std::string::npos);
  EXPECT_EQ(store_->trials().trial_count(), 0);
}

TEST_F(ImporterTest, ImportsFromAStream) {
  Importer importer(store_->trials());
  std::istringstream in(
      R"({"protocolSection":{"identificationModule":{"nctId":"NCT00000009","briefTitle":"T"},)"
      R"("statusModule":{"overallStatus":"RECRUITING"}}})");
  ImportSummary summary;
  importer.import_stream(in, "stdin", RecordReader::Shape::ndjson, summary);
  EXPECT_EQ(summary.added, 1);
  EXPECT_TRUE(stored("NCT00000009"));
}

}  // namespace
}  // namespace cairn::trials
