// The trial finder page (form, counts per filter value, results, paging), one
// trial in plain words, and the "Trials for LM" block on information pages.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/safe_html.hpp"
#include "trials/finder_result.hpp"
#include "trials/trial.hpp"
#include "views/components.hpp"

namespace cairn::views {

struct TrialFinderView {
  std::map<std::string, std::string> params;  // the form's values as submitted
  std::string error;                          // a problem with the values, if any
  std::string error_field;                    // the field it concerns
  std::string near_name;                      // the place the distances are from
  const trials::FinderResult* result = nullptr;
};

PageBody render_trial_finder(const TrialFinderView& view);

struct TrialSite {
  trials::Location location;
  std::optional<double> distance_miles;
};

// `today` ("yyyy-mm-dd") tells a record whose status was last confirmed over a
// year ago, which may be out of date; `checked_at` (ISO 8601 UTC, may be empty)
// is when we last checked the trial against the registry.
PageBody render_trial_page(const trials::Trial& trial, const std::vector<TrialSite>& sites,
                           const std::string& near_name, std::string_view today,
                           std::string_view checked_at);

SafeHtml render_lm_trials_block(const trials::FinderResult& result);

}  // namespace cairn::views
