#include "trials/finder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>

#include "temp_store.hpp"
#include "test_paths.hpp"
#include "trials/importer.hpp"
#include "trials/record_parser.hpp"
#include "uk_places.hpp"

namespace cairn::trials {
namespace {

using testing::fixture;
using testing::real_trials;
using Ids = std::vector<std::string>;

Ids ids_of(const FinderResult& result) {
  Ids ids;
  for (const auto& hit : result.results) ids.push_back(hit.nct_id);
  return ids;
}

Ids sorted(Ids ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

class FinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    import({fixture("finder-trials.json")});
    finder_.reload();
  }
  void import(const std::vector<std::filesystem::path>& paths) {
    Importer importer(store_->trials());
    auto summary = importer.import_paths(paths);
    ASSERT_TRUE(summary) << summary.error().message;
    ASSERT_EQ(summary->rejected, 0);
  }
  FinderResult find(std::map<std::string, std::string> params) {
    auto query = parse_finder_query(params, testing::uk_places());
    EXPECT_TRUE(query) << query.error().message;
    return query ? finder_.search(*query) : FinderResult{};
  }

  testing::TempStore store_;
  TrialFinder finder_{store_->trials(), store_->changes()};
};

TEST_F(FinderTest, ByDefaultListsRecruitingTrialsInTheUk) {
  auto result = find({});
  EXPECT_EQ(result.total, 8u);
  EXPECT_EQ(sorted(ids_of(result)),
            (Ids{"NCT90000001", "NCT90000003", "NCT90000005", "NCT90000006", "NCT90000007",
                 "NCT90000010", "NCT90000011", "NCT90000012"}));
}

TEST_F(FinderTest, FacetsCountWhatEachOtherChoiceWouldGive) {
  auto result = find({});
  // Status counts ignore the status filter but keep the country one.
  EXPECT_EQ(result.facets["status"],
            (std::map<std::string, std::size_t>{
                {"RECRUITING", 8}, {"COMPLETED", 1}, {"NOT_YET_RECRUITING", 1}}));
  EXPECT_EQ(result.facets["country"],
            (std::map<std::string, std::size_t>{
                {"United Kingdom", 8}, {"United States", 1}, {"France", 1}}));
  EXPECT_EQ(result.facets["phase"],
            (std::map<std::string, std::size_t>{{"PHASE2", 3}, {"PHASE3", 4}, {"NA", 1}}));
  EXPECT_EQ(result.facets["condition"]["Breast Cancer"], 2u);
  EXPECT_EQ(result.facets["condition"]["Lung Cancer"], 2u);
}

TEST_F(FinderTest, CommonWordsKeepTheirFacets) {
  auto result = find({{"q", "cancer"}});
  EXPECT_EQ(sorted(ids_of(result)), (Ids{"NCT90000001", "NCT90000003", "NCT90000005", "NCT90000006",
                                         "NCT90000010", "NCT90000011"}));
  EXPECT_EQ(result.facets["status"], (std::map<std::string, std::size_t>{{"RECRUITING", 6}}));
  EXPECT_EQ(result.facets["country"],
            (std::map<std::string, std::size_t>{{"United Kingdom", 6}, {"France", 1}}));
}

TEST_F(FinderTest, FiltersByConditionStatusPhaseAndCountry) {
  EXPECT_EQ(sorted(ids_of(find({{"condition", "breast cancer"}}))),
            (Ids{"NCT90000003", "NCT90000010"}));
  EXPECT_EQ(sorted(ids_of(find({{"condition", "breast cancer"}, {"country", "France"}}))),
            (Ids{"NCT90000009"}));
  EXPECT_EQ(ids_of(find({{"status", "completed"}})), (Ids{"NCT90000004"}));
  EXPECT_EQ(sorted(ids_of(find({{"phase", "2"}}))),
            (Ids{"NCT90000001", "NCT90000006", "NCT90000010"}));
  EXPECT_EQ(find({{"status", "any"}, {"country", "any"}}).total, 12u);
}

TEST_F(FinderTest, FiltersByTheAgeAndSexOfThePerson) {
  EXPECT_EQ(ids_of(find({{"age", "10"}})), (Ids{"NCT90000007"}));
  auto seventy_two = ids_of(find({{"age", "72"}}));
  EXPECT_EQ(std::count(seventy_two.begin(), seventy_two.end(), "NCT90000005"), 0);  // up to 70
  EXPECT_EQ(std::count(seventy_two.begin(), seventy_two.end(), "NCT90000001"), 1);  // up to 75
  auto men = ids_of(find({{"sex", "male"}}));
  EXPECT_EQ(std::count(men.begin(), men.end(), "NCT90000003"), 0);  // women only
  EXPECT_EQ(std::count(men.begin(), men.end(), "NCT90000006"), 1);  // men only
  auto women = ids_of(find({{"sex", "female"}}));
  EXPECT_EQ(std::count(women.begin(), women.end(), "NCT90000006"), 0);
  EXPECT_EQ(std::count(women.begin(), women.end(), "NCT90000003"), 1);
}

TEST_F(FinderTest, NearATownSortsByDistanceAndNamesTheNearestSite) {
  auto result = find({{"near", "Manchester"}, {"distance", "50"}, {"sort", "distance"}});
  EXPECT_EQ(ids_of(result),
            (Ids{"NCT90000007", "NCT90000001", "NCT90000010", "NCT90000011", "NCT90000003"}));
  ASSERT_EQ(result.results.size(), 5u);
  ASSERT_TRUE(result.results[1].nearest);
  EXPECT_EQ(result.results[1].nearest->facility, "The Christie NHS Foundation Trust");
  EXPECT_EQ(result.results[1].nearest->city, "Manchester");
  EXPECT_NEAR(result.results[1].nearest->distance_miles, 3.8, 0.5);
  EXPECT_EQ(result.results[2].nearest->city, "Stockport");  // nearer than its Leeds site
  for (std::size_t i = 1; i < result.results.size(); ++i) {
    EXPECT_LE(result.results[i - 1].nearest->distance_miles,
              result.results[i].nearest->distance_miles);
  }
  EXPECT_LE(result.results.back().nearest->distance_miles, 50);
}

TEST_F(FinderTest, DistanceLimitsTheTrials) {
  EXPECT_EQ(sorted(ids_of(find({{"near", "Manchester"}}))),
            (Ids{"NCT90000001", "NCT90000007", "NCT90000010"}));  // 25 miles by default
  EXPECT_EQ(ids_of(find({{"near", "m1 1aa"}, {"distance", "10"}, {"sort", "distance"}})),
            (Ids{"NCT90000007", "NCT90000001", "NCT90000010"}));
  EXPECT_EQ(ids_of(find({{"near", "Caerdydd"}, {"distance", "10"}})), (Ids{"NCT90000005"}));
}

TEST_F(FinderTest, WordsMatchTitlesConditionsAndSummaries) {
  EXPECT_EQ(ids_of(find({{"q", "osimertinib"}})), (Ids{"NCT90000005"}));
  EXPECT_EQ(ids_of(find({{"q", "leukemia"}})), (Ids{"NCT90000007"}));  // title says leukaemia
  EXPECT_EQ(find({{"q", "radiotherapy lung"}}).total, 1u);             // every word must match
  EXPECT_EQ(find({{"q", "xylophone"}}).total, 0u);
}

TEST_F(FinderTest, LmTrialsAreThoseFiledUnderLmRecruitingUkFirst) {
  auto result = finder_.lm_trials(10);
  // NCT90000003 excludes LM in its criteria; NCT90000012 mentions it in passing in
  // its summary; NCT90000004 is completed. None of them is a trial for LM.
  auto ids = ids_of(result);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(result.total, 3u);
  EXPECT_EQ(sorted(Ids(ids.begin(), ids.begin() + 2)),
            (Ids{"NCT90000001", "NCT90000010"}));      // UK sites
  EXPECT_EQ(result.results[2].nct_id, "NCT90000002");  // carcinomatous meningitis, USA
}

TEST_F(FinderTest, ExclusionCriteriaNeverCountButSummariesDo) {
  auto words = find({{"q", "leptomeningeal"}, {"status", "any"}, {"country", "any"}});
  auto ids = ids_of(words);
  EXPECT_EQ(sorted(ids), (Ids{"NCT90000001", "NCT90000010", "NCT90000012"}));
  // A mention in the summary ranks below one in the conditions or keywords.
  EXPECT_EQ(ids.back(), "NCT90000012");
}

TEST_F(FinderTest, PagesThroughResults) {
  FinderQuery query;
  query.page_size = 3;
  std::set<std::string> seen;
  for (int page = 1; page <= 3; ++page) {
    query.page = page;
    auto result = finder_.search(query);
    EXPECT_EQ(result.total, 8u);
    EXPECT_EQ(result.results.size(), page < 3 ? 3u : 2u);
    for (const auto& id : ids_of(result)) EXPECT_TRUE(seen.insert(id).second) << id;
  }
  query.page = 4;
  EXPECT_TRUE(finder_.search(query).results.empty());
}

TEST_F(FinderTest, AnswersInTheApiShape) {
  auto json = result_to_json(find({{"q", "intrathecal pemetrexed"}, {"near", "Sutton"}}));
  EXPECT_EQ(json["total"], 1);
  EXPECT_EQ(json["page"], 1);
  ASSERT_TRUE(json["facets"].contains("status"));
  ASSERT_TRUE(json["facets"].contains("phase"));
  ASSERT_TRUE(json["facets"].contains("country"));
  ASSERT_TRUE(json["facets"].contains("condition"));
  const auto& hit = json["results"][0];
  EXPECT_EQ(hit["nct_id"], "NCT90000001");
  EXPECT_EQ(hit["title"], "Intrathecal Pemetrexed for Leptomeningeal Metastases From Lung Cancer");
  EXPECT_EQ(hit["status"], "RECRUITING");
  EXPECT_EQ(hit["phases"], nlohmann::json::array({"PHASE2"}));
  EXPECT_EQ(hit["conditions"][0], "Leptomeningeal Metastases");
  EXPECT_EQ(hit["nearest"]["facility"], "The Royal Marsden");
  EXPECT_EQ(hit["nearest"]["city"], "Sutton");
  EXPECT_LT(hit["nearest"]["distance_miles"].get<double>(), 2);
  EXPECT_EQ(hit["url"], "/trials/NCT90000001");
  auto without_place = result_to_json(find({{"q", "osimertinib"}}));
  EXPECT_TRUE(without_place["results"][0]["nearest"].is_null());
}

TEST_F(FinderTest, SeesNewAndChangedTrialsAfterRefreshWithoutReload) {
  EXPECT_EQ(finder_.refresh(), 0u);
  std::istringstream added(R"({"protocolSection":{
    "identificationModule":{"nctId":"NCT90000099","briefTitle":"Intrathecal Topotecan for Leptomeningeal Disease"},
    "statusModule":{"overallStatus":"RECRUITING"},
    "conditionsModule":{"conditions":["Leptomeningeal Disease"]},
    "contactsLocationsModule":{"locations":[{"facility":"Velindre","city":"Cardiff","country":"United Kingdom"}]}}})");
  Importer importer(store_->trials());
  ImportSummary summary;
  importer.import_stream(added, "new.json", RecordReader::Shape::json, summary);
  ASSERT_EQ(summary.added, 1);
  EXPECT_EQ(finder_.lm_trials(10).total, 3u);  // not yet seen
  EXPECT_EQ(finder_.refresh(), 1u);
  EXPECT_EQ(finder_.lm_trials(10).total, 4u);

  // The same trial closes: it leaves the recruiting list and is not counted twice.
  std::istringstream closed(R"({"protocolSection":{
    "identificationModule":{"nctId":"NCT90000099","briefTitle":"Intrathecal Topotecan for Leptomeningeal Disease"},
    "statusModule":{"overallStatus":"COMPLETED"},
    "conditionsModule":{"conditions":["Leptomeningeal Disease"]}}})");
  importer.import_stream(closed, "closed.json", RecordReader::Shape::json, summary);
  EXPECT_EQ(finder_.refresh(), 1u);
  EXPECT_EQ(finder_.lm_trials(10).total, 3u);
  EXPECT_EQ(finder_.size(), 13u);
  EXPECT_EQ(find({{"status", "any"}, {"country", "any"}}).total, 13u);
}

