// Words and phrases about self-harm and suicide that make a post or message
// wait for a person, and show its writer crisis support at once. The list is
// data (content/safeguarding/watched-words.txt), editable by staff.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/phrase_list.hpp"
#include "core/result.hpp"

namespace cairn::safeguarding {

class WatchedWords {
 public:
  WatchedWords() = default;
  // One phrase a line; '#' starts a comment; matching ignores case and
  // punctuation and respects word boundaries ("kill myself" not "skill").
  static Result<WatchedWords> load(const std::filesystem::path& file);
  static WatchedWords parse(std::string_view text) { return WatchedWords(PhraseList::parse(text)); }

  // The watched phrases found in the text, in list order; empty if none.
  std::vector<std::string> find_in(std::string_view text) const { return phrases_.find_in(text); }
  bool matches(std::string_view text) const { return phrases_.matches(text); }
  std::size_t size() const { return phrases_.size(); }
  std::vector<std::string> phrases() const { return phrases_.phrases(); }

 private:
  explicit WatchedWords(PhraseList phrases) : phrases_(std::move(phrases)) {}
  PhraseList phrases_;
};

using cairn::normalise_for_matching;

}  // namespace cairn::safeguarding
