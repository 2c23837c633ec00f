#include "content/yaml_fields.hpp"

#include <set>

#include "content/field_checks.hpp"
#include "core/text.hpp"

namespace cairn::content {

void ProblemList::add_at_line(int file_line, std::string_view problem) {
  messages_.push_back(file_ + ":" + std::to_string(file_line) + ": " + std::string(problem));
}

void ProblemList::add(const YAML::Mark& at, std::string_view problem) {
  add_at_line(at.is_null() ? first_line_ : first_line_ + at.line, problem);
}

void ProblemList::add(const YAML::Node& at, std::string_view problem) {
  add_at_line(line_of(at), problem);
}

int ProblemList::line_of(const YAML::Node& node) const {
  if (!node.IsDefined())
    return first_line_;
  auto mark = node.Mark();
  return mark.is_null() ? first_line_ : first_line_ + mark.line;
}

std::string ProblemList::joined() const {
  std::string out;
  for (const auto& m : messages_) {
    if (!out.empty())
      out += '\n';
    out += m;
  }
  return out;
}

std::optional<YAML::Node> parse_yaml(std::string_view text, ProblemList& problems) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    problems.add(e.mark, "YAML is not valid: " + e.msg);
  }
  return std::nullopt;
}

std::string_view kind_name(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull())
    return "nothing";
  if (node.IsSequence())
    return "a list";
  if (node.IsMap())
    return "a map";
  return "text";
}

bool expect_map(const YAML::Node& node, std::string_view what, ProblemList& problems) {
  if (node.IsMap())
    return true;
  problems.add(
      node, std::string(what) + " must be 'key: value' lines, not " + std::string(kind_name(node)));
  return false;
}

void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                ProblemList& problems) {
  std::set<std::string> seen;
  for (const auto& item : map) {
    const YAML::Node& key = item.first;
    if (!key.IsScalar()) {
      problems.add(key, "a key must be a plain word");
      continue;
    }
    const std::string& name = key.Scalar();
    bool known = false;
    for (auto a : allowed) known = known || a == name;
    if (!known) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      problems.add(key, "unknown key '" + name + "' (allowed: " + list + ")");
    } else if (!seen.insert(name).second) {
      problems.add(key, "key '" + name + "' is given twice");
    }
  }
}

std::optional<std::string> text_field(const YAML::Node& map, const std::string& key, bool required,
                                      ProblemList& problems) {
  const YAML::Node node = map[key];
  if (!node.IsDefined()) {
    if (required)
      problems.add(map, "missing required key '" + key + "'");
    return std::nullopt;
  }
  if (node.IsNull()) {
    if (required)
      problems.add(node, "'" + key + "' is empty");
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    problems.add(node, "'" + key + "' must be text, not " + std::string(kind_name(node)));
    return std::nullopt;
  }
  std::string value(trim(node.Scalar()));
  if (value.empty()) {
    if (required)
      problems.add(node, "'" + key + "' is empty");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> date_field(const YAML::Node& map, const std::string& key, bool required,
                                      ProblemList& problems) {
  auto value = text_field(map, key, required, problems);
  if (value && !is_valid_date(*value)) {
    problems.add(map[key],
                 "'" + key + "' must be a real date written YYYY-MM-DD, not '" + *value + "'");
    return std::nullopt;
  }
  return value;
}

std::vector<std::string> text_list_field(const YAML::Node& map, const std::string& key,
                                         ProblemList& problems) {
  std::vector<std::string> out;
  const YAML::Node node = map[key];
  if (!node.IsDefined() || node.IsNull())
    return out;
  if (!node.IsSequence()) {
    problems.add(
        node, "'" + key + "' must be a list ('- item' lines), not " + std::string(kind_name(node)));
    return out;
  }
  for (const auto& item : node) {
    if (!item.IsScalar() || trim(item.Scalar()).empty()) {
      problems.add(item, "each item of '" + key + "' must be text, not " +
                             std::string(item.IsScalar() ? "empty" : kind_name(item)));
      continue;
    }
    out.emplace_back(trim(item.Scalar()));
  }
  return out;
}

std::vector<YAML::Node> map_list_field(const YAML::Node& map, const std::string& key,
                                       std::string_view item_name, ProblemList& problems) {
  std::vector<YAML::Node> out;
  const YAML::Node node = map[key];
  if (!node.IsDefined() || node.IsNull())
    return out;
  if (!node.IsSequence()) {
    problems.add(node,
                 "'" + key + "' must be a list ('- ' items), not " + std::string(kind_name(node)));
    return out;
  }
  for (const auto& item : node) {
    if (expect_map(item, item_name, problems))
      out.push_back(item);
  }
  return out;
}

}  // namespace cairn::content
