#include "trials/trial_scope.hpp"

#include <algorithm>

namespace cairn::trials {

bool TrialScope::names_cancer(const Trial& trial) const {
  for (const auto* list : {&trial.conditions, &trial.keywords}) {
    for (const auto& text : *list) {
      if (words_.matches(text))
        return true;
    }
  }
  return false;
}

TrialScope TrialScope::only_statuses(std::vector<std::string> statuses) const {
  TrialScope narrower = *this;
  narrower.statuses_ = std::move(statuses);
  return narrower;
}

ScopeVerdict TrialScope::judge(const ParsedRecord& record) const {
  if (cancer_only_) {
    // The registry alone files disc and back-pain trials under Neoplasms (from a
    // low-relevance "Neoplasm Metastasis" leaf) and "Macular Edema Secondary to ..."
    // too; the words alone take "tumor necrosis factor" for a cancer. Together they agree.
    if (record.registry.classified && !record.registry.neoplasm)
      return ScopeVerdict::not_cancer;
    if (!names_cancer(record.trial))
      return ScopeVerdict::not_cancer;
  }
  if (!statuses_.empty() &&
      std::find(statuses_.begin(), statuses_.end(), record.trial.overall_status) == statuses_.end())
    return ScopeVerdict::not_current;
  return ScopeVerdict::kept;
}

}  // namespace cairn::trials