TEST_F(FinderTest, GivesOneTrialInFull) {
  auto trial = finder_.trial("NCT90000003");
  ASSERT_TRUE(trial);
  EXPECT_NE(trial->trial.eligibility.criteria.find("No leptomeningeal disease"), std::string::npos);
  EXPECT_EQ(trial->checked_at, store_->trials().trial("NCT90000003")->checked_at);
  EXPECT_FALSE(trial->checked_at.empty());
  EXPECT_FALSE(finder_.trial("NCT00000000"));
}

TEST_F(FinderTest, SearchesCarryOnWhileTrialsAreImported) {
  std::atomic<bool> stop{false};
  std::atomic<int> searches{0};
  std::thread reader([&] {
    FinderQuery query;
    query.statuses.clear();
    query.country.clear();
    while (!stop) {
      auto result = finder_.search(query);
      EXPECT_GE(result.total, 12u);
      ++searches;
    }
  });
  import({real_trials("lung-nsclc-export.json")});
  finder_.refresh();
  stop = true;
  reader.join();
  EXPECT_GT(searches.load(), 0);
  EXPECT_EQ(finder_.size(), 112u);
}

// A load reads and parses trials on one thread and indexes them on another, in
// batches: every trial arrives, whatever the number of batches.
TEST_F(FinderTest, ReloadTakesInEveryTrialAcrossManyBatches) {
  std::string records;
  for (int i = 1; i <= 1234; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "NCT%08d", 10000000 + i);
    records += R"({"protocolSection":{"identificationModule":{"nctId":")" + std::string(id) +
               R"(","briefTitle":"Generated"},"statusModule":{"overallStatus":")" +
               (i % 2 ? "RECRUITING" : "COMPLETED") + R"("}}})" + "\n";
  }
  std::istringstream in(records);
  Importer importer(store_->trials());
  ImportSummary summary;
  importer.import_stream(in, "many.ndjson", RecordReader::Shape::ndjson, summary);
  ASSERT_EQ(summary.added, 1234);
  finder_.reload();
  EXPECT_EQ(finder_.size(), 12u + 1234u);
  auto all = find({{"status", "any"}, {"country", "any"}, {"q", "generated"}});
  EXPECT_EQ(all.total, 1234u);
  EXPECT_EQ(all.facets["status"]["RECRUITING"], 617u);
  EXPECT_EQ(ids_of(all).front(), "NCT10000001");  // equal in all else: lowest id first
}

