#include "trials/places.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "uk_places.hpp"

namespace cairn::trials {
namespace {

using testing::uk_places;

Place must_resolve(std::string_view query) {
  auto match = uk_places().resolve(query);
  EXPECT_TRUE(match) << query << ": " << (match ? "" : match.error().message);
  return match ? match->place : Place{};
}

TEST(Places, LoadsEveryPlaceAndDistrict) {
  EXPECT_EQ(uk_places().place_count(), 43143u);
  // The README says 2,972; the file holds 2,973 rows (its last line has no newline).
  EXPECT_EQ(uk_places().district_count(), 2973u);
}

TEST(Places, FindsACityByName) {
  Place m = must_resolve("Manchester");
  EXPECT_EQ(m.name, "Manchester");
  EXPECT_EQ(m.county, "Greater Manchester");
  EXPECT_NEAR(m.lat, 53.483, 0.01);
  EXPECT_NEAR(m.lon, -2.250, 0.01);
  EXPECT_EQ(must_resolve("  manchester ").name, "Manchester");
}

TEST(Places, FindsAPostcodeDistrict) {
  Place m1 = must_resolve("M1");
  EXPECT_EQ(m1.name, "M1");
  EXPECT_NEAR(m1.lat, 53.48, 0.05);
  EXPECT_EQ(must_resolve("sw1a").name, "SW1A");
}

TEST(Places, FullPostcodeFindsItsDistrict) {
  EXPECT_EQ(must_resolve("m1 1aa").name, "M1");
  EXPECT_EQ(must_resolve("M11AA").name, "M1");
  EXPECT_EQ(must_resolve("SW1A 1AA").name, "SW1A");
}

TEST(Places, SharedNamePrefersTheTownAndOffersTheOthers) {
  auto match = uk_places().resolve("Sutton");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->place.county, "Sutton - Greater London");
  EXPECT_EQ(match->alternatives.size(), 23u);
}

TEST(Places, CountyPicksAmongPlacesOfOneName) {
  Place kent = must_resolve("Sutton, Kent");
  EXPECT_EQ(kent.county, "Kent");
  auto nowhere = uk_places().resolve("Sutton, Cornwall");
  ASSERT_FALSE(nowhere);
  EXPECT_NE(nowhere.error().message.find("none in Cornwall"), std::string::npos);
}

TEST(Places, BilingualNamesAnswerToEither) {
  Place english = must_resolve("Cardiff");
  Place welsh = must_resolve("Caerdydd");
  EXPECT_EQ(english.name, "Cardiff/Caerdydd");
  EXPECT_EQ(welsh.name, "Cardiff/Caerdydd");
  EXPECT_EQ(english.county, "Cardiff");
}

TEST(Places, SpellingOfPunctuationDoesNotMatter) {
  EXPECT_EQ(must_resolve("stoke on trent").name, "Stoke-on-Trent");
  EXPECT_EQ(must_resolve("Saint Albans").name, "St Albans");
}

TEST(Places, UnknownPlaceSaysWhatToTry) {
  auto match = uk_places().resolve("Atlantis");
  ASSERT_FALSE(match);
  EXPECT_EQ(match.error().code, Errc::not_found);
  EXPECT_NE(match.error().message.find("Atlantis"), std::string::npos);
  auto district = uk_places().resolve("ZZ9");
  ASSERT_FALSE(district);
  EXPECT_NE(district.error().message.find("ZZ9"), std::string::npos);
  EXPECT_FALSE(uk_places().resolve("   "));
}

TEST(Places, RefusesABrokenFile) {
  std::istringstream places("id,place_name,county\n1,Nowhere,Nocounty\n");
  std::istringstream outcodes("id,outcode,latitude,longitude,\n");
  auto loaded = Places::read(places, outcodes);
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("'country'"), std::string::npos);
}

TEST(Distance, MatchesKnownDistances) {
  // Manchester to Leeds is about 36 miles; London to Edinburgh about 331.
  Place manchester = must_resolve("Manchester"), leeds = must_resolve("Leeds");
  EXPECT_NEAR(distance_miles(manchester.lat, manchester.lon, leeds.lat, leeds.lon), 36, 2);
  Place london = must_resolve("London"), edinburgh = must_resolve("Edinburgh");
  EXPECT_NEAR(distance_miles(london.lat, london.lon, edinburgh.lat, edinburgh.lon), 331, 5);
  EXPECT_DOUBLE_EQ(distance_miles(51.5, -0.1, 51.5, -0.1), 0);
}

}  // namespace
}  // namespace cairn::trials
