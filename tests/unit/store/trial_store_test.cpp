// When each trial was last checked: every import marks the records it saw,
// changed or not, without putting the unchanged ones in the change feed, and a
// registry sync that heard of no change confirms the ones its last run saw.
#include <gtest/gtest.h>

#include <regex>

#include "store_backends.hpp"

namespace cairn::store {
namespace {

constexpr std::string_view kMonday = "2026-11-30T03:00:00Z";
constexpr std::string_view kTuesday = "2026-12-01T03:00:00Z";
constexpr std::string_view kWednesday = "2026-12-02T03:00:00Z";

template <class Backend>
class TrialStoreTest : public testing::StoreContract<Backend> {
 protected:
  TrialStore& trials() { return this->store_->trials(); }
  std::string checked_at(const std::string& id) {
    auto trial = this->trials().trial(id);
    EXPECT_TRUE(trial) << id;
    return trial ? trial->checked_at : std::string();
  }
  std::vector<std::string> changed_since(std::int64_t position) {
    std::vector<std::string> ids;
    this->trials().for_each_trial_changed_since(
        position, [&](const StoredTrial& t) { ids.push_back(t.nct_id); },
        [&](const std::string& id) { ids.push_back("-" + id); });
    return ids;
  }
};
// Every test below runs on SQLite and on PostgreSQL.
TYPED_TEST_SUITE(TrialStoreTest, testing::StoreBackends, testing::BackendNames);

TYPED_TEST(TrialStoreTest, AnImportMarksEveryRecordItSawAsCheckedThen) {
  auto first =
      this->trials().upsert_trials({{"NCT1", "{\"a\":1}"}, {"NCT2", "{\"b\":1}"}}, kMonday);
  EXPECT_EQ(first.added, 2);
  EXPECT_EQ(this->checked_at("NCT1"), kMonday);
  EXPECT_EQ(this->checked_at("NCT2"), kMonday);
  const std::string updated_before = this->trials().trial("NCT2")->updated_at;

  auto feed = this->store_->changes().latest();
  auto second =
      this->trials().upsert_trials({{"NCT1", "{\"a\":2}"}, {"NCT2", "{\"b\":1}"}}, kTuesday);
  EXPECT_EQ(second.updated, 1);
  EXPECT_EQ(second.unchanged, 1);
  EXPECT_EQ(this->checked_at("NCT1"), kTuesday);
  EXPECT_EQ(this->checked_at("NCT2"), kTuesday);  // unchanged, but seen
  EXPECT_EQ(this->trials().trial("NCT2")->updated_at, updated_before);
  EXPECT_EQ(this->changed_since(feed), std::vector<std::string>{"NCT1"});
}

TYPED_TEST(TrialStoreTest, WithoutAnInstantTheDatabaseClockSaysWhen) {
  (void)this->trials().upsert_trials({{"NCT1", "{}"}}, {});
  const std::string at = this->checked_at("NCT1");
  EXPECT_TRUE(std::regex_match(at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << at;
  EXPECT_EQ(at, this->trials().trial("NCT1")->updated_at);
}

TYPED_TEST(TrialStoreTest, ConfirmingMarksOnlyTheTrialsSeenSinceThenAndFeedsNothing) {
  (void)this->trials().upsert_trials({{"NCT1", "{}"}}, kMonday);     // before the last run
  (void)this->trials().upsert_trials({{"NCT2", "{}"}}, kTuesday);    // seen by the last run
  (void)this->trials().upsert_trials({{"NCT3", "{}"}}, kWednesday);  // seen by this one
  auto feed = this->store_->changes().latest();

  EXPECT_EQ(this->trials().confirm_checked(kTuesday, kWednesday), 1);
  EXPECT_EQ(this->checked_at("NCT1"), kMonday);
  EXPECT_EQ(this->checked_at("NCT2"), kWednesday);
  EXPECT_EQ(this->checked_at("NCT3"), kWednesday);
  EXPECT_TRUE(this->changed_since(feed).empty());
  EXPECT_EQ(this->trials().confirm_checked(kTuesday, kWednesday), 0);  // nothing left to mark
}

}  // namespace
}  // namespace cairn::store
