// Search synonyms and abbreviations (content/synonyms.yaml): groups of words and phrases that
// mean the same, so a search for "LM" also finds "leptomeningeal metastases".
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"

namespace cairn::search {

class Synonyms {
 public:
  // One member of a group: its words, and the index terms they are searched as.
  struct Phrase {
    std::string text;                // lower case, as written in the file
    std::vector<std::string> words;  // tokenized
    std::vector<std::string> terms;  // stemmed index terms, one per word
  };
  struct Match {
    std::size_t length;  // query words covered
    std::size_t group;
  };

  Synonyms() = default;
  // Reads `groups:` (a list of lists of strings) from a YAML file.
  static Result<Synonyms> load(const std::filesystem::path& yaml_file);
  static Result<Synonyms> parse(std::string_view yaml_text);
  // Groups that share a member (the same words) are merged: "same meaning" is transitive.
  static Synonyms from_groups(const std::vector<std::vector<std::string>>& groups);

  // The longest member phrase that starts at query word `start`. words are tokenized query
  // words and terms their stemmed_term()s. A word matches a member word when it is the same
  // word, or another form of it: same stem and the same letters but for the ending
  // ("reservoirs" is "reservoir", but "meningitis" is not "meninges", stem or no stem).
  std::optional<Match> longest_match(const std::vector<std::string>& words,
                                     const std::vector<std::string>& terms,
                                     std::size_t start) const;
  // Every group with a member phrase that starts at word `start`, each once with its longest
  // such member (same word rules as longest_match): what a document's text is indexed as.
  std::vector<Match> matches_at(const std::vector<std::string>& words,
                                const std::vector<std::string>& terms, std::size_t start) const;
  const std::vector<Phrase>& group(std::size_t index) const { return groups_[index]; }
  std::size_t group_count() const { return groups_.size(); }

  // The other members of the group the phrase belongs to (empty when it is in none).
  std::vector<std::string> equivalents(std::string_view phrase) const;
  // Every word used in any member: search words that are spelt right though no page has them.
  const std::vector<std::string>& words() const { return words_; }

 private:
  struct Entry {
    std::size_t group;
    std::size_t member;
  };
  std::vector<std::vector<Phrase>> groups_;
  std::unordered_map<std::string, std::vector<Entry>> by_first_term_;  // longest first
  std::vector<std::string> words_;
};

}  // namespace cairn::search
