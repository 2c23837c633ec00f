// One page of ClinicalTrials.gov API v2 studies as the sync receives it:
// {"studies": [...], "nextPageToken": "..."}. The whole body is checked before
// anything is imported, so a page cut short or not JSON changes nothing.
#pragma once

#include <cstddef>
#include <string>

#include "core/result.hpp"

namespace cairn::trials {

struct RegistryPage {
  std::string body;             // the page's JSON, for the importer
  std::size_t study_count = 0;  // entries in "studies"
  std::string next_page_token;  // empty on the last page
};

// invalid_input, saying what is wrong, when the body is not complete JSON, is
// not an object or has no "studies" array.
Result<RegistryPage> read_registry_page(std::string body);

}  // namespace cairn::trials
