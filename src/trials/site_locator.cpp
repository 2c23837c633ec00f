#include "trials/site_locator.hpp"

#include "core/text.hpp"

namespace cairn::trials {

int SiteLocator::locate(Trial& trial) const {
  int placed = 0;
  for (Location& site : trial.locations) {
    if ((site.lat && site.lon) || site.country != "United Kingdom" || trim(site.city).empty())
      continue;
    // A postcode-looking city would name a district, not the town: only towns count.
    auto match = places_.resolve(site.city);
    if (!match || match->place.county.empty())
      continue;
    site.lat = match->place.lat;
    site.lon = match->place.lon;
    site.placed_at_town = true;
    ++placed;
  }
  return placed;
}

}  // namespace cairn::trials
