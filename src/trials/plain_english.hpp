// ClinicalTrials.gov codes in everyday words for pages and the API:
// statuses, phases, ages, who can join, and the criteria split in two.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::trials {

// "RECRUITING" -> "Recruiting", "NOT_YET_RECRUITING" -> "Not yet recruiting".
std::string status_in_words(std::string_view status);
// "PHASE2" -> "Phase 2", "EARLY_PHASE1" -> "Early phase 1", "NA" -> "Not applicable".
std::string phase_in_words(std::string_view phase);
// {"PHASE1", "PHASE2"} -> "Phase 1 and phase 2"; empty for none.
std::string phases_in_words(const std::vector<std::string>& phases);
// "18 Years" -> 18, "6 Months" -> 0.5; nullopt for "" or text that is not an age.
std::optional<double> age_in_years(std::string_view age);
// "ALL" -> "Anyone", "FEMALE" -> "Women", "MALE" -> "Men".
std::string sex_in_words(std::string_view sex);
// "18 Years" and "" -> "18 and over"; "18 Years" and "70 Years" -> "18 to 70"; "" "" -> "Any age".
std::string ages_in_words(std::string_view minimum_age, std::string_view maximum_age);

struct Criteria {
  std::string inclusion;  // who can join
  std::string exclusion;  // who cannot
};
// Splits the eligibility text at its "Inclusion Criteria" and "Exclusion Criteria"
// headings; text without headings counts as inclusion.
Criteria split_criteria(std::string_view criteria);

}  // namespace cairn::trials
