#include "search/synonyms.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

#include <xapian.h>
#include <yaml-cpp/yaml.h>

#include "core/text.hpp"
#include "search/query_text.hpp"

namespace cairn::search {
namespace {

std::string join_words(const std::vector<std::string>& words) {
  std::string key;
  for (const auto& w : words) {
    if (!key.empty())
      key += ' ';
    key += w;
  }
  return key;
}

// Another form of the same word: the same stem, and the same letters but for the last one
// or more (the stemmer alone also joins "meningitis" and "meninges").
bool same_word(const std::string& word, const std::string& term, const std::string& member_word,
               const std::string& member_term) {
  if (word == member_word)
    return true;
  if (term != member_term)
    return false;
  std::size_t shorter = std::min(word.size(), member_word.size());
  std::size_t common = 0;
  while (common < shorter && word[common] == member_word[common]) ++common;
  return common + 1 >= shorter;
}

// Union-find over group indices, to merge groups that share a member.
std::size_t find_root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace

Result<Synonyms> Synonyms::load(const std::filesystem::path& yaml_file) {
  std::ifstream in(yaml_file, std::ios::binary);
  if (!in) {
    return make_error(Errc::not_found, "cannot read the synonyms file " + yaml_file.string());
  }
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = parse(text.str());
  if (!parsed) {
    return make_error(parsed.error().code, yaml_file.string() + ": " + parsed.error().message);
  }
  return parsed;
}

Result<Synonyms> Synonyms::parse(std::string_view yaml_text) {
  std::vector<std::vector<std::string>> groups;
  try {
    YAML::Node root = YAML::Load(std::string(yaml_text));
    YAML::Node list = root.IsMap() ? root["groups"] : YAML::Node();
    if (!list || !list.IsSequence()) {
      return make_error(Errc::invalid_input, "expected `groups:` with a list of lists of words");
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const YAML::Node& g = list[i];
      std::string where =
          "group " + std::to_string(i + 1) + " (line " + std::to_string(g.Mark().line + 1) + ")";
      if (!g.IsSequence())
        return make_error(Errc::invalid_input, where + " is not a list");
      std::vector<std::string> members;
      for (const auto& m : g) {
        if (!m.IsScalar()) {
          return make_error(Errc::invalid_input, where + " has a member that is not a word");
        }
        std::string text = std::string(trim(m.as<std::string>()));
        if (tokenize(text).empty()) {
          return make_error(Errc::invalid_input, where + " has an empty member");
        }
        members.push_back(std::move(text));
      }
      if (members.size() < 2) {
        return make_error(Errc::invalid_input, where + " needs at least two words or phrases");
      }
      groups.push_back(std::move(members));
    }
  } catch (const YAML::Exception& e) {
    return make_error(Errc::invalid_input, std::string("not valid YAML: ") + e.what());
  }
  return from_groups(groups);
}

Synonyms Synonyms::from_groups(const std::vector<std::vector<std::string>>& groups) {
  Xapian::Stem stem(kStemLanguage);
  // Tokenize every member, and merge groups that share a member (compared as stemmed terms).
  std::vector<std::vector<Phrase>> phrases(groups.size());
  std::vector<std::size_t> parent(groups.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::map<std::string, std::size_t> owner;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const auto& text : groups[g]) {
      Phrase p;
      p.text = to_lower_ascii(trim(text));
      for (auto& token : tokenize(p.text)) {
        p.terms.push_back(stemmed_term(stem, token.word));
        p.words.push_back(std::move(token.word));
      }
      if (p.words.empty())
        continue;
      auto [it, fresh] = owner.emplace(join_words(p.words), g);
      if (!fresh)
        parent[find_root(parent, g)] = find_root(parent, it->second);
      phrases[g].push_back(std::move(p));
    }
  }

  Synonyms out;
  std::map<std::size_t, std::size_t> root_to_group;
  std::set<std::string> words;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::size_t root = find_root(parent, g);
    auto [it, fresh] = root_to_group.emplace(root, out.groups_.size());
    if (fresh)
      out.groups_.emplace_back();
    auto& merged = out.groups_[it->second];
    for (auto& p : phrases[g]) {
      bool duplicate = std::any_of(merged.begin(), merged.end(),
                                   [&](const Phrase& q) { return q.words == p.words; });
      if (duplicate)
        continue;
      words.insert(p.words.begin(), p.words.end());
      merged.push_back(std::move(p));
    }
  }
  for (std::size_t g = 0; g < out.groups_.size(); ++g) {
    for (std::size_t m = 0; m < out.groups_[g].size(); ++m) {
      out.by_first_term_[out.groups_[g][m].terms.front()].push_back(Entry{g, m});
    }
  }
  auto length = [&out](const Entry& e) { return out.groups_[e.group][e.member].terms.size(); };
  for (auto& [first, entries] : out.by_first_term_) {
    std::stable_sort(entries.begin(), entries.end(),
                     [&](const Entry& a, const Entry& b) { return length(a) > length(b); });
  }
  out.words_.assign(words.begin(), words.end());
  return out;
}

std::optional<Synonyms::Match> Synonyms::longest_match(const std::vector<std::string>& words,
                                                       const std::vector<std::string>& terms,
                                                       std::size_t start) const {
  auto matches = matches_at(words, terms, start);
  if (matches.empty())
    return std::nullopt;
  return matches.front();  // the longest: members are tried longest first
}

std::vector<Synonyms::Match> Synonyms::matches_at(const std::vector<std::string>& words,
                                                  const std::vector<std::string>& terms,
                                                  std::size_t start) const {
  std::vector<Match> out;
  if (start >= terms.size() || words.size() != terms.size())
    return out;
  auto it = by_first_term_.find(terms[start]);
  if (it == by_first_term_.end())
    return out;
  // Entries are longest first, so the first match of a group is its longest.
  for (const auto& entry : it->second) {
    const Phrase& p = groups_[entry.group][entry.member];
    if (start + p.terms.size() > terms.size())
      continue;
    bool seen =
        std::any_of(out.begin(), out.end(), [&](const Match& m) { return m.group == entry.group; });
    if (seen)
      continue;
    bool all = true;
    for (std::size_t k = 0; all && k < p.terms.size(); ++k) {
      all = same_word(words[start + k], terms[start + k], p.words[k], p.terms[k]);
    }
    if (all)
      out.push_back(Match{p.terms.size(), entry.group});
  }
  return out;
}

std::vector<std::string> Synonyms::equivalents(std::string_view phrase) const {
  Xapian::Stem stem(kStemLanguage);
  std::vector<std::string> words, terms;
  for (auto& token : tokenize(phrase)) {
    terms.push_back(stemmed_term(stem, token.word));
    words.push_back(std::move(token.word));
  }
  auto match = longest_match(words, terms, 0);
  std::vector<std::string> out;
  if (!match || match->length != terms.size())
    return out;
  for (const auto& p : groups_[match->group]) {
    if (p.words != words)
      out.push_back(p.text);
  }
  return out;
}

}  // namespace cairn::search
