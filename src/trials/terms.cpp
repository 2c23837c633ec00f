#include "trials/terms.hpp"

#include <algorithm>
#include <array>

namespace cairn::trials {

namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, 32> kStopWords = {
    "a",    "an",  "and",   "are",  "as", "at",  "be",   "by",   "for",  "from",   "has",
    "have", "in",  "into",  "is",   "it", "its", "not",  "of",   "on",   "or",     "than",
    "that", "the", "their", "this", "to", "was", "were", "will", "with", "without"};

static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()));

bool is_stop_word(std::string_view w) {
  return std::binary_search(kStopWords.begin(), kStopWords.end(), w);
}

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

// Word bytes folded to lower case; 0 for a byte that ends a word. Bytes of
// UTF-8 sequences count as letters, so "Leukämie" stays one word.
constexpr std::array<char, 256> kFold = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 'a' && c <= 'z')
      t[c] = static_cast<char>(c);
    if (c >= '0' && c <= '9')
      t[c] = static_cast<char>(c);
    if (c >= 'A' && c <= 'Z')
      t[c] = static_cast<char>(c - 'A' + 'a');
    if (c >= 0x80)
      t[c] = static_cast<char>(c);
  }
  return t;
}();

// The stemmer, working in place on a lower-case word; false for a stop word.
bool stem_in_place(std::string& w) {
  if (w.size() <= 7 && is_stop_word(w))
    return false;
  // British and American spellings meet: leukaemia/leukemia, oesophageal/esophageal,
  // tumour/tumor.
  if (w.size() >= 6) {
    if (w.find("ae") != std::string::npos)
      replace_all(w, "ae", "e");
    if (w.find("oe") != std::string::npos)
      replace_all(w, "oe", "e");
    if (ends_with(w, "our"))
      w.replace(w.size() - 3, 3, "or");
    if (ends_with(w, "ours"))
      w.replace(w.size() - 4, 4, "ors");
  }
  if (w.size() > 4 && ends_with(w, "ies")) {
    w.replace(w.size() - 3, 3, "y");  // therapies -> therapy
  } else if (w.size() > 5 && (ends_with(w, "sis") || ends_with(w, "ses"))) {
    w.resize(w.size() - 2);  // metastasis, metastases -> metastas
  } else if (w.size() > 3 && w.back() == 's' && !ends_with(w, "ss") && !ends_with(w, "us") &&
             !ends_with(w, "is")) {
    w.pop_back();  // tumours -> tumour
  }
  if (w.size() > 4 && w.back() == 'e')
    w.pop_back();  // disease, diseases -> diseas
  return true;
}

}  // namespace

std::string stem(std::string_view word) {
  std::string w(word);
  return stem_in_place(w) ? w : std::string();
}

void append_terms(std::string_view text, std::vector<std::string>& out) {
  std::string word;
  auto emit = [&] {
    if (!word.empty() && stem_in_place(word))
      out.push_back(word);
    word.clear();
  };
  for (unsigned char c : text) {
    char folded = kFold[c];
    if (folded != 0) {
      word += folded;
    } else if (!word.empty()) {
      emit();
    }
  }
  emit();
}

std::vector<std::string> terms_of(std::string_view text) {
  std::vector<std::string> out;
  append_terms(text, out);
  return out;
}

}  // namespace cairn::trials
