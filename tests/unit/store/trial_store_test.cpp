// When each trial was last checked: every import marks the records it saw,
// changed or not, without putting the unchanged ones in the change feed, and a
// registry sync that heard of no change confirms the ones its last run saw.
#include <gtest/gtest.h>

#include <regex>

#include "../temp_store.hpp"

namespace cairn::store {
namespace {

constexpr std::string_view kMonday = "2026-11-30T03:00:00Z";
constexpr std::string_view kTuesday = "2026-12-01T03:00:00Z";
constexpr std::string_view kWednesday = "2026-12-02T03:00:00Z";

class TrialStoreTest : public ::testing::Test {
 protected:
  TrialStore& trials() { return store_->trials(); }
  std::string checked_at(const std::string& id) {
    auto trial = trials().trial(id);
    EXPECT_TRUE(trial) << id;
    return trial ? trial->checked_at : std::string();
  }
  std::vector<std::string> changed_since(std::int64_t position) {
    std::vector<std::string> ids;
    trials().for_each_trial_changed_since(
        position, [&](const StoredTrial& t) { ids.push_back(t.nct_id); },
        [&](const std::string& id) { ids.push_back("-" + id); });
    return ids;
  }

  testing::TempStore store_;
};

TEST_F(TrialStoreTest, AnImportMarksEveryRecordItSawAsCheckedThen) {
  auto first = trials().upsert_trials({{"NCT1", "{\"a\":1}"}, {"NCT2", "{\"b\":1}"}}, kMonday);
  EXPECT_EQ(first.added, 2);
  EXPECT_EQ(checked_at("NCT1"), kMonday);
  EXPECT_EQ(checked_at("NCT2"), kMonday);
  const std::string updated_before = trials().trial("NCT2")->updated_at;

  auto feed = store_->changes().latest();
  auto second = trials().upsert_trials({{"NCT1", "{\"a\":2}"}, {"NCT2", "{\"b\":1}"}}, kTuesday);
  EXPECT_EQ(second.updated, 1);
  EXPECT_EQ(second.unchanged, 1);
  EXPECT_EQ(checked_at("NCT1"), kTuesday);
  EXPECT_EQ(checked_at("NCT2"), kTuesday);  // unchanged, but seen
  EXPECT_EQ(trials().trial("NCT2")->updated_at, updated_before);
  EXPECT_EQ(changed_since(feed), std::vector<std::string>{"NCT1"});
}

TEST_F(TrialStoreTest, WithoutAnInstantTheDatabaseClockSaysWhen) {
  (void)trials().upsert_trials({{"NCT1", "{}"}}, {});
  const std::string at = checked_at("NCT1");
  EXPECT_TRUE(std::regex_match(at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << at;
  EXPECT_EQ(at, trials().trial("NCT1")->updated_at);
}

TEST_F(TrialStoreTest, ConfirmingMarksOnlyTheTrialsSeenSinceThenAndFeedsNothing) {
  (void)trials().upsert_trials({{"NCT1", "{}"}}, kMonday);     // before the last run
  (void)trials().upsert_trials({{"NCT2", "{}"}}, kTuesday);    // seen by the last run
  (void)trials().upsert_trials({{"NCT3", "{}"}}, kWednesday);  // seen by this one
  auto feed = store_->changes().latest();

  EXPECT_EQ(trials().confirm_checked(kTuesday, kWednesday), 1);
  EXPECT_EQ(checked_at("NCT1"), kMonday);
  EXPECT_EQ(checked_at("NCT2"), kWednesday);
  EXPECT_EQ(checked_at("NCT3"), kWednesday);
  EXPECT_TRUE(changed_since(feed).empty());
  EXPECT_EQ(trials().confirm_checked(kTuesday, kWednesday), 0);  // nothing left to mark
}

}  // namespace
}  // namespace cairn::store
