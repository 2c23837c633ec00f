#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "content/page.hpp"
#include "content/prose.hpp"
#include "content/readability.hpp"
#include "fixtures.hpp"

namespace cairn::content {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using testing::read_fixture;

Page fixture_page(const std::string& relative) {
  auto page = parse_page(read_fixture("check/site/pages/" + relative), relative, "/" + relative);
  if (!page)
    throw std::runtime_error(page.error().message);
  return std::move(page).value();
}

TEST(CountSyllables, FollowsTheUsualEnglishRules) {
  struct Case {
    const char* word;
    int syllables;
  };
  const Case cases[] = {
      {"cat", 1},          {"the", 1},           {"table", 2},     {"people", 2},
      {"whole", 1},        {"treated", 2},       {"changed", 1},   {"needed", 2},
      {"lives", 1},        {"causes", 2},        {"changes", 2},   {"radiotherapy", 6},
      {"chemotherapy", 5}, {"cerebrospinal", 5}, {"leukaemia", 4}, {"usual", 3},
      {"information", 4},  {"you", 1},           {"therapy", 3},   {"Cancer", 2},
  };
  for (const auto& c : cases) EXPECT_EQ(count_syllables(c.word), c.syllables) << c.word;
}

TEST(CountSyllables, ReadsAbbreviationsLetterByLetterAndCountsEveryPartOfAHyphenatedWord) {
  EXPECT_EQ(count_syllables("CSF"), 3);
  EXPECT_EQ(count_syllables("LM"), 2);
  EXPECT_EQ(count_syllables("high-energy"), 4);
  EXPECT_EQ(count_syllables("(CSF)."), 3);
  EXPECT_EQ(count_syllables("0808"), 1);
  EXPECT_EQ(count_syllables("body's"), 2);
}

TEST(SplitWords, SkipsPunctuationOnItsOwn) {
  EXPECT_THAT(split_words("Call us \xE2\x80\x93 free, on 0808 800 4040."),
              ElementsAre("Call", "us", "free,", "on", "0808", "800", "4040."));
}

TEST(SplitSentences, EndsSentencesOnlyWhereANewOneStarts) {
  auto sentences = split_sentences(
      "The median was 7.5 months. Ask Dr. Smith, e.g. by phone! See ClinicalTrials.gov today? "
      "Yes");
  ASSERT_EQ(sentences.size(), 4u);
  EXPECT_EQ(sentences[0].words, 5);  // "7.5" does not end it
  EXPECT_EQ(sentences[1].words, 6);  // nor "Dr." nor "e.g. by"
  EXPECT_EQ(sentences[2].words, 3);  // nor "ClinicalTrials.gov"
  EXPECT_EQ(sentences[3].words, 1);
}

TEST(SplitSentences, KeepsClosingBracketsAndQuotesWithTheSentence) {
  std::string text = "It is called CSF (a fluid.) Then \"we stop.\" End";
  auto sentences = split_sentences(text);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(text.substr(sentences[0].begin, sentences[0].end - sentences[0].begin),
            "It is called CSF (a fluid.)");
  EXPECT_EQ(text.substr(sentences[1].begin, sentences[1].end - sentences[1].begin),
            "Then \"we stop.\"");
}

TEST(TextStats, ComputesFleschScoresFromCounts) {
  // 6 words, 1 sentence, 6 syllables.
  TextStats s = measure_text("The cat sat on the mat.");
  EXPECT_EQ(s.words, 6);
  EXPECT_EQ(s.sentences, 1);
  EXPECT_EQ(s.syllables, 6);
  EXPECT_NEAR(s.reading_ease(), 206.835 - 1.015 * 6 - 84.6, 1e-9);
  EXPECT_NEAR(s.grade(), 0.39 * 6 + 11.8 - 15.59, 1e-9);
  EXPECT_NEAR(s.reading_age(), s.grade() + 5, 1e-9);
  EXPECT_EQ(TextStats{}.reading_age(), 0);  // no words: no score, not a division by zero
}

TEST(TextStats, LongWordsAndSentencesMakeAnOlderReadingAge) {
  TextStats plain = measure_text("We are here to help. You can call us. We will talk to you.");
  TextStats hard = measure_text(
      "Multidisciplinary consultations facilitate individualised therapeutic determinations "
      "regarding ventriculoperitoneal shunting procedures.");
  EXPECT_LT(plain.reading_age(), 8);
  EXPECT_GT(plain.reading_ease(), 90);
  EXPECT_GT(hard.reading_age(), 18);
  EXPECT_LT(hard.reading_ease(), 0);
}

TEST(PageProse, KeepsTheWordsAndLinesAndLeavesOutMarkdownAndCode) {
  Page page;
  page.body_line = 10;
  page.markdown =
      "Read **this** [page](/a#b)\nnow. Code `LM` is not prose.\n\n## Two\n\n- item "
      "one\n\n```\ncode block\n```\n";
  PageProse prose = page_prose(page);
  ASSERT_EQ(prose.units.size(), 3u);
  EXPECT_EQ(prose.units[0].text, "Read this page now. Code  is not prose.");
  EXPECT_EQ(prose.units[0].line_at(0), 10);
  EXPECT_EQ(prose.units[0].line_at(prose.units[0].text.find("now")), 11);
  EXPECT_EQ(prose.units[1].kind, ProseKind::heading);
  EXPECT_EQ(prose.units[2].kind, ProseKind::list_item);
  EXPECT_EQ(prose.units[2].section, 1u);
  ASSERT_EQ(prose.sections.size(), 2u);
  EXPECT_EQ(prose.sections[1].heading, "Two");
  EXPECT_EQ(prose.sections[1].line, 13);
  ASSERT_EQ(prose.links.size(), 1u);
  EXPECT_EQ(prose.links[0].href, "/a#b");
  EXPECT_EQ(prose.links[0].line, 10);
}

TEST(MeasurePage, ScoresEachSectionAndFindsTheLineOfEverySentence) {
  PageReadability r = measure_page(fixture_page("reading/hard.md"));
  ASSERT_EQ(r.sections.size(), 4u);
  EXPECT_EQ(r.sections[0].heading, "");
  EXPECT_EQ(r.sections[1].heading, "Complicated terminology");
  EXPECT_EQ(r.sections[1].line, 12);
  EXPECT_EQ(r.sections[2].line, 21);
  EXPECT_LT(r.sections[0].stats.reading_age(), 8);
  EXPECT_GT(r.sections[1].stats.reading_age(), 18);
  // "A list": the lead-in and each item are sentences; the expander counts in its section.
  EXPECT_EQ(r.sections[3].stats.sentences, 5);
  EXPECT_EQ(r.sections[3].stats.words, 12);
  EXPECT_THAT(r.sentences,
              ::testing::Contains(::testing::AllOf(Field(&SentenceLength::line, 23),
                                                   Field(&SentenceLength::words, 33))));
  // The page adds up its sections; headings and the expander title are not counted.
  int words = 0;
  for (const auto& s : r.sections) words += s.stats.words;
  EXPECT_EQ(r.page.words, words);
}

}  // namespace
}  // namespace cairn::content
