#include "trials/finder_query.hpp"

#include <gtest/gtest.h>

#include "uk_places.hpp"

namespace cairn::trials {
namespace {

using Params = std::map<std::string, std::string>;

Result<FinderQuery> parse(const Params& params) {
  return parse_finder_query(params, testing::uk_places());
}

std::string error_of(const Params& params) {
  auto query = parse(params);
  if (query)
    return "<accepted>";
  EXPECT_EQ(query.error().code, Errc::invalid_input);
  return query.error().message;
}

TEST(FinderQuery, DefaultsToRecruitingInTheUk) {
  auto query = parse({});
  ASSERT_TRUE(query);
  EXPECT_EQ(query->statuses, std::vector<std::string>{"RECRUITING"});
  EXPECT_EQ(query->country, "United Kingdom");
  EXPECT_EQ(query->distance_miles, 25);
  EXPECT_EQ(query->sort, SortOrder::relevance);
  EXPECT_EQ(query->page, 1);
  EXPECT_EQ(query->page_size, 20);
  EXPECT_FALSE(query->near);
  // Empty form fields mean the same as absent ones.
  auto blank = parse({{"status", ""}, {"country", " "}, {"age", ""}});
  ASSERT_TRUE(blank);
  EXPECT_EQ(blank->statuses, std::vector<std::string>{"RECRUITING"});
  EXPECT_EQ(blank->country, "United Kingdom");
}

TEST(FinderQuery, ReadsEveryFilter) {
  auto query = parse({{"q", "intrathecal"},
                      {"condition", "breast cancer"},
                      {"status", "recruiting, NOT_YET_RECRUITING"},
                      {"phase", "2,PHASE3"},
                      {"age", "54"},
                      {"sex", "Female"},
                      {"country", "any"},
                      {"near", "M1"},
                      {"distance", "50"},
                      {"sort", "distance"},
                      {"page", "3"}});
  ASSERT_TRUE(query) << query.error().message;
  EXPECT_EQ(query->q, "intrathecal");
  EXPECT_EQ(query->condition, "breast cancer");
  EXPECT_EQ(query->statuses, (std::vector<std::string>{"RECRUITING", "NOT_YET_RECRUITING"}));
  EXPECT_EQ(query->phases, (std::vector<std::string>{"PHASE2", "PHASE3"}));
  EXPECT_EQ(query->age, 54);
  EXPECT_EQ(query->sex, "FEMALE");
  EXPECT_EQ(query->country, "");
  ASSERT_TRUE(query->near);
  EXPECT_EQ(query->near->name, "M1");
  EXPECT_EQ(query->distance_miles, 50);
  EXPECT_EQ(query->sort, SortOrder::distance);
  EXPECT_EQ(query->page, 3);
}

TEST(FinderQuery, AnyStatusMeansEveryStatus) {
  auto query = parse({{"status", "any"}});
  ASSERT_TRUE(query);
  EXPECT_TRUE(query->statuses.empty());
}

TEST(FinderQuery, UkIsTheUnitedKingdom) {
  auto query = parse({{"country", "UK"}});
  ASSERT_TRUE(query);
  EXPECT_EQ(query->country, "United Kingdom");
}

TEST(FinderQuery, RefusesBadValuesWithAReason) {
  EXPECT_EQ(error_of({{"age", "121"}}), "age must be a number of years from 0 to 120");
  EXPECT_EQ(error_of({{"age", "-1"}}), "age must be a number of years from 0 to 120");
  EXPECT_EQ(error_of({{"age", "forty"}}), "age must be a number of years from 0 to 120");
  EXPECT_NE(error_of({{"status", "RECRUITING,OPEN"}}).find("status 'OPEN'"), std::string::npos);
  EXPECT_NE(error_of({{"phase", "5"}}).find("phase '5'"), std::string::npos);
  EXPECT_EQ(error_of({{"sex", "x"}}), "sex must be female, male or any");
  EXPECT_EQ(error_of({{"distance", "30"}}), "distance must be 10, 25, 50 or 100 miles");
  EXPECT_EQ(error_of({{"sort", "newest"}}), "sort must be relevance or distance");
  EXPECT_EQ(error_of({{"page", "0"}}), "page must be a whole number from 1 to 10000");
  EXPECT_EQ(error_of({{"page", "2x"}}), "page must be a whole number from 1 to 10000");
}

TEST(FinderQuery, SortByDistanceNeedsAPlace) {
  EXPECT_NE(error_of({{"sort", "distance"}}).find("needs a place"), std::string::npos);
}

TEST(FinderQuery, UnknownPlaceIsABadRequest) {
  auto message = error_of({{"near", "Atlantis"}});
  EXPECT_NE(message.find("Atlantis"), std::string::npos);
  EXPECT_NE(error_of({{"near", "ZZ9 9ZZ"}}).find("ZZ9"), std::string::npos);
}

}  // namespace
}  // namespace cairn::trials
