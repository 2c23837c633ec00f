// Which study records the trial finder keeps: cancer trials (the site's scope)
// or every trial. A record the registry has classified must be filed under
// Neoplasms and name a cancer; one without that classification must name one.
#pragma once

#include "core/phrase_list.hpp"
#include "trials/record_parser.hpp"

namespace cairn::trials {

class TrialScope {
 public:
  // Keeps every record.
  static TrialScope all() { return TrialScope(false, PhraseList()); }
  // Keeps cancer trials; `cancer_words` names cancers (content/trials/cancer-words.txt).
  static TrialScope cancer(PhraseList cancer_words) {
    return TrialScope(true, std::move(cancer_words));
  }

  bool keeps(const ParsedRecord& record) const;
  // Whether the trial's conditions or keywords name a cancer.
  bool names_cancer(const Trial& trial) const;

 private:
  TrialScope(bool cancer_only, PhraseList words)
      : cancer_only_(cancer_only), words_(std::move(words)) {}
  bool cancer_only_;
  PhraseList words_;
};

}  // namespace cairn::trials
