#include "trials/trial_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "trials/places.hpp"
#include "trials/plain_english.hpp"

// The finder's fast paths (the grid read a block of trials at a time, the two-filter merge,
// the facet lists) against a plain reading of what the finder promises, on 20,000 generated
// trials: more than two blocks, sites that share places, trials replaced by newer versions.
namespace cairn::trials {
namespace {

constexpr int kTrials = 20000;

// Places the generated sites share, so that one trial can have two sites at the same place.
struct Spot {
  const char* city;
  double lat, lon;
};
const std::vector<Spot> kSpots = {
    {"Manchester", 53.4808, -2.2426}, {"Stockport", 53.4106, -2.1575},
    {"Leeds", 53.8008, -1.5491},      {"Liverpool", 53.4084, -2.9916},
    {"Sheffield", 53.3811, -1.4701},  {"Birmingham", 52.4862, -1.8904},
    {"Glasgow", 55.8642, -4.2518},    {"Cardiff", 51.4816, -3.1791},
    {"London", 51.5072, -0.1276},     {"Bolton", 53.5769, -2.4282},
    {"Preston", 53.7632, -2.7031},    {"Dublin", 53.3498, -6.2603},
    {"Paris", 48.8566, 2.3522},       {"Boston", 42.3601, -71.0589}};

const std::vector<std::string> kStatuses = {"RECRUITING", "COMPLETED", "NOT_YET_RECRUITING",
                                            "ACTIVE_NOT_RECRUITING"};
const std::vector<std::string> kPhases = {"EARLY_PHASE1", "PHASE1", "PHASE2",
                                          "PHASE3",       "PHASE4", "NA"};
const std::vector<std::string> kConditions = {"Lung Cancer", "Breast Cancer", "Melanoma", "Myeloma",
                                              "Lymphoma",    "Glioma",        "Leukemia", "Asthma"};
const std::vector<std::string> kAges = {"",         "6 Months", "18 Years",
                                        "40 Years", "65 Years", "80 Years"};

std::string country_of(const Spot& spot) {
  std::string city = spot.city;
  if (city == "Dublin")
    return "Ireland";
  if (city == "Paris")
    return "France";
  if (city == "Boston")
    return "United States";
  return "United Kingdom";
}

std::vector<Trial> generate(std::uint64_t seed) {
  std::mt19937_64 random(seed);
  auto below = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  std::vector<Trial> trials;
  for (int i = 0; i < kTrials; ++i) {
    Trial t;
    char id[16];
    // Ids out of order, as an import meets them.
    std::snprintf(id, sizeof id, "NCT%08u",
                  static_cast<unsigned>(10000000 + (static_cast<unsigned>(i) * 7919u) % 9000000u));
    t.nct_id = id;
    t.brief_title = "Trial " + std::to_string(i);
    t.overall_status = kStatuses[below(kStatuses.size())];
    for (const auto& phase : kPhases) {
      if (below(4) == 0)
        t.phases.push_back(phase);
    }
    for (std::size_t c = below(3); c > 0; --c) t.conditions.push_back(kConditions[below(8)]);
    static const std::vector<std::string> kSexes = {"", "ALL", "FEMALE", "MALE"};
    t.eligibility.sex = kSexes[below(4)];
    t.eligibility.minimum_age = kAges[below(3)];
    t.eligibility.maximum_age = below(2) ? "" : kAges[3 + below(3)];
    char date[16];
    std::snprintf(date, sizeof date, "20%02zu-%02zu-%02zu", 10 + below(15), 1 + below(12),
                  1 + below(28));
    t.last_update = date;
    for (std::size_t s = below(6); s > 0; --s) {
      const Spot& spot = kSpots[below(kSpots.size())];
      Location l;
      l.facility = std::string(spot.city) + " Hospital " + std::to_string(below(3));
      l.city = spot.city;
      l.country = country_of(spot);
      if (below(5) != 0) {  // most sites have a geoPoint, some sit a little off the town
        double jitter = below(3) == 0 ? static_cast<double>(below(100)) / 200.0 : 0;
        l.lat = spot.lat + jitter;
        l.lon = spot.lon - jitter;
      }
      t.locations.push_back(std::move(l));
    }
    trials.push_back(std::move(t));
  }
  return trials;
}

// ---- the finder's promises, read plainly ------------------------------------------------

std::int32_t date_number(const std::string& date) {
  std::string digits;
  for (char c : date) {
    if (c >= '0' && c <= '9')
      digits += c;
  }
  while (digits.size() < 8) digits += "00";
  return std::stoi(digits.substr(0, 8));
}

struct Nearest {
  float miles = std::numeric_limits<float>::infinity();
  const Location* site = nullptr;
};

// The trial's nearest site within the distance: the first one on a tie.
Nearest nearest_site(const Trial& t, const Place& place, double miles) {
  Nearest best;
  double cos_lat = std::max(0.01, std::cos(place.lat * 3.14159265358979323846 / 180));
  for (const auto& l : t.locations) {
    if (!l.lat || !l.lon)
      continue;
    auto lat = static_cast<float>(*l.lat), lon = static_cast<float>(*l.lon);
    double dy = (lat - place.lat) * 69.0, dx = (lon - place.lon) * 69.0 * cos_lat;
    if (dx * dx + dy * dy > miles * miles * 1.05)
      continue;  // the finder's cheap first check, which it documents as part of "within"
    auto d = static_cast<float>(distance_miles(place.lat, place.lon, lat, lon));
    if (d <= miles && d < best.miles)
      best = {d, &l};
  }
  return best;
}

std::vector<std::string> countries_of(const Trial& t) {
  std::vector<std::string> out;
  for (const auto& l : t.locations) {
    if (!l.country.empty() && std::find(out.begin(), out.end(), l.country) == out.end())
      out.push_back(l.country);
  }
  return out;
}

bool within_age(const Trial& t, double years) {
  double months = years * 12;
  if (auto min = age_in_years(t.eligibility.minimum_age);
      min && months < std::floor(*min * 12.0 + 1e-6)) {
    return false;
  }
  if (auto max = age_in_years(t.eligibility.maximum_age);
      max && months > std::ceil(*max * 12.0 - 1e-6)) {
    return false;
  }
  return true;
}

FinderResult expected(const std::vector<const Trial*>& trials, const FinderQuery& q) {
  struct Hit {
    const Trial* trial;
    Nearest near;
    bool preferred;
  };
  std::vector<Hit> hits;
  std::map<std::string, std::size_t> status, phase, country, condition;
  for (const Trial* t : trials) {
    Nearest near;
    if (q.near) {
      near = nearest_site(*t, *q.near, q.distance_miles);
      if (!near.site)
        continue;
    }
    if (q.age && !within_age(*t, *q.age))
      continue;
    const std::string& sex = t->eligibility.sex;
    if (!q.sex.empty() && (sex == "FEMALE" || sex == "MALE") && sex != q.sex)
      continue;
    auto countries = countries_of(*t);
    bool status_fails = !q.statuses.empty() && std::find(q.statuses.begin(), q.statuses.end(),
                                                         t->overall_status) == q.statuses.end();
    bool phase_fails = !q.phases.empty() &&
                       std::none_of(t->phases.begin(), t->phases.end(), [&](const std::string& p) {
                         return std::find(q.phases.begin(), q.phases.end(), p) != q.phases.end();
                       });
    bool country_fails = !q.country.empty() && std::find(countries.begin(), countries.end(),
                                                         q.country) == countries.end();
    int fails = status_fails + phase_fails + country_fails;
    if (fails > 1)
      continue;
    if (!phase_fails && !country_fails)
      ++status[t->overall_status];
    if (!status_fails && !country_fails) {
      for (const auto& p : t->phases) ++phase[p];
    }
    if (!status_fails && !phase_fails) {
      for (const auto& c : countries) ++country[c];
    }
    if (fails > 0)
      continue;
    for (const auto& c : t->conditions) ++condition[c];
    hits.push_back({t, near,
                    !q.prefer_country.empty() && std::find(countries.begin(), countries.end(),
                                                           q.prefer_country) != countries.end()});
  }
  auto by_relevance = [](const Hit& a, const Hit& b) {
    if (a.preferred != b.preferred)
      return a.preferred;
    if (a.near.miles != b.near.miles)
      return a.near.miles < b.near.miles;
    auto da = date_number(a.trial->last_update), db = date_number(b.trial->last_update);
    if (da != db)
      return da > db;
    return a.trial->nct_id < b.trial->nct_id;
  };
  if (q.sort == SortOrder::distance && q.near) {
    std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
      if (a.near.miles != b.near.miles)
        return a.near.miles < b.near.miles;
      return by_relevance(a, b);
    });
  } else {
    std::sort(hits.begin(), hits.end(), by_relevance);
  }
  FinderResult r;
  r.total = hits.size();
  r.page = q.page;
  r.page_size = q.page_size;
  for (std::size_t i = static_cast<std::size_t>((q.page - 1) * q.page_size);
       i < hits.size() && i < static_cast<std::size_t>(q.page * q.page_size); ++i) {
    FinderHit hit;
    hit.nct_id = hits[i].trial->nct_id;
    hit.status = hits[i].trial->overall_status;
    for (const auto& p : kPhases) {  // in the finder's order of phases, each once
      const auto& mine = hits[i].trial->phases;
      if (std::find(mine.begin(), mine.end(), p) != mine.end())
        hit.phases.push_back(p);
    }
    if (q.near) {
      hit.nearest =
          NearestSite{hits[i].near.site->facility, hits[i].near.site->city, hits[i].near.miles};
    }
    r.results.push_back(std::move(hit));
  }
  r.facets["status"] = status;
  r.facets["phase"] = phase;
  r.facets["country"] = country;
  // The commonest 30 conditions, ties by name.
  std::vector<std::pair<std::string, std::size_t>> common(condition.begin(), condition.end());
  std::stable_sort(common.begin(), common.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  common.resize(std::min<std::size_t>(common.size(), 30));
  r.facets["condition"] = {common.begin(), common.end()};
  return r;
}

class TrialIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    trials_ = new std::vector<Trial>(generate(42));
    index_ = new TrialIndex();
    for (const auto& t : *trials_) index_->add(t);
    // Newer versions of every fiftieth trial: the old ones stay in the index, marked dead.
    std::mt19937_64 random(7);
    for (std::size_t i = 0; i < trials_->size(); i += 50) {
      Trial& t = (*trials_)[i];
      t.overall_status = kStatuses[random() % kStatuses.size()];
      if (!t.locations.empty())
        std::rotate(t.locations.begin(), t.locations.begin() + 1, t.locations.end());
      index_->add(t);
    }
    index_->shrink_to_fit();
  }
  static void TearDownTestSuite() {
    delete index_;
    delete trials_;
  }

  static void expect_as_promised(const FinderQuery& q, const std::string& what) {
    std::vector<const Trial*> all;
    for (const auto& t : *trials_) all.push_back(&t);
    FinderResult want = expected(all, q);
    FinderResult got = index_->search(q);
    EXPECT_GT(want.total, 0u) << what << ": a query that finds nothing tests little";
    EXPECT_EQ(got.total, want.total) << what;
    EXPECT_EQ(got.facets, want.facets) << what;
    ASSERT_EQ(got.results.size(), want.results.size()) << what;
    for (std::size_t i = 0; i < want.results.size(); ++i) {
      const auto& g = got.results[i];
      const auto& w = want.results[i];
      EXPECT_EQ(g.nct_id, w.nct_id) << what << ", result " << i;
      EXPECT_EQ(g.status, w.status) << what << ", result " << i;
      EXPECT_EQ(g.phases, w.phases) << what << ", result " << i;
      ASSERT_EQ(g.nearest.has_value(), w.nearest.has_value()) << what;
      if (w.nearest) {
        EXPECT_EQ(g.nearest->facility, w.nearest->facility) << what << ", result " << i;
        EXPECT_EQ(g.nearest->distance_miles, w.nearest->distance_miles) << what;
      }
    }
  }

  static std::vector<Trial>* trials_;
  static TrialIndex* index_;
};

