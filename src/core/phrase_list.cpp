#include "core/phrase_list.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

#include "core/text.hpp"

namespace cairn {

std::string normalise_for_matching(std::string_view text) {
  std::string out = " ";
  for (unsigned char c : text) {
    // Bytes of multi-byte UTF-8 letters are kept so non-English words still match.
    if (std::isalnum(c) || c >= 0x80 || c == '\'') {
      if (c == '\'')
        continue;  // "can't" and "cant" are the same word here
      out += static_cast<char>(std::tolower(c));
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  if (out.back() != ' ')
    out += ' ';
  return out;
}

PhraseList PhraseList::parse(std::string_view text) {
  PhraseList list;
  for (const auto& raw : split(text, '\n')) {
    auto line = trim(std::string_view(raw).substr(0, raw.find('#')));
    if (line.empty())
      continue;
    auto phrase = normalise_for_matching(line);
    if (phrase.size() > 2)
      list.phrases_.push_back(phrase);
  }
  return list;
}

Result<PhraseList> PhraseList::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in)
    return make_error(Errc::not_found, "cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str());
}

std::vector<std::string> PhraseList::find_in(std::string_view text) const {
  std::string haystack = normalise_for_matching(text);
  std::vector<std::string> found;
  for (const auto& phrase : phrases_) {
    if (haystack.find(phrase) != std::string::npos)
      found.push_back(std::string(trim(phrase)));
  }
  return found;
}

bool PhraseList::matches(std::string_view text) const {
  std::string haystack = normalise_for_matching(text);
  for (const auto& phrase : phrases_) {
    if (haystack.find(phrase) != std::string::npos)
      return true;
  }
  return false;
}

std::vector<std::string> PhraseList::phrases() const {
  std::vector<std::string> out;
  for (const auto& p : phrases_) {
    std::size_t a = p.find_first_not_of(' '), b = p.find_last_not_of(' ');
    if (a != std::string::npos)
      out.push_back(p.substr(a, b - a + 1));
  }
  return out;
}

}  // namespace cairn