// A store that breaks while a load reads it, after a number of trials.
class BreakingTrials final : public store::TrialStore {
 public:
  explicit BreakingTrials(store::TrialStore& real) : real_(real) {}
  int break_after = -1;  // trials read before breaking; -1 never breaks

  store::TrialImportReport upsert_trials(const std::vector<store::TrialRecord>& t,
                                         std::string_view checked_at) override {
    return real_.upsert_trials(t, checked_at);
  }
  int confirm_checked(std::string_view seen_since, std::string_view checked_at) override {
    return real_.confirm_checked(seen_since, checked_at);
  }
  std::optional<store::StoredTrial> trial(std::string_view id) override { return real_.trial(id); }
  std::int64_t trial_count() override { return real_.trial_count(); }
  void for_each_trial(const std::function<void(const store::StoredTrial&)>& visit) override {
    int read = 0;
    real_.for_each_trial([&](const store::StoredTrial& t) {
      if (read++ == break_after)
        throw std::runtime_error("database gone");
      visit(t);
    });
  }
  int remove_trials(const std::vector<std::string>& ids) override {
    return real_.remove_trials(ids);
  }
  void for_each_trial_changed_since(
      std::int64_t since, const std::function<void(const store::StoredTrial&)>& visit,
      const std::function<void(const std::string&)>& removed) override {
    real_.for_each_trial_changed_since(since, visit, removed);
  }