std::vector<Trial>* TrialIndexTest::trials_ = nullptr;
TrialIndex* TrialIndexTest::index_ = nullptr;

Place manchester() {
  return Place{"Manchester", "Greater Manchester", "England", 53.4808, -2.2426};
}

TEST_F(TrialIndexTest, TheUsualFiltersGiveWhatTheyPromise) {
  FinderQuery q;  // recruiting, in the UK
  expect_as_promised(q, "default");
  q.page = 7;
  expect_as_promised(q, "default, page 7");
  q.page = 100000;
  expect_as_promised(q, "default, past the end");
}

TEST_F(TrialIndexTest, EveryCombinationOfFacetFiltersGivesWhatItPromises) {
  for (int mask = 0; mask < 8; ++mask) {
    FinderQuery q;
    q.statuses = mask & 1 ? std::vector<std::string>{"RECRUITING", "NOT_YET_RECRUITING"}
                          : std::vector<std::string>{};
    q.phases = mask & 2 ? std::vector<std::string>{"PHASE2", "PHASE3"} : std::vector<std::string>{};
    q.country = mask & 4 ? "France" : "";
    q.page = 2;
    expect_as_promised(q, "filters " + std::to_string(mask));
  }
}

TEST_F(TrialIndexTest, AgeAndSexGiveWhatTheyPromise) {
  FinderQuery q;
  q.age = 17.5;
  q.sex = "MALE";
  expect_as_promised(q, "17.5, male");
  q.age = 70;
  q.sex = "FEMALE";
  q.statuses.clear();
  expect_as_promised(q, "70, female, any status");
}

