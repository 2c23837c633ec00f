// Turns one ClinicalTrials.gov API v2 study record into a Trial, or says in
// words why the record cannot be used (missing NCT id, wrong types, bad values).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.hpp"
#include "trials/trial.hpp"

namespace cairn::trials {

// What the registry's own classification (derivedSection.conditionBrowseModule)
// says of a record's conditions; API fetches with fields= often lack it.
struct RegistryClass {
  bool classified = false;  // it gave MeSH terms, ancestors or browse branches
  bool neoplasm = false;    // under Neoplasms: branch BC04 or MeSH D009369
};

// A record as the importer needs it: the trial, and what decides its scope.
struct ParsedRecord {
  Trial trial;
  RegistryClass registry;
};

Result<ParsedRecord> parse_study(const nlohmann::json& record);
// Same, from the record's JSON text ("invalid JSON: ..." when it does not parse).
Result<ParsedRecord> parse_study_text(std::string_view text);

// The trial alone.
Result<Trial> parse_record(const nlohmann::json& record);
Result<Trial> parse_record_text(std::string_view text);

}  // namespace cairn::trials
