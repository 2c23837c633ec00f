// What the trial sync asks ClinicalTrials.gov API v2 for, and the address of
// one page of the answer: GET {registry}/api/v2/studies?format=json&pageSize=...
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cairn::trials {

struct RegistryQuery {
  std::string condition;  // query.cond: the site's scope ("cancer"); empty: any condition
  std::string term;       // query.term: the operator's own words (--query)
  std::string location = "United Kingdom";  // query.locn; empty: anywhere
  // filter.overallStatus; empty: every status (an incremental sync wants to hear
  // of trials that closed).
  std::vector<std::string> statuses;
  // "yyyy-mm-dd": only studies updated on or after that day, through
  // filter.advanced=AREA[LastUpdatePostDate]RANGE[day,MAX].
  std::string updated_since;
  int page_size = 1000;

  // The statuses the finder offers: a full sync asks for these alone.
  static std::vector<std::string> current_statuses();
  // One line naming the query, kept with the sync state so a resumed run can
  // tell it is still asking the same question.
  std::string describe() const;
  bool operator==(const RegistryQuery&) const = default;
};

// The page's address; `page_token` is the previous page's nextPageToken (empty
// for the first page). `registry` is the base address, e.g. https://clinicaltrials.gov.
std::string studies_url(std::string_view registry, const RegistryQuery& query,
                        std::string_view page_token);

}  // namespace cairn::trials
