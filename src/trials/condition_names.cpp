#include "trials/condition_names.hpp"

#include "core/text.hpp"
#include "trials/terms.hpp"

namespace cairn::trials {

namespace {

struct NameGroup {
  std::vector<std::string> names;          // searched for, and recognised when asked for
  std::vector<std::string> abbreviations;  // only recognised: too ambiguous to search for
};

const std::vector<NameGroup>& groups() {
  static const std::vector<NameGroup> kGroups = {
      {leptomeningeal_names(), {"lm", "lmd", "lmc"}},
      {{"non small cell lung cancer", "non small cell lung carcinoma", "nsclc"}, {}},
      {{"glioblastoma", "gbm"}, {}},
  };
  return kGroups;
}

std::string key_of(std::string_view text) {
  std::string key;
  for (const auto& term : terms_of(text)) key += term + " ";
  return key;
}

}  // namespace

const std::vector<std::string>& leptomeningeal_names() {
  static const std::vector<std::string> kNames = {
      // "leptomeningeal" alone covers leptomeningeal metastases, disease and
      // carcinomatosis; the longer names are here so that asking for them finds the group.
      "leptomeningeal",           "leptomeningeal metastases",
      "leptomeningeal disease",   "leptomeningeal carcinomatosis",
      "carcinomatous meningitis", "neoplastic meningitis",
      "meningeal carcinomatosis", "meningeal metastases",
      "lymphomatous meningitis",  "leukemic meningitis"};
  return kNames;
}

std::vector<std::string> condition_names(std::string_view condition) {
  std::string want = key_of(condition);
  std::string lowered = to_lower_ascii(trim(condition));
  for (const auto& group : groups()) {
    bool match = false;
    for (const auto& name : group.names) match = match || key_of(name) == want;
    for (const auto& abbr : group.abbreviations) match = match || abbr == lowered;
    if (match)
      return group.names;
  }
  return {std::string(trim(condition))};
}

}  // namespace cairn::trials
