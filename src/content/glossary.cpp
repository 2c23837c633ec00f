#include "content/glossary.hpp"

#include "content/field_checks.hpp"
#include "content/yaml_fields.hpp"

namespace cairn::content {

void Glossary::add(GlossaryEntry entry) {
  std::string key = entry.key;
  entries_.insert_or_assign(std::move(key), std::move(entry));
}

const GlossaryEntry* Glossary::find(std::string_view key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

Result<Glossary> parse_glossary(std::string_view yaml_text, const std::string& file_name) {
  ProblemList problems(file_name, 1);
  Glossary glossary;
  auto root = parse_yaml(yaml_text, problems);
  if (root && root->IsDefined() && !root->IsNull() && expect_map(*root, "the glossary", problems)) {
    for (const auto& item : *root) {
      const YAML::Node& key_node = item.first;
      const YAML::Node& value = item.second;
      std::string key = key_node.IsScalar() ? key_node.Scalar() : std::string();
      if (!is_slug_word(key)) {
        problems.add(key_node,
                     "glossary key '" + key + "' must be lower-case letters, digits and hyphens");
        continue;
      }
      if (glossary.find(key)) {
        problems.add(key_node, "glossary key '" + key + "' is given twice");
        continue;
      }
      if (!expect_map(value, "glossary entry '" + key + "'", problems))
        continue;
      check_keys(value, {"term", "matches", "explanation"}, problems);
      GlossaryEntry entry;
      entry.key = key;
      entry.term = text_field(value, "term", true, problems).value_or("");
      entry.explanation = text_field(value, "explanation", true, problems).value_or("");
      entry.matches = text_list_field(value, "matches", problems);
      if (entry.matches.empty())
        entry.matches.push_back(entry.term);
      glossary.add(std::move(entry));
    }
  }
  if (!problems.empty())
    return make_error(Errc::invalid_input, problems.joined());
  return glossary;
}

Result<Glossary> load_glossary(const std::filesystem::path& file) {
  auto text = read_text_file(file);
  if (!text)
    return make_error(Errc::not_found, file.generic_string() + ": cannot be read");
  return parse_glossary(*text, file.generic_string());
}

}  // namespace cairn::content
