// The watched words with what each one does to a post: "hold" keeps it for a
// moderator and shows its writer crisis support (the safeguarding hold),
// "block" refuses it with the admin's message, "flag" lets it through and puts
// it in the moderators' queue.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/phrase_list.hpp"
#include "core/result.hpp"

namespace cairn::safeguarding {

enum class WordAction { hold, block, flag };

// "hold", "block", "flag"; nothing for anything else.
std::optional<WordAction> parse_word_action(std::string_view text);
std::string_view to_string(WordAction action);

struct WatchedWord {
  std::string phrase;
  WordAction action = WordAction::hold;
  std::string message;  // for block: what the writer is told
};

// What the words found in one text ask for.
struct Screening {
  std::vector<std::string> held;            // "hold" phrases found
  std::vector<std::string> flagged;         // "flag" phrases found
  std::optional<std::string> block;         // the message of the first "block" phrase found
  std::optional<std::string> block_phrase;  // and that phrase
};

inline constexpr std::size_t kMaxPhraseLength = 100;  // characters
inline constexpr std::size_t kMaxBlockMessageLength = 500;

class WatchedWordRules {
 public:
  explicit WatchedWordRules(std::vector<WatchedWord> words);
  Screening screen(std::string_view text) const;
  const std::vector<WatchedWord>& words() const { return words_; }

 private:
  std::vector<WatchedWord> words_;
  PhraseList hold_, flag_;
  struct Block {
    std::string phrase;
    PhraseList list;
    std::string message;
  };
  std::vector<Block> blocks_;
};

// Field problems of a phrase an admin typed ("phrase", "message").
Status check_watched_word(const WatchedWord& word);

}  // namespace cairn::safeguarding
