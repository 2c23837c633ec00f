#include "content/readability.hpp"

#include <algorithm>
#include <array>

#include "content/prose.hpp"

namespace cairn::content {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_vowel(std::string_view w, size_t i) {
  char c = w[i];
  // "y" is a consonant at the start of a word ("you") and a vowel elsewhere ("therapy").
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || (c == 'y' && i > 0);
}

// Syllables of one run of lower-case letters.
int syllables_of_letters(std::string_view w) {
  if (w.empty())
    return 0;
  int count = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    if (is_vowel(w, i) && (i == 0 || !is_vowel(w, i - 1)))
      ++count;
  }
  // Vowel pairs that are usually two syllables: "radio", "media", "medium", "usual".
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    char a = w[i], b = w[i + 1], before = w[i - 1];
    bool split = false;
    if (a == 'i' && (b == 'a' || b == 'u'))
      split = before != 'c' && before != 't';  // not "special", "initial"
    if (a == 'i' && b == 'o')
      split = before != 't' && before != 's' && before != 'c' && before != 'x' &&
              before != 'g';  // not "-tion", "-sion", "-cious", "-gion"
    if (a == 'u' && b == 'a')
      split = before != 'q' && before != 'g';  // not "quality", "language"
    if (split)
      ++count;
  }
  const size_t n = w.size();
  auto consonant_at = [&](size_t i) { return !is_vowel(w, i); };
  if (count > 1 && n >= 3) {
    if (w[n - 1] == 'e' && consonant_at(n - 2)) {
      // Silent final e ("whole"), except consonant + "le" ("table", "people").
      bool le = w[n - 2] == 'l' && consonant_at(n - 3);
      if (!le)
        --count;
    } else if (w[n - 1] == 'd' && w[n - 2] == 'e' && consonant_at(n - 3) && w[n - 3] != 't' &&
               w[n - 3] != 'd') {
      --count;  // "changed", but not "treated", "needed"
    } else if (w[n - 1] == 's' && w[n - 2] == 'e' && consonant_at(n - 3)) {
      char c = w[n - 3];
      bool sounded = c == 's' || c == 'x' || c == 'z' || c == 'c' || c == 'g' ||
                     (n >= 4 && w[n - 3] == 'h' && (w[n - 4] == 's' || w[n - 4] == 'c'));
      if (!sounded)
        --count;  // "lives", but not "causes", "changes", "reaches"
    }
  }
  return std::max(count, 1);
}

}  // namespace

int count_syllables(std::string_view word) {
  bool has_letter = false, has_lower = false;
  for (char c : word) {
    has_letter = has_letter || is_ascii_letter(c);
    has_lower = has_lower || (c >= 'a' && c <= 'z');
  }
  if (!has_letter)
    return 1;  // numbers: "0808", "2026"
  int total = 0;
  // Parts of a hyphenated word each count: "high-energy".
  std::string part;
  auto flush = [&] {
    if (part.empty())
      return;
    if (!has_lower && part.size() >= 2 && part.size() <= 5) {
      total += static_cast<int>(part.size());  // "CSF" is said "see-ess-eff"
    } else {
      std::string lower;
      for (char c : part) lower += static_cast<char>(is_upper(c) ? c - 'A' + 'a' : c);
      total += syllables_of_letters(lower);
    }
    part.clear();
  };
  for (char c : word) {
    if (is_ascii_letter(c)) {
      part += c;
    } else if (c == '\'') {
      continue;  // "don't", "body's"
    } else {
      flush();
    }
  }
  flush();
  return std::max(total, 1);
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    std::string_view token = text.substr(start, i - start);
    if (std::any_of(token.begin(), token.end(),
                    [](char c) { return is_ascii_letter(c) || is_digit(c); })) {
      words.push_back(token);
    }
  }
  return words;
}

std::vector<SentenceSpan> split_sentences(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kAbbreviations = {
      "e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "prof", "st", "vs", "approx", "no"};
  std::vector<SentenceSpan> out;
  auto add = [&](size_t begin, size_t end) {
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    std::string_view sentence = text.substr(begin, end - begin);
    int words = static_cast<int>(split_words(sentence).size());
    if (words > 0)
      out.push_back({begin, end, words});
  };
  size_t begin = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '.' && c != '!' && c != '?')
      continue;
    size_t end = i + 1;
    // Closing quotes and brackets belong to the sentence: 'He said "no."'
    while (end < text.size() &&
           std::string_view(")]\"'*_").find(text[end]) != std::string_view::npos)
      ++end;
    if (end < text.size() && text.substr(end, 3) == "\xE2\x80\x99")  // ’
      end += 3;
    if (end < text.size() && text.substr(end, 3) == "\xE2\x80\x9D")  // ”
      end += 3;
    size_t next = end;
    while (next < text.size() && is_space(text[next])) ++next;
    if (next < text.size()) {
      if (next == end)
        continue;  // "7.5", "ClinicalTrials.gov"
      char n = text[next];
      bool starts_sentence = is_upper(n) || is_digit(n) || n == '"' || n == '\'' || n == '(' ||
                             static_cast<unsigned char>(n) >= 0x80;
      if (!starts_sentence)
        continue;  // "e.g. the"
    }
    if (c == '.') {
      size_t word_start = i;
      while (word_start > begin && !is_space(text[word_start - 1])) --word_start;
      std::string word;
      for (size_t k = word_start; k < i; ++k) {
        char w = text[k];
        word += static_cast<char>(is_upper(w) ? w - 'A' + 'a' : w);
      }
      while (!word.empty() && (word.front() == '(' || word.front() == '"')) word.erase(0, 1);
      if (std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end() &&
          next < text.size()) {
        continue;  // "Dr. Smith"
      }
    }
    add(begin, end);
    begin = end;
  }
  add(begin, text.size());
  return out;
}

void TextStats::add(const TextStats& other) {
  sentences += other.sentences;
  words += other.words;
  syllables += other.syllables;
}

double TextStats::reading_ease() const {
  if (words == 0 || sentences == 0)
    return 0;
  return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words;
}

double TextStats::grade() const {
  if (words == 0 || sentences == 0)
    return 0;
  return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
}

double TextStats::reading_age() const {
  if (words == 0 || sentences == 0)
    return 0;
  return grade() + 5;
}

TextStats measure_text(std::string_view text) {
  TextStats stats;
  for (const auto& sentence : split_sentences(text)) {
    ++stats.sentences;
    for (auto word : split_words(text.substr(sentence.begin, sentence.end - sentence.begin))) {
      ++stats.words;
      stats.syllables += count_syllables(word);
    }
  }
  return stats;
}

PageReadability measure_page(const Page& page) {
  PageProse prose = page_prose(page);
  PageReadability out;
  for (const auto& section : prose.sections)
    out.sections.push_back({section.heading, section.line, {}});
  for (const auto& unit : prose.units) {
    if (unit.kind != ProseKind::paragraph && unit.kind != ProseKind::list_item)
      continue;
    TextStats stats;
    for (const auto& sentence : split_sentences(unit.text)) {
      ++stats.sentences;
      for (auto word : split_words(
               std::string_view(unit.text).substr(sentence.begin, sentence.end - sentence.begin))) {
        ++stats.words;
        stats.syllables += count_syllables(word);
      }
      out.sentences.push_back({unit.line_at(sentence.begin), sentence.words});
    }
    out.page.add(stats);
    out.sections[unit.section].stats.add(stats);
  }
  return out;
}

}  // namespace cairn::content
