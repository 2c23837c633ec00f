#include "trials/finder_result.hpp"

#include <cmath>

namespace cairn::trials {

std::string trial_path(std::string_view nct_id) {
  return "/trials/" + std::string(nct_id);
}

nlohmann::json result_to_json(const FinderResult& result) {
  using nlohmann::json;
  json results = json::array();
  for (const auto& hit : result.results) {
    json nearest = nullptr;
    if (hit.nearest) {
      nearest = {{"facility", hit.nearest->facility},
                 {"city", hit.nearest->city},
                 {"distance_miles", std::round(hit.nearest->distance_miles * 10) / 10}};
    }
    results.push_back({{"nct_id", hit.nct_id},
                       {"title", hit.title},
                       {"status", hit.status},
                       {"phases", hit.phases},
                       {"conditions", hit.conditions},
                       {"nearest", std::move(nearest)},
                       {"url", trial_path(hit.nct_id)}});
  }
  json facets = json::object();
  for (const auto& [name, counts] : result.facets) facets[name] = counts;
  return {{"total", result.total},
          {"page", result.page},
          {"page_size", result.page_size},
          {"facets", std::move(facets)},
          {"results", std::move(results)}};
}

}  // namespace cairn::trials
