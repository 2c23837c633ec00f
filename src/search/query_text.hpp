// What a visitor typed, made safe and split into words the same way the index splits text,
// so query words meet index terms.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace cairn::search {

// The language of the stemmer used for the index and for queries.
inline constexpr const char* kStemLanguage = "english";

// Longer queries are cut: nobody types more into a search box, and it bounds the work.
inline constexpr std::size_t kMaxQueryBytes = 200;

struct CleanQuery {
  std::string text;        // valid UTF-8, no control characters, single spaces, trimmed
  bool truncated = false;  // text was cut to the limit
};

// Drops invalid UTF-8, turns control characters into spaces, collapses spaces and cuts the
// text to max_bytes (at a word boundary when one is near).
CleanQuery clean_query(std::string_view raw, std::size_t max_bytes = kMaxQueryBytes);

struct Token {
  std::string word;   // lower case, apostrophes as '
  std::size_t begin;  // byte span of the word in the text it came from
  std::size_t end;
};

// Words as Xapian's TermGenerator sees them: runs of letters, digits and marks, with
// apostrophes inside a word kept ("don't"). Everything else separates words.
std::vector<Token> tokenize(std::string_view text);

// Words that carry no meaning in a search ("the", "can", "what"): dropped from queries that
// have other words.
bool is_stopword(std::string_view word);

// The term a word is indexed under: "Z" + stem for words starting with a letter (the
// TermGenerator's STEM_SOME rule), else the word itself.
std::string stemmed_term(const Xapian::Stem& stem, const std::string& word);

// A kStemLanguage stemmer that remembers the stems it made (up to max_words words, then it
// starts afresh): the same words recur in every text, and stemming them is most of the cost
// of indexing and of snippets. Like any Xapian::Stem, for one thread at a time.
Xapian::Stem remembering_stemmer(std::size_t max_words = 50000);

// The text with every byte that is not part of valid UTF-8 replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

// Whether the word starts with a letter (only such words are stemmed or spell-corrected).
bool starts_with_letter(std::string_view word);

}  // namespace cairn::search
