// The registry sync over a scripted registry serving real records a few at a
// time: every page imported once, a run stopped part-way carried on from its
// page, later runs asking only for changes, and a trial that closed removed.
#include "trials/registry_sync.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <map>
#include <set>

#include <unistd.h>

#include "temp_store.hpp"
#include "test_paths.hpp"

namespace cairn::trials {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr std::size_t kPerPage = 7;

json studies_in(const std::string& file) {
  std::ifstream in(testing::real_trials(file));
  return json::parse(in);
}

std::string query_value(const std::string& url, const std::string& name) {
  auto at = url.find("&" + name + "=");
  if (at == std::string::npos)
    return {};
  auto start = at + name.size() + 2;
  return url.substr(start, url.find('&', start) - start);
}

// Serves `studies` kPerPage at a time; page n's token is "p<n>". `broken` pages
// get the given reply instead, while `broken_times` lasts.
class PagedRegistry final : public RegistryTransport {
 public:
  json studies = json::array();
  std::vector<std::string> urls;
  std::map<int, RegistryReply> broken;
  int broken_times = 1000;

  Result<RegistryReply> get(const std::string& url, std::chrono::milliseconds) override {
    urls.push_back(url);
    auto token = query_value(url, "pageToken");
    int page = token.empty() ? 1 : std::stoi(token.substr(1));
    if (auto it = broken.find(page); it != broken.end() && broken_times > 0) {
      --broken_times;
      return it->second;
    }
    json body = {{"studies", json::array()}};
    std::size_t first = static_cast<std::size_t>(page - 1) * kPerPage;
    for (std::size_t i = first; i < std::min(first + kPerPage, studies.size()); ++i)
      body["studies"].push_back(studies[i]);
    if (first + kPerPage < studies.size())
      body["nextPageToken"] = "p" + std::to_string(page + 1);
    return RegistryReply{200, body.dump(), ""};
  }
  int pages() const { return static_cast<int>((studies.size() + kPerPage - 1) / kPerPage); }
};

class NoWait final : public Sleeper {
 public:
  std::chrono::steady_clock::time_point now() const override { return now_; }
  void sleep_for(std::chrono::milliseconds pause) override { now_ += pause; }

 private:
  std::chrono::steady_clock::time_point now_{};
};

TrialScope cancer_scope() {
  auto words = PhraseList::load(testing::cancer_words());
  EXPECT_TRUE(words) << words.error().message;
  return TrialScope::cancer(words ? *words : PhraseList());
}

std::set<std::string> stored_ids(store::TrialStore& trials) {
  std::set<std::string> ids;
  trials.for_each_trial([&](const store::StoredTrial& t) { ids.insert(t.nct_id); });
  return ids;
}

class RegistrySyncTest : public ::testing::Test {
 protected:
  RegistrySyncTest() {
    registry_.studies = studies_in("mixed-export-50.json");
    settings_.registry = "http://registry.test";
    settings_.min_interval = 0ms;
    settings_.first_backoff = 10ms;
    settings_.max_attempts = 2;
    // What the same records come to through the importer alone, with the sync's scope.
    std::ofstream(expected_file_) << registry_.studies.dump();
    Importer importer(expected_->trials(),
                      cancer_scope().only_statuses(RegistryQuery::current_statuses()));
    auto summary = importer.import_paths({expected_file_});
    EXPECT_TRUE(summary);
    expected_ids_ = stored_ids(expected_->trials());
    std::filesystem::remove(expected_file_);
  }

  Result<SyncSummary> sync(const std::string& term = {}) {
    RegistryClient client(registry_, sleeper_, settings_);
    RegistrySync sync(store_->trials(), store_->trial_sync(), client, cancer_scope(), clock_,
                      sleeper_);
    return sync.run(term);
  }

  // The registry's answer to "updated since" becomes the one study `nct_id`, edited.
  void only_changed(const std::string& nct_id, const std::function<void(json&)>& edit) {
    json changed = json::array();
    for (auto& study : registry_.studies) {
      if (study["protocolSection"]["identificationModule"]["nctId"] == nct_id) {
        edit(study["protocolSection"]);
        changed.push_back(study);
      }
    }
    registry_.studies = changed;
  }

