// The names registries and people use for the same condition, so asking for
// one finds trials filed under another ("carcinomatous meningitis" is LM).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cairn::trials {

// The names to look for when someone asks for `condition`: the condition
// itself plus its synonyms when it is one Cairn knows ("LM" -> leptomeningeal ...).
std::vector<std::string> condition_names(std::string_view condition);

// The names that mean leptomeningeal metastases.
const std::vector<std::string>& leptomeningeal_names();

}  // namespace cairn::trials
