// Coordinates for UK sites that the registry gave without a geoPoint (API
// fetches with `fields=` often leave it out), from the site's town in the UK
// places list, so "trials near me" finds them. The stored record is untouched.
#pragma once

#include "trials/places.hpp"
#include "trials/trial.hpp"

namespace cairn::trials {

class SiteLocator {
 public:
  explicit SiteLocator(const Places& places) : places_(places) {}

  // Fills lat/lon of each UK site without them whose city is a known place;
  // returns how many it placed.
  int locate(Trial& trial) const;

 private:
  const Places& places_;
};

}  // namespace cairn::trials
