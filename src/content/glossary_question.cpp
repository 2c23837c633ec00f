#include "content/glossary_question.hpp"

#include <array>
#include <cctype>
#include <string>

#include "core/text.hpp"

namespace cairn::content {

namespace {

// Lower case, one space between words, no punctuation at the ends.
std::string normalised(std::string_view text) {
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '?' || c == '!' || c == '.' || c == ',' || c == '"' || c == ';' || c == ':')
      c = ' ';
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ')
        out += ' ';
      continue;
    }
    out += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool take_prefix(std::string& s, std::string_view prefix) {
  if (!s.starts_with(prefix) || s.size() == prefix.size())
    return false;
  s.erase(0, prefix.size());
  return true;
}

bool take_suffix(std::string& s, std::string_view suffix) {
  if (!s.ends_with(suffix) || s.size() == suffix.size())
    return false;
  s.resize(s.size() - suffix.size());
  return true;
}

// "what is an ommaya reservoir" -> "ommaya reservoir"; "what does csf mean" -> "csf".
std::string without_question_words(std::string s) {
  static constexpr std::array<std::string_view, 16> kOpenings = {
      "what is a ",     "what is an ", "what is the ", "what is ",
      "what are ",      "what's a ",   "what's an ",   "what's ",
      "whats ",         "what does ",  "what do ",     "meaning of ",
      "definition of ", "define ",     "explain ",     "what is meant by "};
  for (auto opening : kOpenings) {
    if (take_prefix(s, opening))
      break;
  }
  for (std::string_view ending : {" mean", " stand for", " meaning"}) {
    if (take_suffix(s, ending))
      break;
  }
  return s;
}

}  // namespace

const GlossaryEntry* glossary_entry_asked(const Glossary& glossary, std::string_view query) {
  std::string asked = without_question_words(normalised(query));
  if (asked.empty())
    return nullptr;
  for (const auto& [key, entry] : glossary.entries()) {
    // "cerebrospinal fluid (CSF)" is asked for as itself, its words or its short form.
    std::string term = normalised(entry.term);
    std::string shown = term, short_form;
    if (auto open = term.find(" ("); open != std::string::npos && term.ends_with(")")) {
      shown = term.substr(0, open);
      short_form = term.substr(open + 2, term.size() - open - 3);
    }
    std::string key_words = key;
    for (char& c : key_words) c = c == '-' ? ' ' : c;
    if (asked == term || asked == shown || (!short_form.empty() && asked == short_form) ||
        asked == key_words)
      return &entry;
    for (const auto& match : entry.matches) {
      if (asked == normalised(match))
        return &entry;
    }
  }
  return nullptr;
}

}  // namespace cairn::content
