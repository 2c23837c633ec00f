// UK places for "trials near me": towns, cities and postcode districts with
// their coordinates, looked up the way people type them ("Manchester", "M1",
// "m1 1aa", "Sutton, Kent", "Caerdydd").
#pragma once

#include <cstddef>
#include <filesystem>
#include <istream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"

namespace cairn::trials {

struct Place {
  std::string name;     // "Manchester", "Cardiff/Caerdydd", or a district "M1"
  std::string county;   // "Greater Manchester"; empty for a postcode district
  std::string country;  // "England", "Wales", ...; empty for a postcode district
  double lat = 0;
  double lon = 0;
};

struct PlaceMatch {
  Place place;
  // Other places with the same name, best first, so a page can offer them.
  std::vector<Place> alternatives;
};

class Places {
 public:
  // uk-places.csv and postcode-outcodes.csv from ../shared/data/geo/.
  static Result<Places> load(const std::filesystem::path& places_csv,
                             const std::filesystem::path& outcodes_csv);
  static Result<Places> read(std::istream& places_csv, std::istream& outcodes_csv);

  // Case-insensitive. A postcode (full or district) finds its district; a name
  // that several places share picks a city, then a town, then the place whose
  // county bears the name; "Name, County" picks within that county.
  Result<PlaceMatch> resolve(std::string_view query) const;

  std::size_t place_count() const { return places_.size(); }
  std::size_t district_count() const { return districts_.size(); }

 private:
  struct Entry {
    Place place;
    int rank = 2;  // 0 City, 1 Town, 2 anything else
  };
  std::vector<Entry> places_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_name_;
  std::unordered_map<std::string, Place> districts_;
};

// Great-circle distance in miles.
double distance_miles(double lat1, double lon1, double lat2, double lon2);

}  // namespace cairn::trials
