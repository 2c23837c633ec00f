#include "trials/trial_scope.hpp"

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

bool TrialScope::keeps(const ParsedRecord& record) const {
  if (!cancer_only_)
    return true;
  // The registry alone files disc and back-pain trials under Neoplasms (from a
  // low-relevance "Neoplasm Metastasis" leaf) and "Macular Edema Secondary to ..."
  // too; the words alone take "tumor necrosis factor" for a cancer. Together they agree.
  if (record.registry.classified && !record.registry.neoplasm)
    return false;
  return names_cancer(record.trial);
}

}  // namespace cairn::trials
