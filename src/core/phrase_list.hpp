// A list of words and phrases found in text as whole words, ignoring case and
// punctuation: watched words in posts, cancer names in trial conditions.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cairn {

class PhraseList {
 public:
  // One phrase a line; '#' starts a comment; matching ignores case and
  // punctuation and respects word boundaries ("kill myself" not "skill").
  static Result<PhraseList> load(const std::filesystem::path& file);
  static PhraseList parse(std::string_view text);

  // The phrases found in the text, in list order; empty if none.
  std::vector<std::string> find_in(std::string_view text) const;
  bool matches(std::string_view text) const;
  std::size_t size() const { return phrases_.size(); }
  // The phrases as matched: lower case, single spaces.
  std::vector<std::string> phrases() const;

 private:
  std::vector<std::string> phrases_;  // normalised: lower case, single spaces
};

// Lower case, letters and digits kept, everything else a single space, padded
// with a space at each end: the form both phrases and texts are compared in.
std::string normalise_for_matching(std::string_view text);

}  // namespace cairn