// Sites at the same place, in several grid cells, across blocks of trials: the nearest site,
// its distance and the first of equally near sites as the finder promises.
TEST_F(TrialIndexTest, NearAPlaceFindsEachTrialsNearestSite) {
  for (double miles : {10.0, 25.0, 50.0, 100.0}) {
    FinderQuery q;
    q.near = manchester();
    q.distance_miles = miles;
    q.sort = SortOrder::distance;
    q.statuses.clear();
    expect_as_promised(q, "near, any status, " + std::to_string(miles));
    q.page = 3;
    q.sort = SortOrder::relevance;
    q.statuses = {"RECRUITING"};
    q.country.clear();
    q.prefer_country = "United Kingdom";
    expect_as_promised(q, "near, recruiting anywhere, UK first, " + std::to_string(miles));
  }
}

TEST_F(TrialIndexTest, NearAndFiltersTogetherGiveWhatTheyPromise) {
  FinderQuery q;
  q.near = Place{"Bolton", "Greater Manchester", "England", 53.5769, -2.4282};
  q.distance_miles = 50;
  q.phases = {"PHASE1"};
  q.age = 30;
  q.sort = SortOrder::distance;
  expect_as_promised(q, "near Bolton, phase 1, aged 30");
}

// Two records spell a condition differently: each hit lists its own trial's spelling, and
// the condition facet counts each spelling as the records have it.
TEST(TrialIndex, EachTrialKeepsItsOwnSpellingOfACondition) {
  TrialIndex index;
  Trial first;
  first.nct_id = "NCT10000001";
  first.brief_title = "First";
  first.overall_status = "RECRUITING";
  first.conditions = {"Non-small Cell Lung Cancer", "Melanoma"};
  Trial second = first;
  second.nct_id = "NCT10000002";
  second.brief_title = "Second";
  second.conditions = {"Cutaneous Melanoma", "Non-Small Cell Lung Cancer"};
  index.add(first);
  index.add(second);
  FinderQuery q;
  q.country.clear();
  auto result = index.search(q);
  ASSERT_EQ(result.results.size(), 2u);
  for (const auto& hit : result.results) {
    const Trial& t = hit.nct_id == first.nct_id ? first : second;
    EXPECT_EQ(hit.conditions, t.conditions) << hit.nct_id;
  }
  EXPECT_EQ(result.facets["condition"],
            (std::map<std::string, std::size_t>{{"Cutaneous Melanoma", 1},
                                                {"Melanoma", 1},
                                                {"Non-Small Cell Lung Cancer", 1},
                                                {"Non-small Cell Lung Cancer", 1}}));
}

