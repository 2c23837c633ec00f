#include "trials/site_locator.hpp"

#include <gtest/gtest.h>

#include "uk_places.hpp"

namespace cairn::trials {
namespace {

using testing::uk_places;

Location site(std::string city, std::string country) {
  Location l;
  l.facility = "A hospital";
  l.city = std::move(city);
  l.country = std::move(country);
  return l;
}

TEST(SiteLocator, PlacesAUkSiteWithoutCoordinatesAtItsTown) {
  Trial trial;
  trial.locations = {site("Leeds", "United Kingdom"), site("Sutton", "United Kingdom")};
  SiteLocator locator(uk_places());
  EXPECT_EQ(locator.locate(trial), 2);
  auto leeds = uk_places().resolve("Leeds");
  ASSERT_TRUE(leeds);
  ASSERT_TRUE(trial.locations[0].lat && trial.locations[0].lon);
  EXPECT_DOUBLE_EQ(*trial.locations[0].lat, leeds->place.lat);
  EXPECT_DOUBLE_EQ(*trial.locations[0].lon, leeds->place.lon);
  // Several Suttons: the one the finder's own look-up picks, a town somewhere in the UK.
  ASSERT_TRUE(trial.locations[1].lat);
  EXPECT_GT(*trial.locations[1].lat, 49.0);
  EXPECT_LT(*trial.locations[1].lat, 61.0);
}

TEST(SiteLocator, LeavesGivenCoordinatesOtherCountriesAndUnknownTownsAlone) {
  Trial trial;
  Location given = site("Leeds", "United Kingdom");
  given.lat = 1.5;
  given.lon = 2.5;
  trial.locations = {given, site("Paris", "France"), site("Nowhereville Xq", "United Kingdom"),
                     site("", "United Kingdom"), site("M1 1AA", "United Kingdom")};
  SiteLocator locator(uk_places());
  EXPECT_EQ(locator.locate(trial), 0);
  EXPECT_EQ(trial.locations[0].lat, 1.5);
  EXPECT_EQ(trial.locations[0].lon, 2.5);
  for (std::size_t i = 1; i < trial.locations.size(); ++i) {
    EXPECT_FALSE(trial.locations[i].lat) << i;
    EXPECT_FALSE(trial.locations[i].lon) << i;
  }
}

}  // namespace
}  // namespace cairn::trials
