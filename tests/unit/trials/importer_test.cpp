#include "trials/importer.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <thread>

#include "temp_store.hpp"
#include "test_paths.hpp"
#include "trials/finder.hpp"
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
  EXPECT_EQ(summary.summary_line(),
            "Trials: 0 added, 1 updated, 1 unchanged, 0 skipped (not cancer), 0 rejected");
  auto trial = trial_from_storage(store_->trials().trial("NCT00000102")->content);
  EXPECT_EQ(trial.brief_title, "Second, retitled");
  // Only the changed trial moves the change feed.
  EXPECT_EQ(store_->changes().latest(), feed_before + 1);
}

// The shared files hold 938 records of 928 distinct trials (mixed-export-10's ten are
// in mixed-export-50 too).
TEST_F(ImporterTest, ImportsAllRealRecords) {
  auto summary = import({real_trials()});
  EXPECT_EQ(summary.rejected, 0);
  EXPECT_EQ(summary.added + summary.unchanged + summary.updated, 938);
  EXPECT_EQ(summary.added, 928);
  auto again = import({real_trials()});
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 938);
  EXPECT_EQ(store_->trials().trial_count(), summary.added);
}

TrialScope cancer_scope() {
  auto words = PhraseList::load(testing::cancer_words());
  EXPECT_TRUE(words) << words.error().message;
  return TrialScope::cancer(words ? *words : PhraseList());
}

// Counted independently by a python3 script applying the same rule to the JSON: 593
// records in scope (591 trials: two mixed-export-10 records repeat mixed-export-50's),
// 345 out: asthma 10, cervical disc 87, herniated disc 100, melanoma 5 (naevi, scars),
// mixed-export-10 8, mixed-export-100 99, mixed-export-50 35, api-page-single 1.
TEST_F(ImporterTest, CancerScopeSkipsEveryNonCancerRealRecord) {
  Importer importer(store_->trials(), cancer_scope());
  auto summary = importer.import_paths({real_trials()});
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->summary_line(),
            "Trials: 591 added, 0 updated, 2 unchanged, 345 skipped (not cancer), 0 rejected");
  EXPECT_EQ(summary->exit_status(), 0);
  EXPECT_EQ(store_->trials().trial_count(), 591);
  TrialFinder finder(store_->trials(), store_->changes());
  finder.reload();
  EXPECT_EQ(finder.size(), 591u);
  for (const char* id : {"NCT00410098" /* asthma */, "NCT00415220" /* disc, BC04 */,
                         "NCT05850520" /* macular edema */, "NCT05896748" /* HIV-1 */,
                         "NCT05878938" /* haemophilia */}) {
    EXPECT_FALSE(stored(id)) << id;
    EXPECT_FALSE(finder.trial(id)) << id;
  }
  EXPECT_TRUE(stored("NCT05827016"));  // multiple myeloma
  FinderQuery everything;
  everything.statuses.clear();
  everything.country.clear();
  everything.page_size = 1000;
  for (const auto& hit : finder.search(everything).results) {
    EXPECT_NE(hit.nct_id, "NCT00410098");
    EXPECT_NE(hit.nct_id, "NCT05896748");
  }
}

TEST_F(ImporterTest, ATrialOutOfScopeOnReimportLeavesTheStoreAndTheFinder) {
  (void)import({testing::fixture("scope/asthma-classified.json"),
                testing::fixture("scope/neoplasms-classified.json")});
  TrialFinder finder(store_->trials(), store_->changes());
  finder.reload();
  ASSERT_EQ(finder.size(), 2u);
  auto feed_before = store_->changes().latest();

  Importer importer(store_->trials(), cancer_scope());
  auto summary = importer.import_paths({testing::fixture("scope/asthma-classified.json"),
                                        testing::fixture("scope/neoplasms-classified.json")});
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->summary_line(),
            "Trials: 0 added, 0 updated, 1 unchanged, 1 skipped (not cancer, 1 removed), "
            "0 rejected");
  EXPECT_FALSE(stored("NCT00410098"));
  EXPECT_EQ(store_->changes().latest(), feed_before + 1);
  EXPECT_EQ(finder.refresh(), 1u);
  EXPECT_EQ(finder.size(), 1u);
  EXPECT_FALSE(finder.trial("NCT00410098"));

  // Skipping it again removes nothing more and leaves the feed alone.
  auto again = importer.import_paths({testing::fixture("scope/asthma-classified.json")});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->removed, 0);
  EXPECT_EQ(store_->changes().latest(), feed_before + 1);
}