// Each cancer type, asked for by its abbreviation or its long name, over one small fixture.
TEST(TrialIndex, CancerTypesMatchByAbbreviationOrName) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> trials = {
      {"NCT20000001", {"Non-Small Cell Lung Cancer"}},
      {"NCT20000002", {"NSCLC"}},
      {"NCT20000003", {"Small Cell Lung Carcinoma"}},
      {"NCT20000004", {"SCLC", "Extensive-stage"}},
      {"NCT20000005", {"Acute Myeloid Leukemia"}},
      {"NCT20000006", {"AML"}},
      {"NCT20000007", {"Chronic Lymphocytic Leukaemia"}},
      {"NCT20000008", {"Acute Lymphoblastic Leukemia"}},
      {"NCT20000009", {"Chronic Myelogenous Leukemia"}},
      {"NCT20000010", {"Glioblastoma Multiforme"}},
      {"NCT20000011", {"HCC"}},
      {"NCT20000012", {"Renal Cell Carcinoma"}},
      {"NCT20000013", {"Carcinomatous Meningitis"}},
      {"NCT20000014", {"Leptomeningeal Metastases"}},
      {"NCT20000015", {"Breast Cancer"}},
  };
  TrialIndex index;
  for (const auto& [id, conditions] : trials) {
    Trial t;
    t.nct_id = id;
    t.brief_title = "Trial";
    t.overall_status = "RECRUITING";
    t.conditions = conditions;
    index.add(t);
  }
  auto found = [&](const std::string& condition) {
    FinderQuery q;
    q.country.clear();
    q.statuses.clear();
    q.page_size = 100;
    q.condition = condition;
    std::vector<std::string> ids;
    for (const auto& hit : index.search(q).results) ids.push_back(hit.nct_id);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  using Ids = std::vector<std::string>;
  const std::vector<std::pair<std::vector<std::string>, Ids>> cases = {
      {{"NSCLC", "non-small cell lung cancer", "Non small cell lung carcinoma"},
       {"NCT20000001", "NCT20000002"}},
      // Not the non-small cell trials, though they hold every word of the name.
      {{"SCLC", "small cell lung cancer"}, {"NCT20000003", "NCT20000004"}},
      {{"AML", "acute myeloid leukaemia", "Acute Myeloid Leukemia"},
       {"NCT20000005", "NCT20000006"}},
      {{"CLL", "chronic lymphocytic leukemia"}, {"NCT20000007"}},
      {{"ALL", "acute lymphoblastic leukaemia"}, {"NCT20000008"}},
      {{"CML", "chronic myeloid leukaemia"}, {"NCT20000009"}},
      {{"GBM", "glioblastoma"}, {"NCT20000010"}},
      {{"HCC", "hepatocellular carcinoma"}, {"NCT20000011"}},
      {{"RCC", "renal cell carcinoma"}, {"NCT20000012"}},
      {{"LM", "leptomeningeal metastases", "leptomeningeal disease", "carcinomatous meningitis",
        "neoplastic meningitis"},
       {"NCT20000013", "NCT20000014"}},
  };
  for (const auto& [queries, expected] : cases) {
    for (const auto& query : queries) EXPECT_EQ(found(query), expected) << query;
  }
  Ids every;
  for (const auto& trial : trials) every.push_back(trial.first);
  for (const auto& query : {"cancer", "Cancers", "any cancer", "all cancers", ""}) {
    EXPECT_EQ(found(query), every) << query;
  }
}

}  // namespace
}  // namespace cairn::trials