  PagedRegistry registry_;
  NoWait sleeper_;
  FixedClock clock_{std::chrono::sys_days(std::chrono::year(2026) / 12 / 3) + 3h};
  RegistrySettings settings_;
  testing::TempStore store_{"sync"};
  testing::TempStore expected_{"sync-expected"};
  // Per process: ctest runs each test in a process of its own, several at once.
  std::filesystem::path expected_file_ =
      std::filesystem::temp_directory_path() /
      ("cairn-sync-expected-" + std::to_string(::getpid()) + ".json");
  std::set<std::string> expected_ids_;
};

TEST_F(RegistrySyncTest, FirstRunImportsEveryPageOnceWithTheSiteScope) {
  ASSERT_GT(registry_.pages(), 3);
  auto summary = sync();
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->pages, registry_.pages());
  EXPECT_EQ(static_cast<int>(registry_.urls.size()), registry_.pages());
  EXPECT_FALSE(expected_ids_.empty());
  EXPECT_EQ(stored_ids(store_->trials()), expected_ids_);
  EXPECT_EQ(summary->records.added, static_cast<int>(expected_ids_.size()));
  EXPECT_GT(summary->records.skipped, 0);  // the non-cancer records
  EXPECT_EQ(query_value(registry_.urls[0], "query.cond"), "cancer");
  EXPECT_EQ(query_value(registry_.urls[0], "filter.overallStatus"),
            "RECRUITING%7CNOT_YET_RECRUITING%7CACTIVE_NOT_RECRUITING");

  auto state = store_->trial_sync().sync_state();
  EXPECT_TRUE(state.run_started_at.empty());
  EXPECT_EQ(state.last_success_started_at, "2026-12-03T03:00:00Z");
  EXPECT_TRUE(state.last_ok);
  EXPECT_EQ(state.last_result, summary->summary_line());
  EXPECT_TRUE(
      state.last_result.starts_with("Sync: " + std::to_string(registry_.pages()) + " pages, "))
      << state.last_result;
}

TEST_F(RegistrySyncTest, ARunStoppedPartWayKeepsItsPagesAndTheNextCarriesOn) {
  registry_.broken[3] = RegistryReply{500, "", ""};
  auto failed = sync();
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().message.find("stopped at page 3 after 2 new pages"), std::string::npos)
      << failed.error().message;
  auto after_failure = stored_ids(store_->trials());
  EXPECT_FALSE(after_failure.empty());
  EXPECT_LT(after_failure.size(), expected_ids_.size());
  auto state = store_->trial_sync().sync_state();
  EXPECT_EQ(state.next_page_token, "p3");
  EXPECT_EQ(state.pages_done, 2);
  EXPECT_FALSE(state.last_ok);
  EXPECT_EQ(state.last_result, failed.error().message);

  registry_.broken.clear();
  registry_.urls.clear();
  clock_.advance(10min);
  auto resumed = sync();
  ASSERT_TRUE(resumed) << resumed.error().message;
  EXPECT_EQ(query_value(registry_.urls[0], "pageToken"), "p3");
  EXPECT_EQ(resumed->pages, registry_.pages() - 2);
  EXPECT_EQ(resumed->resumed_after, 2);
  EXPECT_EQ(stored_ids(store_->trials()), expected_ids_);
  // The records of the first two pages were not imported again.
  EXPECT_EQ(resumed->records.unchanged, 0);
  // The run counts from its first start, so nothing in between is missed next time.
  EXPECT_EQ(store_->trial_sync().sync_state().last_success_started_at, "2026-12-03T03:00:00Z");
}

TEST_F(RegistrySyncTest, ABrokenPageChangesNothingAndIsNotSkipped) {
  auto body = registry_.get("http://registry.test/?format=json&pageToken=p2", 1s)->body;
  registry_.urls.clear();
  registry_.broken[2] = RegistryReply{200, body.substr(0, body.size() / 2), ""};
  auto failed = sync();
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().message.find("not complete JSON"), std::string::npos);
  auto state = store_->trial_sync().sync_state();
  EXPECT_EQ(state.next_page_token, "p2");
  auto first_page_only = stored_ids(store_->trials());

  registry_.broken.clear();
  ASSERT_TRUE(sync());
  EXPECT_EQ(stored_ids(store_->trials()), expected_ids_);
  EXPECT_LT(first_page_only.size(), expected_ids_.size());
}

