#include "trials/registry_query.hpp"

#include <gtest/gtest.h>

namespace cairn::trials {
namespace {

RegistryQuery site_scope() {
  RegistryQuery query;
  query.condition = "cancer";
  query.statuses = RegistryQuery::current_statuses();
  return query;
}

TEST(RegistryQueryTest, FirstPageOfTheSiteScope) {
  EXPECT_EQ(studies_url("https://clinicaltrials.gov", site_scope(), ""),
            "https://clinicaltrials.gov/api/v2/studies?format=json&pageSize=1000"
            "&query.cond=cancer&query.locn=United%20Kingdom"
            "&filter.overallStatus=RECRUITING%7CNOT_YET_RECRUITING%7CACTIVE_NOT_RECRUITING");
}

TEST(RegistryQueryTest, LaterPagesCarryTheTokenEncoded) {
  auto url = studies_url("http://127.0.0.1:9999/", site_scope(), "NF0g5J+a/b=");
  EXPECT_TRUE(url.starts_with("http://127.0.0.1:9999/api/v2/studies?format=json&"));
  EXPECT_TRUE(url.ends_with("&pageToken=NF0g5J%2Ba%2Fb%3D")) << url;
}

TEST(RegistryQueryTest, IncrementalAsksForUpdatesSinceADayWithoutAStatusFilter) {
  auto query = site_scope();
  query.statuses.clear();
  query.updated_since = "2026-07-01";
  auto url = studies_url("https://clinicaltrials.gov", query, "");
  EXPECT_EQ(url.find("filter.overallStatus"), std::string::npos);
  EXPECT_NE(url.find("&filter.advanced=AREA%5BLastUpdatePostDate%5DRANGE%5B2026-07-01%2CMAX%5D"),
            std::string::npos)
      << url;
}

TEST(RegistryQueryTest, OwnWordsGoToQueryTermAndScopeAllDropsTheCondition) {
  RegistryQuery query;
  query.term = "leptomeningeal & CSF";
  query.location.clear();
  auto url = studies_url("https://clinicaltrials.gov", query, "");
  EXPECT_EQ(url,
            "https://clinicaltrials.gov/api/v2/studies?format=json&pageSize=1000"
            "&query.term=leptomeningeal%20%26%20CSF");
}

TEST(RegistryQueryTest, DescriptionTellsQueriesApart) {
  auto full = site_scope();
  auto incremental = full;
  incremental.statuses.clear();
  incremental.updated_since = "2026-07-01";
  EXPECT_NE(full.describe(), incremental.describe());
  EXPECT_EQ(full.describe(), site_scope().describe());
}

}  // namespace
}  // namespace cairn::trials
