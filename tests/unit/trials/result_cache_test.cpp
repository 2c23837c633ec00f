#include "trials/result_cache.hpp"

#include <gtest/gtest.h>

namespace cairn::trials {
namespace {

FinderResult with_total(std::size_t total) {
  FinderResult r;
  r.total = total;
  return r;
}

TEST(ResultCache, RemembersAnswersForOneIndexVersion) {
  ResultCache cache;
  cache.put("k", 1, with_total(7));
  auto hit = cache.find("k", 1);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->total, 7u);
  EXPECT_FALSE(cache.find("k", 2));  // the index changed since
  EXPECT_FALSE(cache.find("other", 1));
}

TEST(ResultCache, ForgetsTheLeastRecentlyUsed) {
  ResultCache cache(2);
  cache.put("a", 1, with_total(1));
  cache.put("b", 1, with_total(2));
  ASSERT_TRUE(cache.find("a", 1));  // a is now the most recent
  cache.put("c", 1, with_total(3));
  EXPECT_TRUE(cache.find("a", 1));
  EXPECT_FALSE(cache.find("b", 1));
  EXPECT_TRUE(cache.find("c", 1));
}

TEST(ResultCache, QueriesThatDifferHaveDifferentKeys) {
  FinderQuery base;
  auto key = ResultCache::key_of(base);
  EXPECT_EQ(ResultCache::key_of(base), key);
  std::vector<FinderQuery> variants(9, base);
  variants[0].q = "lung";
  variants[1].condition = "lung";
  variants[2].statuses.clear();
  variants[3].phases = {"PHASE2"};
  variants[4].age = 40;
  variants[5].near = Place{"M1", "", "", 53.48, -2.23};
  variants[6].page = 2;
  variants[7].country.clear();
  variants[8].prefer_country = "United Kingdom";
  for (const auto& v : variants) EXPECT_NE(ResultCache::key_of(v), key);
  // Words are not confused with the condition.
  FinderQuery a = base, b = base;
  a.q = "x";
  b.condition = "x";
  EXPECT_NE(ResultCache::key_of(a), ResultCache::key_of(b));
}

}  // namespace
}  // namespace cairn::trials
