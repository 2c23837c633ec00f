// Where the watched words in force come from. The forum's list lives in the
// store and is edited by admins; the nurse inbox and page feedback ask this
// source at every check, so an admin's edit applies to them at once too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "safeguarding/watched_word_rules.hpp"
#include "safeguarding/watched_words.hpp"

namespace cairn::safeguarding {

class WatchedWordSource {
 public:
  virtual ~WatchedWordSource() = default;
  virtual WatchedWordRules current() const = 0;

  // The "hold" phrases in the text: the self-harm words that show crisis
  // support. "block" and "flag" are forum tools (adverts, spam) and do not
  // make a nurse message or a comment a safeguarding case.
  std::vector<std::string> find_in(std::string_view text) const {
    return current().screen(text).held;
  }
  bool matches(std::string_view text) const { return !find_in(text).empty(); }
};

// A list that does not change: the file's phrases, each one "hold" (tests, and
// tools that run without a store).
class FixedWatchedWords final : public WatchedWordSource {
 public:
  explicit FixedWatchedWords(const WatchedWords& file);
  WatchedWordRules current() const override { return rules_; }

 private:
  WatchedWordRules rules_;
};

}  // namespace cairn::safeguarding