 private:
  store::TrialStore& real_;
};

TEST_F(FinderTest, AFailedReloadKeepsTheTrialsItHad) {
  BreakingTrials breaking(store_->trials());
  TrialFinder finder(breaking, store_->changes());
  finder.reload();
  ASSERT_EQ(finder.size(), 12u);
  breaking.break_after = 5;
  EXPECT_THROW(finder.reload(), std::runtime_error);
  EXPECT_EQ(finder.size(), 12u);
  FinderQuery any;
  any.statuses.clear();
  any.country.clear();
  EXPECT_EQ(finder.search(any).total, 12u);
}

// The real records: lung cancer trials that exclude LM in their criteria.
class RealFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    store_ = new testing::TempStore("real-records");
    Importer importer((**store_).trials());
    auto summary = importer.import_paths({real_trials()});
    ASSERT_TRUE(summary);
    ASSERT_EQ(summary->rejected, 0);
    finder_ = new TrialFinder((**store_).trials(), (**store_).changes());
    finder_->reload();
  }
  static void TearDownTestSuite() {
    delete finder_;
    delete store_;
  }
  // Trials whose criteria name LM while nothing else about them does.
  static std::set<std::string> lm_only_in_criteria() {
    std::set<std::string> ids;
    auto names = [](std::string text) {
      std::transform(text.begin(), text.end(), text.begin(), ::tolower);
      return text.find("leptomening") != std::string::npos ||
             text.find("carcinomatous mening") != std::string::npos ||
             text.find("meningeal metast") != std::string::npos ||
             text.find("neoplastic mening") != std::string::npos;
    };
    (**store_).trials().for_each_trial([&](const store::StoredTrial& stored) {
      Trial t = trial_from_storage(stored.content);
      std::string about = t.brief_title + " " + t.official_title + " " + t.brief_summary;
      for (const auto& s : t.conditions) about += " " + s;
      for (const auto& s : t.keywords) about += " " + s;
      for (const auto& s : t.mesh_terms) about += " " + s;
      if (names(t.eligibility.criteria) && !names(about))
        ids.insert(t.nct_id);
    });
    return ids;
  }
  static testing::TempStore* store_;
  static TrialFinder* finder_;
};
testing::TempStore* RealFinderTest::store_ = nullptr;
TrialFinder* RealFinderTest::finder_ = nullptr;

