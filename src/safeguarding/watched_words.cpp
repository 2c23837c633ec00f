#include "safeguarding/watched_words.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

#include "core/text.hpp"

namespace cairn::safeguarding {

std::string normalise_for_matching(std::string_view text) {
  std::string out = " ";
  for (unsigned char c : text) {
    // Bytes of multi-byte UTF-8 letters are kept so non-English words still match.
    if (std::isalnum(c) || c >= 0x80 || c == '\'') {
      if (c == '\'') continue;  // "can't" and "cant" are the same word here
      out += static_cast<char>(std::tolower(c));
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

WatchedWords WatchedWords::parse(std::string_view text) {
  WatchedWords words;
  for (const auto& raw : split(text, '\n')) {
    auto line = trim(std::string_view(raw).substr(0, raw.find('#')));
    if (line.empty()) continue;
    auto phrase = normalise_for_matching(line);
    if (phrase.size() > 2) words.phrases_.push_back(phrase);
  }
  return words;
}

Result<WatchedWords> WatchedWords::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return make_error(Errc::not_found, "cannot read watched words list " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str());
}

std::vector<std::string> WatchedWords::find_in(std::string_view text) const {
  std::string haystack = normalise_for_matching(text);
  std::vector<std::string> found;
  for (const auto& phrase : phrases_) {
    if (haystack.find(phrase) != std::string::npos) {
      found.push_back(std::string(trim(phrase)));
    }
  }
  return found;
}

}  // namespace cairn::safeguarding