TEST_F(RegistrySyncTest, LaterRunsAskForChangesAndATrialThatClosedLeaves) {
  ASSERT_TRUE(sync());
  ASSERT_FALSE(expected_ids_.empty());
  // One stored trial closes; the registry's answer to "updated since" is that one.
  const std::string closing = *expected_ids_.begin();
  only_changed(closing,
               [](json& protocol) { protocol["statusModule"]["overallStatus"] = "COMPLETED"; });
  registry_.urls.clear();
  clock_.advance(24h);

  auto summary = sync();
  ASSERT_TRUE(summary) << summary.error().message;
  ASSERT_EQ(registry_.urls.size(), 1u);
  EXPECT_EQ(query_value(registry_.urls[0], "filter.advanced"),
            "AREA%5BLastUpdatePostDate%5DRANGE%5B2026-12-02%2CMAX%5D");
  EXPECT_EQ(query_value(registry_.urls[0], "filter.overallStatus"), "");
  EXPECT_EQ(summary->since, "2026-12-02");
  EXPECT_EQ(summary->records.closed, 1);
  EXPECT_EQ(summary->records.closed_removed, 1);
  EXPECT_FALSE(store_->trials().trial(closing));
  EXPECT_EQ(stored_ids(store_->trials()).size(), expected_ids_.size() - 1);
  EXPECT_NE(summary->summary_line().find("1 closed (1 removed)"), std::string::npos);
  EXPECT_NE(summary->summary_line().find("(changes since 2026-12-02)"), std::string::npos);
  EXPECT_EQ(store_->trial_sync().sync_state().last_success_started_at, "2026-12-04T03:00:00Z");
}

TEST_F(RegistrySyncTest, EveryTrialIsCheckedAsOfTheLastRunThatHeardOfNoChangeOrOne) {
  ASSERT_TRUE(sync());
  auto checked = [&] {
    std::set<std::string> at;
    store_->trials().for_each_trial([&](const store::StoredTrial& t) { at.insert(t.checked_at); });
    return at;
  };
  EXPECT_EQ(checked(), std::set<std::string>{"2026-12-03T03:00:00Z"});

  // A day on, the registry names one changed trial; the rest it did not name are unchanged.
  const std::string changing = *expected_ids_.rbegin();
  only_changed(changing, [](json& protocol) {
    protocol["identificationModule"]["briefTitle"] = "A new title";
  });
  clock_.advance(24h);
  auto summary = sync();
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->records.updated, 1);
  EXPECT_EQ(checked(), std::set<std::string>{"2026-12-04T03:00:00Z"});

  // A run that stops before it hears anything confirms nothing.
  registry_.broken[1] = RegistryReply{500, "", ""};
  clock_.advance(24h);
  ASSERT_FALSE(sync());
  EXPECT_EQ(checked(), std::set<std::string>{"2026-12-04T03:00:00Z"});
}

TEST_F(RegistrySyncTest, OwnWordsAreADifferentQuestionAskedInFull) {
  ASSERT_TRUE(sync());
  registry_.urls.clear();
  auto summary = sync("leptomeningeal");
  ASSERT_TRUE(summary);
  EXPECT_EQ(query_value(registry_.urls[0], "query.term"), "leptomeningeal");
  EXPECT_EQ(query_value(registry_.urls[0], "filter.advanced"), "");
  EXPECT_EQ(summary->since, "");
  EXPECT_EQ(summary->records.unchanged, static_cast<int>(expected_ids_.size()));
}

TEST(DayBeforeTest, CrossesMonthsAndYears) {
  EXPECT_EQ(day_before("2026-12-03T03:00:00Z"), "2026-12-02");
  EXPECT_EQ(day_before("2026-03-01T00:00:00Z"), "2026-02-28");
  EXPECT_EQ(day_before("2027-01-01"), "2026-12-31");
  EXPECT_EQ(day_before("yesterday"), "");
  EXPECT_EQ(day_before("2026-02-30T00:00:00Z"), "");
}

}  // namespace
}  // namespace cairn::trials
