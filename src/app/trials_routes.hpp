// The trial finder's pages and API: /trials, /trials/NCT..., /api/v1/trials.
#pragma once

#include "app/routes.hpp"
#include "app/site_content.hpp"
#include "core/clock.hpp"
#include "trials/finder.hpp"
#include "trials/places.hpp"

namespace cairn::app {

struct TrialsDeps {
  const trials::TrialFinder& finder;
  const trials::Places& places;
  const SiteContent& site;
  const Clock& clock;  // today's date tells a trial record that may be out of date
};

void add_trials_routes(Routes& routes, TrialsDeps deps);

// Where the geo data lives under content/.
std::filesystem::path places_csv(const std::filesystem::path& content_dir);
std::filesystem::path outcodes_csv(const std::filesystem::path& content_dir);

}  // namespace cairn::app
