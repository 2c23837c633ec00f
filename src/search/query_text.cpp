#include "search/query_text.hpp"

#include <algorithm>
#include <unordered_map>

#include <xapian.h>

#include "core/code_points.hpp"

namespace cairn::search {
namespace {

bool is_control(unsigned ch) {
  return ch < 0x20 || (ch >= 0x7F && ch <= 0x9F) || ch == 0x2028 || ch == 0x2029;
}

bool is_apostrophe(unsigned ch) {
  return ch == '\'' || ch == 0x2019 || ch == 0x2018;
}

// Sorted: looked up with binary search. English function words, plus the words people put
// around a question ("can", "does", "get") that say nothing about the topic.
constexpr std::string_view kStopwords[] = {
    "a",       "about",  "after",    "all",       "am",     "an",    "and",   "any",     "are",
    "as",      "at",     "be",       "been",      "being",  "but",   "by",    "can",     "could",
    "did",     "do",     "does",     "doing",     "for",    "from",  "get",   "gets",    "getting",
    "go",      "goes",   "going",    "got",       "had",    "has",   "have",  "having",  "he",
    "her",     "here",   "hers",     "him",       "his",    "how",   "i",     "i'm",     "i've",
    "if",      "in",     "into",     "is",        "it",     "it's",  "its",   "just",    "me",
    "might",   "more",   "most",     "much",      "must",   "my",    "near",  "no",      "nor",
    "not",     "of",     "off",      "on",        "onto",   "or",    "our",   "out",     "over",
    "please",  "really", "she",      "should",    "so",     "some",  "such",  "than",    "that",
    "the",     "their",  "them",     "then",      "there",  "these", "they",  "this",    "those",
    "through", "to",     "too",      "under",     "up",     "us",    "very",  "was",     "way",
    "we",      "we're",  "were",     "what",      "what's", "when",  "where", "whether", "which",
    "while",   "who",    "whom",     "why",       "will",   "with",  "would", "you",     "you're",
    "your",    "yours",  "yourself", "yourselves"};
static_assert(std::is_sorted(std::begin(kStopwords), std::end(kStopwords)));

class RememberingStem : public Xapian::StemImplementation {
 public:
  explicit RememberingStem(std::size_t max_words) : max_words_(max_words) {}
  std::string operator()(const std::string& word) override {
    auto it = stems_.find(word);
    if (it != stems_.end())
      return it->second;
    if (stems_.size() >= max_words_)
      stems_.clear();
    return stems_.emplace(word, stem_(word)).first->second;
  }
  std::string get_description() const override { return "remembering " + stem_.get_description(); }

 private:
  Xapian::Stem stem_{kStemLanguage};
  std::size_t max_words_;
  std::unordered_map<std::string, std::string> stems_;
};

}  // namespace

Xapian::Stem remembering_stemmer(std::size_t max_words) {
  return Xapian::Stem(new RememberingStem(max_words));
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t ch = 0;
    std::size_t len = decode_utf8_at(text, i, ch);
    if (len == 0) {
      out += "\uFFFD";
      ++i;
      continue;
    }
    out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

CleanQuery clean_query(std::string_view raw, std::size_t max_bytes) {
  CleanQuery out;
  out.text.reserve(std::min(raw.size(), max_bytes + 8));
  bool pending_space = false;
  for (std::size_t i = 0; i < raw.size();) {
    char32_t ch = 0;
    std::size_t len = decode_utf8_at(raw, i, ch);
    if (len == 0) {  // an invalid byte: drop it and go on with the next one
      ++i;
      continue;
    }
    if (is_control(ch) || Xapian::Unicode::is_whitespace(ch)) {
      pending_space = !out.text.empty();
    } else {
      std::size_t needed = len + (pending_space ? 1 : 0);
      if (out.text.size() + needed > max_bytes) {
        out.truncated = true;
        break;
      }
      if (pending_space)
        out.text += ' ';
      pending_space = false;
      out.text.append(raw.substr(i, len));
    }
    i += len;
  }
  if (out.truncated) {
    // Cut at the last space if that keeps most of the text, so no half word is searched.
    std::size_t space = out.text.rfind(' ');
    if (space != std::string::npos && space > out.text.size() / 2)
      out.text.resize(space);
  }
  return out;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Token current{};
  bool in_word = false;
  std::size_t i = 0;
  auto finish = [&](std::size_t end) {
    if (!in_word)
      return;
    // A trailing apostrophe ("patients'") is not part of the word.
    while (!current.word.empty() && current.word.back() == '\'') {
      current.word.pop_back();
      --end;
    }
    current.end = end;
    tokens.push_back(std::move(current));
    current = Token{};
    in_word = false;
  };
  while (i < text.size()) {
    char32_t ch = 0;
    std::size_t len = decode_utf8_at(text, i, ch);
    if (len == 0) {
      finish(i);
      ++i;
      continue;
    }
    if (Xapian::Unicode::is_wordchar(ch)) {
      if (!in_word) {
        in_word = true;
        current.begin = i;
      }
      Xapian::Unicode::append_utf8(current.word, Xapian::Unicode::tolower(ch));
    } else if (in_word && is_apostrophe(ch) && !current.word.empty() &&
               current.word.back() != '\'') {
      current.word += '\'';
    } else {
      finish(i);
    }
    i += len;
  }
  finish(i);
  return tokens;
}

bool is_stopword(std::string_view word) {
  return std::binary_search(std::begin(kStopwords), std::end(kStopwords), word);
}

bool starts_with_letter(std::string_view word) {
  if (word.empty())
    return false;
  char32_t ch = 0;
  if (decode_utf8_at(word, 0, ch) == 0)
    return false;
  switch (Xapian::Unicode::get_category(ch)) {
    case Xapian::Unicode::UPPERCASE_LETTER:
    case Xapian::Unicode::LOWERCASE_LETTER:
    case Xapian::Unicode::TITLECASE_LETTER:
    case Xapian::Unicode::MODIFIER_LETTER:
    case Xapian::Unicode::OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

std::string stemmed_term(const Xapian::Stem& stem, const std::string& word) {
  if (!starts_with_letter(word))
    return word;
  return "Z" + stem(word);
}

}  // namespace cairn::search
