#include "search/query_text.hpp"

#include <gtest/gtest.h>

namespace cairn::search {
namespace {

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(text)) out.push_back(t.word);
  return out;
}

TEST(CleanQuery, ControlCharactersBecomeSpacesAndSpacesCollapse) {
  auto q = clean_query("  csf\t\x01\x1f\x7f  shunt\r\n");
  EXPECT_EQ(q.text, "csf shunt");
  EXPECT_FALSE(q.truncated);
}

TEST(CleanQuery, InvalidUtf8IsDroppedValidKept) {
  EXPECT_EQ(clean_query("caf\xc3\xa9 \xff\xfe lm \xc3").text, "caf\xc3\xa9 lm");
  EXPECT_EQ(clean_query("\xed\xa0\x80x").text, "x");  // an encoded surrogate is not UTF-8
}

TEST(ValidUtf8, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(valid_utf8("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(valid_utf8("a\xff"
                       "b\xc3"),
            "a\uFFFD"
            "b\uFFFD");
}

TEST(RememberingStemmer, GivesTheStemmersStemsAgainAndAgain) {
  Xapian::Stem plain(kStemLanguage);
  Xapian::Stem remembering = remembering_stemmer(2);  // forgets often: still the same stems
  for (int round = 0; round < 3; ++round) {
    for (const char* word : {"treatments", "treating", "metastases", "ommaya", "studies"}) {
      EXPECT_EQ(remembering(word), plain(word)) << word;
    }
  }
}

TEST(CleanQuery, LongQueriesAreCutAtAWordBoundary) {
  std::string raw;
  while (raw.size() < 10 * 1024) raw += "leptomeningeal ";
  auto q = clean_query(raw);
  EXPECT_TRUE(q.truncated);
  EXPECT_LE(q.text.size(), kMaxQueryBytes);
  EXPECT_EQ(q.text.back(), 'l');  // ends with a whole word
  EXPECT_EQ(q.text.size() % 15, 14u);
}

TEST(CleanQuery, CutNeverSplitsACharacter) {
  std::string raw;
  for (int i = 0; i < 300; ++i) raw += "\xc3\xa9";  // one long word of é
  auto q = clean_query(raw);
  EXPECT_TRUE(q.truncated);
  EXPECT_EQ(q.text.size(), kMaxQueryBytes);
  EXPECT_EQ(clean_query(q.text).text, q.text);  // still valid UTF-8
}

TEST(Tokenize, SplitsOnPunctuationAndLowercases) {
  EXPECT_EQ(words("Intra-CSF chemo: (LM)?"),
            (std::vector<std::string>{"intra", "csf", "chemo", "lm"}));
  EXPECT_EQ(words("title:foo AND \"bar*"),
            (std::vector<std::string>{"title", "foo", "and", "bar"}));
}

TEST(Tokenize, KeepsApostrophesInsideWords) {
  EXPECT_EQ(words("don't patients' mum\u2019s"),
            (std::vector<std::string>{"don't", "patients", "mum's"}));
}

TEST(Tokenize, GivesByteSpansOfTheOriginalText) {
  auto tokens = tokenize("Omaya  reservoir");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].begin, 0u);
  EXPECT_EQ(tokens[0].end, 5u);
  EXPECT_EQ(tokens[1].begin, 7u);
  EXPECT_EQ(tokens[1].end, 16u);
}

TEST(Tokenize, LowercasesBeyondAscii) {
  EXPECT_EQ(words("\xc3\x89TUDE"), (std::vector<std::string>{"\xc3\xa9tude"}));
}

TEST(Stopwords, QuestionWordsAreStopwordsMedicalWordsAreNot) {
  EXPECT_TRUE(is_stopword("can"));
  EXPECT_TRUE(is_stopword("the"));
  EXPECT_TRUE(is_stopword("what"));
  EXPECT_FALSE(is_stopword("csf"));
  EXPECT_FALSE(is_stopword("chemo"));
  EXPECT_FALSE(is_stopword("help"));
}

TEST(StemmedTerm, WordsAreStemmedNumbersAreNot) {
  Xapian::Stem stem(kStemLanguage);
  EXPECT_EQ(stemmed_term(stem, "treatments"), stemmed_term(stem, "treatment"));
  EXPECT_EQ(stemmed_term(stem, "treatments").front(), 'Z');
  EXPECT_EQ(stemmed_term(stem, "2023"), "2023");
}

}  // namespace
}  // namespace cairn::search