TEST_F(ImporterTest, ALaterRecordOfATrialWinsWithinABatch) {
  // Out of scope, then in scope (the same id, conditions since reclassified).
  std::string out = R"({"protocolSection": {"identificationModule": {"nctId": "NCT00000901",)"
                    R"( "briefTitle": "t"}, "statusModule": {"overallStatus": "RECRUITING"},)"
                    R"( "conditionsModule": {"conditions": ["Asthma"]}}})";
  std::string in = out;
  in.replace(in.find("Asthma"), 6, "Lung Cancer");
  std::istringstream stream(out + "\n" + in + "\n");
  Importer importer(store_->trials(), cancer_scope());
  ImportSummary summary;
  importer.import_stream(stream, "late.ndjson", RecordReader::Shape::ndjson, summary);
  EXPECT_EQ(summary.skipped, 1);
  EXPECT_EQ(summary.added, 1);
  EXPECT_TRUE(stored("NCT00000901"));
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

// NDJSON of `count` small records; every `broken`-th line is not JSON.
std::string records(int count, int broken) {
  std::string out;
  for (int i = 1; i <= count; ++i) {
    if (i % broken == 0) {
      out += "{not json\n";
      continue;
    }
    char id[16];
    std::snprintf(id, sizeof id, "NCT%08d", i);
    out += R"({"protocolSection":{"identificationModule":{"nctId":")" + std::string(id) +
           R"(","briefTitle":"T"},"statusModule":{"overallStatus":"RECRUITING"}}})" + "\n";
  }
  return out;
}

// Records are read on a thread of their own; what they give must not show it.
TEST_F(ImporterTest, TellsRejectionsInOrderOnTheCallingThreadAcrossManyBatches) {
  Importer importer(store_->trials(), 3);
  std::vector<std::size_t> heard;
  bool elsewhere = false;
  auto caller = std::this_thread::get_id();
  importer.on_rejection([&](const Rejection& r) {
    heard.push_back(r.record);
    elsewhere = elsewhere || std::this_thread::get_id() != caller;
  });
  std::istringstream in(records(100, 7));
  ImportSummary summary;
  importer.import_stream(in, "many.ndjson", RecordReader::Shape::ndjson, summary);
  EXPECT_EQ(summary.added, 86);
  EXPECT_EQ(summary.rejected, 14);
  EXPECT_EQ(store_->trials().trial_count(), 86);
  std::vector<std::size_t> want;
  for (std::size_t i = 7; i <= 100; i += 7) want.push_back(i);
  EXPECT_EQ(heard, want);
  ASSERT_EQ(summary.rejections.size(), want.size());
  EXPECT_EQ(summary.rejections.back().record, 98u);
  EXPECT_FALSE(elsewhere);
}

// A store that breaks on its second batch.
class BreakingStore final : public store::TrialStore {
 public:
  store::TrialImportReport upsert_trials(const std::vector<store::TrialRecord>& trials,
                                         std::string_view) override {
    if (++batches_ == 2)
      throw std::runtime_error("disk full");
    return {static_cast<int>(trials.size()), 0, 0};
  }
  std::optional<store::StoredTrial> trial(std::string_view) override { return std::nullopt; }
  std::int64_t trial_count() override { return 0; }
  void for_each_trial(const std::function<void(const store::StoredTrial&)>&) override {}
  int remove_trials(const std::vector<std::string>&) override { return 0; }
  int confirm_checked(std::string_view, std::string_view) override { return 0; }
  void for_each_trial_changed_since(std::int64_t,
                                    const std::function<void(const store::StoredTrial&)>&,
                                    const std::function<void(const std::string&)>&) override {}
  int batches() const { return batches_; }

 private:
  int batches_ = 0;
};

TEST_F(ImporterTest, ABrokenStoreStopsTheImportWithItsError) {
  BreakingStore broken;
  Importer importer(broken, 2);
  std::istringstream in(records(1000, 1000000));
  ImportSummary summary;
  EXPECT_THROW(importer.import_stream(in, "big.ndjson", RecordReader::Shape::ndjson, summary),
               std::runtime_error);
  EXPECT_EQ(summary.added, 2);  // the first batch; nothing after the failure
  EXPECT_EQ(broken.batches(), 2);
}

// A stream whose reading fails (a disk error) after some records.
class FailingBuffer final : public std::streambuf {
 public:
  explicit FailingBuffer(std::string text) : text_(std::move(text)) {
    setg(text_.data(), text_.data(), text_.data() + text_.size());
  }

 protected:
  int_type underflow() override { throw std::runtime_error("read error"); }

 private:
  std::string text_;
};

TEST_F(ImporterTest, AFailingReadReachesTheCaller) {
  FailingBuffer buffer(records(10, 1000000));
  std::istream in(&buffer);
  in.exceptions(std::ios::badbit);
  Importer importer(store_->trials(), 4);
  ImportSummary summary;
  EXPECT_THROW(
      importer.import_stream(in, "broken-disk.ndjson", RecordReader::Shape::ndjson, summary),
      std::runtime_error);
}

}  // namespace
}  // namespace cairn::trials
