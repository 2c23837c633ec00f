// Turns one ClinicalTrials.gov API v2 study record into a Trial, or says in
// words why the record cannot be used (missing NCT id, wrong types, bad values).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.hpp"
#include "trials/trial.hpp"

namespace cairn::trials {

Result<Trial> parse_record(const nlohmann::json& record);
// Same, from the record's JSON text ("invalid JSON: ..." when it does not parse).
Result<Trial> parse_record_text(std::string_view text);

}  // namespace cairn::trials
