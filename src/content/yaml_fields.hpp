// Checked reading of YAML front matter and settings: every problem becomes a
// "file:line: problem" message an editor can act on. Internal to cairn_content.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace cairn::content {

class ProblemList {
 public:
  // first_line: the line in the file where the YAML text begins (1-based).
  ProblemList(std::string file, int first_line) : file_(std::move(file)), first_line_(first_line) {}

  void add_at_line(int file_line, std::string_view problem);
  void add(const YAML::Node& at, std::string_view problem);
  void add(const YAML::Mark& at, std::string_view problem);
  int line_of(const YAML::Node& node) const;

  bool empty() const { return messages_.empty(); }
  const std::vector<std::string>& messages() const { return messages_; }
  std::string joined() const;

 private:
  std::string file_;
  int first_line_;
  std::vector<std::string> messages_;
};

// Parses YAML; a syntax error is recorded with its line and gives nothing.
std::optional<YAML::Node> parse_yaml(std::string_view text, ProblemList& problems);

// Records a problem unless node is a map. `what` names it: "front matter", "a source".
bool expect_map(const YAML::Node& node, std::string_view what, ProblemList& problems);
// Records keys not in `allowed` (usually typos) and keys given twice.
void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                ProblemList& problems);

// A text value: nothing (and a problem) if required and missing, or present but
// not text or empty. A number or date written bare counts as text.
std::optional<std::string> text_field(const YAML::Node& map, const std::string& key, bool required,
                                      ProblemList& problems);
// A YYYY-MM-DD date.
std::optional<std::string> date_field(const YAML::Node& map, const std::string& key, bool required,
                                      ProblemList& problems);
// A list of text values; missing means empty.
std::vector<std::string> text_list_field(const YAML::Node& map, const std::string& key,
                                         ProblemList& problems);
// A list whose items are maps; missing means an empty list.
std::vector<YAML::Node> map_list_field(const YAML::Node& map, const std::string& key,
                                       std::string_view item_name, ProblemList& problems);

// "a list", "a map", "text", "nothing": for "must be text, not a list".
std::string_view kind_name(const YAML::Node& node);

}  // namespace cairn::content
