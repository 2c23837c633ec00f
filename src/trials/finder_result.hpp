// What the trial finder answers: one page of matching trials, the total, and
// how many trials each filter value would give; and its /api/v1/trials JSON.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace cairn::trials {

struct NearestSite {
  std::string facility;
  std::string city;
  double distance_miles = 0;
};

struct FinderHit {
  std::string nct_id;
  std::string title;
  std::string status;                   // CT.gov code
  std::vector<std::string> phases;      // CT.gov codes
  std::vector<std::string> conditions;  // as the trial names them
  std::optional<NearestSite> nearest;   // only when the query gave a place
  double score = 0;
};

struct FinderResult {
  std::size_t total = 0;
  int page = 1;
  int page_size = 20;
  // "status", "phase", "country", "condition" -> value -> number of trials. Each
  // facet counts the trials that pass every other filter, so it shows what
  // choosing another value would give; "condition" lists the commonest 30.
  std::map<std::string, std::map<std::string, std::size_t>> facets;
  std::vector<FinderHit> results;
};

// Where Cairn shows one trial: "/trials/NCT01234567".
std::string trial_path(std::string_view nct_id);

// {total, page, page_size, facets, results: [{nct_id, title, status, phases,
// conditions, nearest: {facility, city, distance_miles} | null, url}]}
nlohmann::json result_to_json(const FinderResult& result);

}  // namespace cairn::trials
