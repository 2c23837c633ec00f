// The trial finder and trial page as a reader on a phone meets them: results
// before the filters, the UK never cut from the country counts, a trial's
// plain title and key facts first, a warning on an old record, every site.
#include "views/trials_view.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cairn::views {
namespace {

std::size_t at(const std::string& html, std::string_view part) {
  auto pos = html.find(part);
  EXPECT_NE(pos, std::string::npos) << "missing: " << part;
  return pos;
}

bool has(const std::string& html, std::string_view part) {
  return html.find(part) != std::string::npos;
}

std::size_t count(const std::string& html, std::string_view part) {
  std::size_t n = 0;
  for (auto pos = html.find(part); pos != std::string::npos; pos = html.find(part, pos + 1)) ++n;
  return n;
}

trials::FinderResult result_with_countries() {
  trials::FinderResult r;
  r.total = 1;
  r.results.push_back({"NCT00000001", "A trial", "RECRUITING", {"PHASE2"}, {}, std::nullopt, 1});
  // The UK is neither first A to Z nor among the biggest five.
  r.facets["country"] = {{"Australia", 40},     {"Belgium", 30},      {"Canada", 50},
                         {"France", 60},        {"Germany", 70},      {"Japan", 80},
                         {"United Kingdom", 3}, {"United States", 90}};
  r.facets["status"] = {{"RECRUITING", 1}};
  return r;
}

TEST(TrialFinderView, ResultsComeBeforeTheFiltersWithAJumpLink) {
  auto result = result_with_countries();
  TrialFinderView view;
  view.result = &result;
  auto html = render_trial_finder(view).main.str();
  auto search = at(html, R"(id="q" name="q")");
  auto results = at(html, R"(id="results">1 trial found)");
  auto first = at(html, R"(<a href="/trials/NCT00000001">A trial</a>)");
  auto filters = at(html, R"(id="filters")");
  EXPECT_LT(search, results);
  EXPECT_LT(results, first);
  EXPECT_LT(first, filters);
  EXPECT_LT(at(html, R"(<a href="#filters">Filter results</a>)"), first);
  EXPECT_LT(filters, at(html, R"(id="near" name="near")"));
  // One form: both buttons send every choice.
  EXPECT_EQ(count(html, "<form"), 1u);
}

TEST(TrialFinderView, ChosenCountryAndTheLargestFirstTheRestUnderAllCountries) {
  auto result = result_with_countries();
  TrialFinderView view;
  view.result = &result;
  auto html = render_trial_finder(view).main.str();
  auto uk = at(html, ">United Kingdom</a> (3)");
  auto us = at(html, ">United States</a> (90)");
  auto all = at(html, ">All countries</span></summary>");
  EXPECT_LT(uk, us) << "the chosen country (the UK by default) comes first";
  for (std::string_view shown : {">Japan</a> (80)", ">Germany</a> (70)", ">France</a> (60)"})
    EXPECT_LT(at(html, shown), all) << shown;
  // Canada (50) is sixth: behind the expander, with the rest A to Z.
  auto australia = at(html, ">Australia</a> (40)");
  auto belgium = at(html, ">Belgium</a> (30)");
  auto canada = at(html, ">Canada</a> (50)");
  EXPECT_LT(all, australia);
  EXPECT_LT(australia, belgium);
  EXPECT_LT(belgium, canada);

  view.params["country"] = "any";  // no country chosen: the largest first
  html = render_trial_finder(view).main.str();
  EXPECT_LT(at(html, ">United States</a> (90)"), at(html, ">Japan</a> (80)"));
  EXPECT_LT(at(html, ">All countries</span>"), at(html, ">United Kingdom</a> (3)"));
}

trials::Trial long_trial() {
  trials::Trial t;
  t.nct_id = "NCT00000002";
  t.brief_title = "Plain <title>";
  t.official_title = "A Randomised, Double-Blind, Phase 3 Study of Something";
  t.overall_status = "RECRUITING";
  t.phases = {"PHASE3"};
  t.eligibility.minimum_age = "18 Years";
  t.eligibility.sex = "FEMALE";
  t.last_update = "2025-03-01";
  return t;
}

std::vector<TrialSite> sites(std::size_t n, std::size_t uk) {
  std::vector<TrialSite> out;
  for (std::size_t i = 0; i < n; ++i) {
    trials::Location l;
    l.facility = "Site " + std::to_string(i + 1);
    l.city = "Town";
    l.country = i < uk ? "United Kingdom" : "France";
    l.status = i == 0 ? "RECRUITING" : (i == 1 ? "" : "NOT_YET_RECRUITING");
    out.push_back({l, std::nullopt});
  }
  return out;
}

TEST(TrialPageView, PlainTitleFirstThenTheOfficialOneInAnExpander) {
  auto html = render_trial_page(long_trial(), {}, "", "2025-06-01", "").main.str();
  auto h1 = at(html, ">Plain &lt;title&gt;</h1>");
  EXPECT_EQ(count(html, "<h1"), 1u);
  EXPECT_LT(h1, at(html, "Full title of the trial</span></summary>"));
  EXPECT_LT(h1, at(html, "A Randomised, Double-Blind, Phase 3 Study of Something</p>"));
}

TEST(TrialPageView, KeyFactsInWordsNearTheTop) {
  auto t = long_trial();
  auto s = sites(3, 2);
  s[0].distance_miles = 4.3;
  auto html = render_trial_page(t, s, "Leeds", "2025-06-01", "").main.str();
  auto facts = at(html, R"(<h2 id="key-facts")");
  EXPECT_LT(facts, at(html, R"(<h2 id="what")"));
  for (std::string_view fact :
       {"Status</dt><dd class=\"nhsuk-summary-list__value\"><strong class=\"nhsuk-tag "
        "nhsuk-tag--green\">Recruiting</strong>",
        "Phase</dt><dd class=\"nhsuk-summary-list__value\">Phase 3</dd>",
        "Ages</dt><dd class=\"nhsuk-summary-list__value\">18 and over</dd>",
        "Sex</dt><dd class=\"nhsuk-summary-list__value\">Women</dd>",
        "Nearest site</dt><dd class=\"nhsuk-summary-list__value\">Site 1, Town: 4.3 miles from "
        "Leeds</dd>",
        "<a href=\"#where\">3 sites, 2 in the UK</a>",
        "Last updated on ClinicalTrials.gov: 1 March 2025"})
    EXPECT_GT(at(html, fact), facts) << fact;
  // No place asked about, no nearest site.
  html = render_trial_page(t, sites(3, 2), "", "2025-06-01", "").main.str();
  EXPECT_FALSE(has(html, "Nearest site"));
}

TEST(TrialPageView, WarnsWhenTheRecordIsMoreThanAYearOld) {
  auto t = long_trial();  // last updated 2025-03-01, no verified date
  auto warning = std::string("The status may be out of date");
  EXPECT_FALSE(has(render_trial_page(t, {}, "", "2026-03-01", "").main.str(), warning))
      << "exactly a year is not more than a year";
  auto html = render_trial_page(t, {}, "", "2026-03-02", "").main.str();
  EXPECT_TRUE(has(html, warning));
  // The warning follows the key facts it qualifies: the facts stay near the top.
  EXPECT_LT(at(html, R"(<h2 id="key-facts")"), at(html, warning));
  EXPECT_TRUE(
      has(html, "last updated on ClinicalTrials.gov on 1 March 2025, more than a year ago"));
  EXPECT_TRUE(has(html, R"(To check, <a href="https://clinicaltrials.gov/study/NCT00000002">look )"
                        R"(at the trial's record on ClinicalTrials.gov</a>)"));
  EXPECT_FALSE(has(html, R"(<a href="#how">)")) << "the record lists no contacts";
  t.last_update.clear();  // no date, no claim
  EXPECT_FALSE(has(render_trial_page(t, {}, "", "2026-03-02", "").main.str(), warning));
}

TEST(TrialPageView, TheStatusLastVerifiedOverAYearAgoSaysHowToCheck) {
  auto t = long_trial();
  t.last_update = "2026-05-01";  // updated lately, but its status confirmed long ago
  t.status_verified = "2024-05";
  t.central_contacts = {{"Trial office", "CONTACT", "0113 000 0000", ""}};
  auto warning = std::string("The status may be out of date");
  auto html = render_trial_page(t, {}, "", "2026-06-01", "").main.str();
  EXPECT_TRUE(has(html, warning));
  EXPECT_TRUE(has(html,
                  "The trial team last confirmed this trial's status on ClinicalTrials.gov "
                  "in May 2024, more than a year ago."));
  EXPECT_TRUE(has(html, R"(To check, <a href="#how">contact the trial team</a>)"));
  EXPECT_TRUE(has(html, R"(<a href="https://clinicaltrials.gov/study/NCT00000002">look at)"));
  EXPECT_LT(at(html, R"(<a href="#how">)"), at(html, R"(<h2 id="how">)"));

  // A month counts once all of it is more than a year past.
  t.status_verified = "2025-06";
  EXPECT_FALSE(has(render_trial_page(t, {}, "", "2026-06-30", "").main.str(), warning));
  EXPECT_TRUE(has(render_trial_page(t, {}, "", "2026-07-01", "").main.str(), warning));
  // A recent verified date outweighs an old update.
  t.status_verified = "2026-04-20";
  t.last_update = "2023-01-01";
  EXPECT_FALSE(has(render_trial_page(t, {}, "", "2026-06-01", "").main.str(), warning));
  t.status_verified = "2025-05-31";
  html = render_trial_page(t, {}, "", "2026-06-01", "").main.str();
  EXPECT_TRUE(has(html, "status on ClinicalTrials.gov on 31 May 2025, more than a year ago"));
}

TEST(TrialPageView, SaysWhenWeLastCheckedTheTrialAgainstTheRegistry) {
  auto html =
      render_trial_page(long_trial(), {}, "", "2026-12-03", "2026-12-02T03:00:05Z").main.str();
  EXPECT_GT(at(html, "We last checked this trial against ClinicalTrials.gov on 2 December 2026."),
            at(html, "Last updated on ClinicalTrials.gov: 1 March 2025"));
  EXPECT_LT(at(html, "We last checked"), at(html, R"(<h2 id="what")"));
  EXPECT_FALSE(
      has(render_trial_page(long_trial(), {}, "", "2026-12-03", "").main.str(), "We last checked"));
}

TEST(TrialPageView, EverySiteIsListedWithItsOwnStatus) {
  auto html = render_trial_page(long_trial(), sites(25, 4), "", "2025-06-01", "").main.str();
  for (int i = 1; i <= 25; ++i)
    EXPECT_TRUE(has(html, "<strong>Site " + std::to_string(i) + "</strong>")) << i;
  EXPECT_FALSE(has(html, "more sites."));
  // The first ten in view, the other fifteen in an expander.
  auto more = at(html, "Show the other 15 sites</span></summary>");
  EXPECT_LT(at(html, "<strong>Site 10</strong>"), more);
  EXPECT_GT(at(html, "<strong>Site 11</strong>"), more);
  EXPECT_TRUE(has(html, "Sites in the UK first."));
  EXPECT_TRUE(has(html,
                  "<strong>Site 1</strong><br>Town, United Kingdom<br><span "
                  "class=\"cairn-site-status\">Recruiting</span>"));
  EXPECT_TRUE(has(html,
                  "<strong>Site 2</strong><br>Town, United Kingdom<br><span "
                  "class=\"cairn-site-status\">Site status not given</span>"));
  EXPECT_TRUE(has(html,
                  "<strong>Site 3</strong><br>Town, United Kingdom<br><span "
                  "class=\"cairn-site-status\">Not yet recruiting</span>"));
}

trials::FinderResult lm_result(std::size_t total, std::size_t in_uk) {
  trials::FinderResult r;
  r.total = total;
  for (std::size_t i = 0; i < total; ++i)
    r.results.push_back(
        {"NCT0000000" + std::to_string(i + 1), "LM trial", "RECRUITING", {}, {}, std::nullopt, 1});
  if (in_uk > 0)
    r.facets["country"] = {{"United Kingdom", in_uk}, {"United States", total}};
  return r;
}

TEST(LmTrialsBlock, SaysPlainlyWhetherTrialsRecruitInTheUkElsewhereOrNowhere) {
  std::string uk = render_lm_trials_block(lm_result(3, 1)).str();
  EXPECT_TRUE(has(uk, "1 trial is recruiting in the UK, and 2 trials only in other countries."))
      << uk;
  EXPECT_EQ(count(uk, "<li><a href=\"/trials/NCT"), 3u);

  std::string all_uk = render_lm_trials_block(lm_result(2, 2)).str();
  EXPECT_TRUE(has(all_uk, "2 trials are recruiting in the UK. Trials with sites")) << all_uk;

  std::string abroad = render_lm_trials_block(lm_result(1, 0)).str();
  EXPECT_TRUE(has(abroad,
                  "No trial for leptomeningeal metastases is recruiting in the UK right "
                  "now. This trial is recruiting in other countries."))
      << abroad;

  std::string none = render_lm_trials_block(lm_result(0, 0)).str();
  EXPECT_TRUE(has(none, "None of the trials we list for leptomeningeal metastases is recruiting"));
  EXPECT_TRUE(has(none, "<a href=\"/trials\">search all trials</a>"));
  EXPECT_FALSE(has(none, "<li>"));
}

}  // namespace
}  // namespace cairn::views