TEST_F(RealFinderTest, TrialsExcludingLmInTheirCriteriaAreNotLmTrials) {
  auto excluders = lm_only_in_criteria();
  // The lung cancer export has many: the test means something.
  ASSERT_GE(excluders.size(), 20u);
  EXPECT_TRUE(excluders.count("NCT04736823"));  // "Has carcinomatous meningitis" excluded

  FinderQuery query;
  query.condition = "leptomeningeal metastases";
  query.statuses.clear();
  query.country.clear();
  query.page_size = 100;
  auto lm = finder_->search(query);
  // Only the trial for "soft meningeal metastases" (LM by another name) in its title.
  EXPECT_EQ(ids_of(lm), Ids{"NCT06332300"});
  for (const auto& id : ids_of(lm)) EXPECT_FALSE(excluders.count(id)) << id;

  EXPECT_EQ(finder_->lm_trials(20).total, 0u);  // none of the real LM trials is recruiting

  query.condition.clear();
  query.q = "leptomeningeal";
  for (const auto& id : ids_of(finder_->search(query))) {
    EXPECT_FALSE(excluders.count(id)) << id << " matched on its criteria";
  }
}

// Over the real records: an abbreviation and its long name find the same trials, and
// "cancer" finds every trial (no condition filter).
TEST_F(RealFinderTest, CancerTypesByAbbreviationOrNameFindTheSameTrials) {
  auto found = [&](const std::string& condition) {
    FinderQuery query;
    query.condition = condition;
    query.statuses.clear();
    query.country.clear();
    query.page_size = 100;
    auto result = finder_->search(query);
    Ids ids;
    for (query.page = 1; ids.size() < result.total; ++query.page) {
      auto page = ids_of(finder_->search(query));
      if (page.empty())
        break;
      ids.insert(ids.end(), page.begin(), page.end());
    }
    return sorted(ids);
  };
  const std::vector<std::pair<std::string, std::string>> same = {
      {"NSCLC", "non-small cell lung cancer"},
      {"SCLC", "small cell lung cancer"},
      {"GBM", "glioblastoma"},
      {"HCC", "hepatocellular carcinoma"},
      {"RCC", "renal cell carcinoma"},
      {"CLL", "chronic lymphocytic leukaemia"},
      {"LM", "leptomeningeal metastases"},
  };
  for (const auto& [abbreviation, name] : same) {
    auto by_abbreviation = found(abbreviation);
    EXPECT_FALSE(by_abbreviation.empty()) << abbreviation;
    EXPECT_EQ(by_abbreviation, found(name)) << abbreviation << " / " << name;
  }
  // Small cell is not non-small cell, though trials for both are found by both.
  auto nsclc = found("NSCLC"), sclc = found("SCLC");
  EXPECT_TRUE(std::count(nsclc.begin(), nsclc.end(), "NCT00831909"));  // NSCLC only
  EXPECT_FALSE(std::count(sclc.begin(), sclc.end(), "NCT00831909"));
  EXPECT_TRUE(std::count(sclc.begin(), sclc.end(), "NCT05879978"));    // small cell lung carcinoma
  EXPECT_TRUE(std::count(nsclc.begin(), nsclc.end(), "NCT06305962"));  // both
  EXPECT_TRUE(std::count(sclc.begin(), sclc.end(), "NCT06305962"));

  auto every = found("");
  EXPECT_GT(every.size(), 100u);
  for (const auto& any : {"cancer", "any cancer", "all cancers"})
    EXPECT_EQ(found(any), every) << any;
}

