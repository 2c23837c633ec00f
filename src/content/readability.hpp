// How easy a page is to read: syllables, words and sentences, the Flesch reading ease
// and an estimated UK reading age, for a whole page and for each of its sections.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "content/page.hpp"

namespace cairn::content {

// English syllables by rule of thumb (vowel groups, silent final e, -le, -ed, -es);
// right for most plain words, off by one for some. Abbreviations in capitals
// ("CSF") are read letter by letter. At least 1 for any word.
int count_syllables(std::string_view word);

// A word is a run of non-space characters with a letter or digit in it.
std::vector<std::string_view> split_words(std::string_view text);

struct SentenceSpan {
  size_t begin = 0, end = 0;  // offsets into the text: first character, one past the last
  int words = 0;
};

// Sentences end at . ! or ? followed by a space and a capital, digit or quote, or at the
// end of the text; "e.g. the", "7.5" and "ClinicalTrials.gov" do not end one.
std::vector<SentenceSpan> split_sentences(std::string_view text);

struct TextStats {
  int sentences = 0, words = 0, syllables = 0;

  void add(const TextStats& other);
  // Flesch reading ease: 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words).
  // Higher is easier; 60 to 70 is plain English.
  double reading_ease() const;
  // Flesch-Kincaid grade: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59,
  // a US school grade.
  double grade() const;
  // UK reading age in years: the US grade plus 5 (grade 1 is age 6), the usual UK
  // convention for Flesch-Kincaid.
  double reading_age() const;
};

TextStats measure_text(std::string_view text);

struct SectionReadability {
  std::string heading;  // empty for the intro before the first "## "
  int line = 1;         // file line of the heading
  TextStats stats;
};

struct SentenceLength {
  int line = 1;  // file line where the sentence starts
  int words = 0;
};

struct PageReadability {
  TextStats page;
  std::vector<SectionReadability> sections;  // [0] the intro, then one per "## " section
  std::vector<SentenceLength> sentences;     // every sentence, in page order
};

// Paragraphs and list items count (a list item is a sentence of its own even without a
// full stop); headings, expander titles, tables and code do not.
PageReadability measure_page(const Page& page);

}  // namespace cairn::content
