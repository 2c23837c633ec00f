// The names registries and people use for the same condition, so asking for
// one finds trials filed under another ("carcinomatous meningitis" is LM).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cairn::trials {

// The names to look for when someone asks for `condition`: the condition
// itself plus its synonyms when it is one Cairn knows ("LM" -> leptomeningeal ...,
// "NSCLC" -> non small cell lung cancer ...). A name's "-word" terms exclude.
std::vector<std::string> condition_names(std::string_view condition);

// A name as search terms: "small cell lung cancer -non" finds trials with every
// word of the phrase in their conditions or title, unless "non" is in them too.
struct ConditionName {
  std::vector<std::string> terms;
  std::vector<std::string> excluded;
};
ConditionName parse_condition_name(std::string_view name);

// True for "cancer", "any cancer", "all cancers": no condition filter at all.
bool means_any_cancer(std::string_view condition);

// The names that mean leptomeningeal metastases.
const std::vector<std::string>& leptomeningeal_names();

}  // namespace cairn::trials
