#include "trials/condition_names.hpp"

#include "core/text.hpp"
#include "trials/terms.hpp"

namespace cairn::trials {

namespace {

struct NameGroup {
  std::vector<std::string> names;          // searched for, and recognised when asked for
  std::vector<std::string> abbreviations;  // only recognised: too ambiguous to search for
};

// A name may end in "-word" terms: trials whose conditions hold such a word are
// not found through that name. The index keeps no word positions, so without
// "-non" "small cell lung cancer" would find every non-small cell trial too.
const std::vector<NameGroup>& groups() {
  static const std::vector<NameGroup> kGroups = {
      {leptomeningeal_names(), {"lm", "lmd", "lmc"}},
      {{"non small cell lung cancer", "non small cell lung carcinoma", "nsclc"}, {}},
      {{"small cell lung cancer -non", "small cell lung carcinoma -non", "sclc"}, {}},
      {{"acute myeloid leukaemia", "acute myelogenous leukaemia", "acute myeloblastic leukaemia",
        "aml"},
       {}},
      {{"chronic lymphocytic leukaemia", "cll"}, {}},
      // "all" is also an everyday word: recognised, never searched for.
      {{"acute lymphoblastic leukaemia", "acute lymphocytic leukaemia"}, {"all"}},
      {{"chronic myeloid leukaemia", "chronic myelogenous leukaemia", "cml"}, {}},
      {{"glioblastoma", "gbm"}, {}},
      {{"hepatocellular carcinoma", "hepatocellular cancer", "hcc"}, {}},
      {{"renal cell carcinoma", "renal cell cancer", "rcc"}, {}},
  };
  return kGroups;
}

// Asking for these means no particular cancer: every trial in the finder is one.
const std::vector<std::string>& any_cancer_names() {
  static const std::vector<std::string> kNames = {"cancer",
                                                  "cancers",
                                                  "any cancer",
                                                  "all cancers",
                                                  "all cancer",
                                                  "any type of cancer",
                                                  "all types of cancer",
                                                  "any"};
  return kNames;
}

std::string key_of(std::string_view text) {
  std::string key;
  for (const auto& term : parse_condition_name(text).terms) key += term + " ";
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

ConditionName parse_condition_name(std::string_view name) {
  ConditionName out;
  std::size_t at = 0;
  while (at < name.size()) {
    std::size_t end = name.find(' ', at);
    if (end == std::string_view::npos)
      end = name.size();
    auto word = name.substr(at, end - at);
    if (word.size() > 1 && word.front() == '-') {
      append_terms(word.substr(1), out.excluded);
    } else {
      append_terms(word, out.terms);
    }
    at = end + 1;
  }
  return out;
}

bool means_any_cancer(std::string_view condition) {
  std::string want = key_of(condition);
  for (const auto& name : any_cancer_names())
    if (key_of(name) == want)
      return true;
  return false;
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
