#include "search/spelling.hpp"

#include <algorithm>

#include <xapian.h>

namespace cairn::search {
namespace {

std::u32string to_letters(std::string_view word) {
  std::u32string out;
  for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it) {
    out += static_cast<char32_t>(*it);
  }
  return out;
}

std::size_t allowed_edits(std::size_t length) {
  if (length < 4)
    return 0;
  return length < 8 ? 1 : 2;
}

}  // namespace

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit)
    return limit + 1;
  // Optimal string alignment distance over three rolling rows.
  std::vector<std::size_t> two_back(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], two_back[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit)
      return limit + 1;
    std::swap(two_back, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

void SpellingCorrector::add(std::string_view word, std::size_t frequency) {
  std::u32string letters = to_letters(word);
  if (letters.size() >= by_length_.size())
    by_length_.resize(letters.size() + 1);
  by_length_[letters.size()].push_back(Entry{std::move(letters), std::string(word), frequency});
  ++count_;
}

std::optional<std::string> SpellingCorrector::correct(std::string_view word) const {
  std::u32string letters = to_letters(word);
  std::size_t limit = allowed_edits(letters.size());
  if (limit == 0)
    return std::nullopt;
  const Entry* best = nullptr;
  std::size_t best_distance = limit + 1;
  bool best_same_start = false;
  std::size_t low = letters.size() - limit;
  std::size_t high =
      std::min(letters.size() + limit, by_length_.empty() ? 0 : by_length_.size() - 1);
  for (std::size_t len = low; len <= high && !by_length_.empty(); ++len) {
    for (const auto& entry : by_length_[len]) {
      std::size_t d = edit_distance(letters, entry.letters, std::min(limit, best_distance));
      if (d > limit || d == 0)
        continue;
      // Prefer fewer edits, then a word with the same first letter (people rarely get that
      // wrong), then the more common word.
      bool same_start = entry.letters.front() == letters.front();
      bool better = !best || d < best_distance ||
                    (d == best_distance && same_start && !best_same_start) ||
                    (d == best_distance && same_start == best_same_start &&
                     (entry.frequency > best->frequency ||
                      (entry.frequency == best->frequency && entry.word < best->word)));
      if (better) {
        best = &entry;
        best_distance = d;
        best_same_start = same_start;
      }
    }
  }
  if (!best)
    return std::nullopt;
  return best->word;
}

}  // namespace cairn::search
