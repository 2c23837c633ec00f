// "Did you mean": the closest word in the index's own vocabulary to a word the index does not
// know, so "leptomeningial" becomes "leptomeningeal" and "omaya" becomes "ommaya".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::search {

// Edits (insert, delete, substitute, swap two neighbours) to turn a into b; any value above
// limit means "more than limit" (the search stops early).
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);

class SpellingCorrector {
 public:
  // A correctly spelt word and how many documents use it (more is a likelier correction).
  void add(std::string_view word, std::size_t frequency);
  std::size_t size() const { return count_; }

  // The best known word within reach of `word`: one edit for words of 4 to 7 letters, two for
  // longer ones; shorter words are left alone (they are mostly abbreviations).
  std::optional<std::string> correct(std::string_view word) const;

 private:
  struct Entry {
    std::u32string letters;
    std::string word;
    std::size_t frequency;
  };
  std::vector<std::vector<Entry>> by_length_;  // index: length in characters
  std::size_t count_ = 0;
};

}  // namespace cairn::search
