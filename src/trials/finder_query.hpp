// What a person asks the trial finder, and how /api/v1/trials and the finder
// page's form fields become one (bad values are refused with a message).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "trials/places.hpp"

namespace cairn::trials {

enum class SortOrder { relevance, distance };

struct FinderQuery {
  std::string q;                                    // words
  std::string condition;                            // cancer type; synonyms count
  std::vector<std::string> statuses{"RECRUITING"};  // CT.gov codes; empty = any
  std::vector<std::string> phases;                  // CT.gov codes; empty = any
  std::optional<double> age;                        // the person's age in years
  std::string sex;                                  // "FEMALE", "MALE"; empty = anyone
  std::string country = "United Kingdom";           // empty = any country
  std::optional<Place> near;
  double distance_miles = 25;
  SortOrder sort = SortOrder::relevance;
  int page = 1;  // 1-based
  int page_size = 20;
  // Trials with a site in this country come first (LM pages: UK first).
  std::string prefer_country;
};

// Reads q, condition, status (comma list, "any" for all), phase (comma list of
// codes or 1-4), age, sex, country ("any" for all), near, distance (10, 25, 50,
// 100), sort (relevance|distance) and page. Missing or empty values take the
// defaults; anything else that is wrong is an invalid_input error saying why.
Result<FinderQuery> parse_finder_query(const std::map<std::string, std::string>& params,
                                       const Places& places);

}  // namespace cairn::trials
