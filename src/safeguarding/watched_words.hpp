// Words and phrases about self-harm and suicide that make a post or message
// wait for a person, and show its writer crisis support at once. The list is
// data (content/safeguarding/watched-words.txt), editable by staff.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cairn::safeguarding {

class WatchedWords {
 public:
  // One phrase a line; '#' starts a comment; matching ignores case and
  // punctuation and respects word boundaries ("kill myself" not "skill").
  static Result<WatchedWords> load(const std::filesystem::path& file);
  static WatchedWords parse(std::string_view text);

  // The watched phrases found in the text, in list order; empty if none.
  std::vector<std::string> find_in(std::string_view text) const;
  bool matches(std::string_view text) const { return !find_in(text).empty(); }
  std::size_t size() const { return phrases_.size(); }

 private:
  std::vector<std::string> phrases_;  // normalised: lower case, single spaces
};

// Lower case, letters and digits kept, everything else a single space, padded
// with a space at each end: the form both phrases and texts are compared in.
std::string normalise_for_matching(std::string_view text);

}  // namespace cairn::safeguarding