// The default search, recruiting with a UK site, over the real records: NCT05850520 (in
// mixed-export-50) and the 27 in melanoma-recruiting-2026, counted from the JSON files.
TEST_F(RealFinderTest, FindsTheRealUkRecruitingTrials) {
  const Ids expected = {"NCT02332668", "NCT03829254", "NCT03860883", "NCT04493723", "NCT04498767",
                        "NCT04752826", "NCT05107674", "NCT05231655", "NCT05522660", "NCT05549297",
                        "NCT05727904", "NCT05768178", "NCT05770102", "NCT05770544", "NCT05850520",
                        "NCT06112314", "NCT06172478", "NCT06242470", "NCT06246149", "NCT06264180",
                        "NCT06560905", "NCT06581406", "NCT06697301", "NCT06743126", "NCT07015190",
                        "NCT07049276", "NCT07070232", "NCT07144306"};
  ASSERT_EQ(expected.size(), 28u);
  FinderQuery query;
  ASSERT_EQ(query.page_size, 20);
  auto result = finder_->search(query);
  EXPECT_EQ(result.total, expected.size());
  // Every page in turn, at the default page size: together they hold each trial once.
  Ids all;
  for (query.page = 1; query.page <= 2; ++query.page) {
    auto page = finder_->search(query);
    EXPECT_EQ(page.total, expected.size());
    EXPECT_EQ(page.results.size(), query.page == 1 ? 20u : 8u);
    for (const auto& id : ids_of(page)) all.push_back(id);
  }
  EXPECT_TRUE(finder_->search(query).results.empty()) << "page " << query.page;
  EXPECT_EQ(sorted(all), expected);
  FinderQuery near_leicester;
  auto place = testing::uk_places().resolve("Leicester");
  ASSERT_TRUE(place);
  near_leicester.near = place->place;
  near_leicester.distance_miles = 10;
  auto near = finder_->search(near_leicester);
  // Only NCT05850520 has a site with a geoPoint within 10 miles; the melanoma records'
  // Leicester sites have no geoPoint, so no distance.
  ASSERT_EQ(near.results.size(), 1u);
  EXPECT_EQ(near.results[0].nct_id, "NCT05850520");
  EXPECT_EQ(near.results[0].nearest->city, "Leicester");
}

}  // namespace
}  // namespace cairn::trials
