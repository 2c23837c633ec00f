#include "safeguarding/watched_word_rules.hpp"

#include "core/code_points.hpp"
#include "core/form_problems.hpp"

namespace cairn::safeguarding {

namespace {

// A phrase on one line, as PhraseList reads its lists.
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == '\n' || c == '\r' || c == '#') ? ' ' : c;
  return out;
}

std::size_t length_of(std::string_view text) {
  auto points = decode_utf8(text);
  return points ? points->size() : text.size();
}

}  // namespace

std::optional<WordAction> parse_word_action(std::string_view text) {
  if (text == "hold")
    return WordAction::hold;
  if (text == "block")
    return WordAction::block;
  if (text == "flag")
    return WordAction::flag;
  return std::nullopt;
}

std::string_view to_string(WordAction action) {
  switch (action) {
    case WordAction::hold:
      return "hold";
    case WordAction::block:
      return "block";
    case WordAction::flag:
      return "flag";
  }
  return "hold";
}

WatchedWordRules::WatchedWordRules(std::vector<WatchedWord> words) : words_(std::move(words)) {
  std::string hold, flag;
  for (const auto& w : words_) {
    switch (w.action) {
      case WordAction::hold:
        hold += one_line(w.phrase) + "\n";
        break;
      case WordAction::flag:
        flag += one_line(w.phrase) + "\n";
        break;
      case WordAction::block:
        blocks_.push_back({w.phrase, PhraseList::parse(one_line(w.phrase)), w.message});
        break;
    }
  }
  hold_ = PhraseList::parse(hold);
  flag_ = PhraseList::parse(flag);
}

Screening WatchedWordRules::screen(std::string_view text) const {
  Screening s;
  s.held = hold_.find_in(text);
  s.flagged = flag_.find_in(text);
  for (const auto& b : blocks_) {
    if (b.list.matches(text)) {
      s.block = b.message;
      s.block_phrase = b.phrase;
      break;
    }
  }
  return s;
}

Status check_watched_word(const WatchedWord& word) {
  FormProblems problems;
  if (normalise_for_matching(word.phrase).find_first_not_of(' ') == std::string::npos) {
    problems.add("phrase", "Enter a word or phrase with at least one letter or number");
  } else if (length_of(word.phrase) > kMaxPhraseLength) {
    problems.add("phrase",
                 "The phrase must be " + std::to_string(kMaxPhraseLength) + " characters or fewer");
  }
  if (word.action == WordAction::block && word.message.empty()) {
    problems.add("message", "Enter the message people see when their post is blocked");
  } else if (length_of(word.message) > kMaxBlockMessageLength) {
    problems.add("message", "The message must be " + std::to_string(kMaxBlockMessageLength) +
                                " characters or fewer");
  }
  if (!problems.empty())
    return problems.error();
  return Ok{};
}

}  // namespace cairn::safeguarding
