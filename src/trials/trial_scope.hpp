// Which study records the trial finder keeps: cancer trials (the site's scope)
// or every trial. A record the registry has classified must be filed under
// Neoplasms and name a cancer; one without that classification must name one.
// The registry sync narrows it further to trials that are still current.
#pragma once

#include <string>
#include <vector>

#include "core/phrase_list.hpp"
#include "trials/record_parser.hpp"

namespace cairn::trials {

enum class ScopeVerdict {
  kept,
  not_cancer,   // outside the site's scope
  not_current,  // in scope, but its overall status is not one the scope keeps
};

class TrialScope {
 public:
  // Keeps every record.
  static TrialScope all() { return TrialScope(false, PhraseList()); }
  // Keeps cancer trials; `cancer_words` names cancers (content/trials/cancer-words.txt).
  static TrialScope cancer(PhraseList cancer_words) {
    return TrialScope(true, std::move(cancer_words));
  }

  // The same scope keeping only trials whose overall status is one of these
  // (e.g. recruiting): a trial that closed leaves the finder.
  TrialScope only_statuses(std::vector<std::string> statuses) const;

  ScopeVerdict judge(const ParsedRecord& record) const;
  bool keeps(const ParsedRecord& record) const { return judge(record) == ScopeVerdict::kept; }
  // Whether the trial's conditions or keywords name a cancer.
  bool names_cancer(const Trial& trial) const;
  // What the registry is asked for (its query.cond): "cancer", or nothing for every trial.
  std::string registry_condition() const { return cancer_only_ ? "cancer" : ""; }

 private:
  TrialScope(bool cancer_only, PhraseList words)
      : cancer_only_(cancer_only), words_(std::move(words)) {}
  bool cancer_only_;
  PhraseList words_;
  std::vector<std::string> statuses_;  // empty: any status
};

}  // namespace cairn::trials
