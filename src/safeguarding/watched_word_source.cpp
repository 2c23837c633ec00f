#include "safeguarding/watched_word_source.hpp"

namespace cairn::safeguarding {

namespace {

WatchedWordRules all_held(const WatchedWords& file) {
  std::vector<WatchedWord> words;
  for (auto& phrase : file.phrases()) words.push_back({phrase, WordAction::hold, ""});
  return WatchedWordRules(std::move(words));
}

}  // namespace

FixedWatchedWords::FixedWatchedWords(const WatchedWords& file) : rules_(all_held(file)) {}

}  // namespace cairn::safeguarding
