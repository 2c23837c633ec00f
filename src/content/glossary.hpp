// Medical words and their plain explanations (content/glossary.yaml).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cairn::content {

struct GlossaryEntry {
  std::string key;          // "csf": used in front matter and in #term-csf
  std::string term;         // "cerebrospinal fluid (CSF)"
  std::string explanation;  // plain words
  // Words in the text that are this term; all-capitals ones (CSF) match case-sensitively.
  // Never empty once loaded: defaults to the term itself.
  std::vector<std::string> matches;
};

class Glossary {
 public:
  // Adds or replaces the entry with this key.
  void add(GlossaryEntry entry);
  const GlossaryEntry* find(std::string_view key) const;
  const std::map<std::string, GlossaryEntry, std::less<>>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, GlossaryEntry, std::less<>> entries_;
};

Result<Glossary> load_glossary(const std::filesystem::path& file);
// The same from text; file_name is only for messages.
Result<Glossary> parse_glossary(std::string_view yaml_text, const std::string& file_name);

}  // namespace cairn::content
