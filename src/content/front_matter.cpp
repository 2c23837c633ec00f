// parse_page: front matter checks and the body's block structure.
#include <optional>

#include "content/body_blocks.hpp"
#include "content/field_checks.hpp"
#include "content/page.hpp"
#include "content/yaml_fields.hpp"
#include "core/text.hpp"

namespace cairn::content {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_marker_line(std::string_view line) {
  while (!line.empty() && std::string_view("\n\r\t ").find(line.back()) != std::string_view::npos) {
    line.remove_suffix(1);
  }
  return line == "---";
}

void read_sources(const YAML::Node& map, Page& page, ProblemList& problems) {
  const YAML::Node list = map["sources"];
  if (!list.IsDefined() || list.IsNull()) {
    problems.add(map, "missing required key 'sources' (at least one, each with title and address)");
    return;
  }
  auto items = map_list_field(map, "sources", "a source", problems);
  if (list.IsSequence() && list.size() == 0) {
    problems.add(list, "'sources' needs at least one source");
  }
  for (const auto& item : items) {
    check_keys(item, {"title", "address"}, problems);
    auto title = text_field(item, "title", true, problems);
    const YAML::Node address_node = item["address"];
    if (!address_node.IsDefined() || address_node.IsNull()) {
      problems.add(item, "source without address: add 'address: https://...'");
      continue;
    }
    auto address = text_field(item, "address", true, problems);
    if (address && !is_web_address(*address)) {
      problems.add(address_node,
                   "source address must start with https:// or http://, not '" + *address + "'");
      continue;
    }
    if (title && address)
      page.sources.push_back({*title, *address});
  }
}

void read_front_matter(const YAML::Node& map, Page& page, ProblemList& problems) {
  check_keys(map,
             {"title", "summary", "topic", "breadcrumb", "last_reviewed", "next_review", "sources",
              "related", "glossary", "cancer_type"},
             problems);
  auto text = [&](const char* key, bool required) {
    return text_field(map, key, required, problems).value_or("");
  };
  page.title = text("title", true);
  page.summary = text("summary", true);
  page.topic = text("topic", false);
  page.breadcrumb = text("breadcrumb", false);
  page.cancer_type = text("cancer_type", false);
  auto last = date_field(map, "last_reviewed", true, problems);
  auto next = date_field(map, "next_review", true, problems);
  // YYYY-MM-DD compares correctly as text.
  if (last && next && *next < *last) {
    problems.add(map["next_review"],
                 "next_review (" + *next + ") is before last_reviewed (" + *last + ")");
  }
  page.last_reviewed = last.value_or("");
  page.next_review = next.value_or("");
  read_sources(map, page, problems);
  page.related = text_list_field(map, "related", problems);
  if (const YAML::Node related = map["related"]; related.IsDefined() && related.IsSequence()) {
    for (const auto& item : related) {
      if (item.IsScalar() && !item.Scalar().starts_with("/")) {
        problems.add(item, "related page '" + item.Scalar() + "' must be a path starting with '/'");
      }
    }
  }
  page.glossary = text_list_field(map, "glossary", problems);
}

}  // namespace

Result<Page> parse_page(std::string_view file_text, const std::string& file_name,
                        const std::string& path) {
  if (file_text.substr(0, kBom.size()) == kBom)
    file_text.remove_prefix(kBom.size());
  ProblemList problems(file_name, 2);
  if (!is_valid_utf8(file_text)) {
    problems.add_at_line(1, "the file is not UTF-8 text");
    return make_error(Errc::invalid_input, problems.joined());
  }

  // Line starts, so the front matter and body can be cut out by line number.
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < file_text.size(); ++i) {
    if (file_text[i] == '\n')
      starts.push_back(i + 1);
  }
  auto line = [&](size_t index) {
    size_t begin = starts[index];
    size_t end = index + 1 < starts.size() ? starts[index + 1] : file_text.size();
    return file_text.substr(begin, end - begin);
  };
  if (!is_marker_line(line(0))) {
    problems.add_at_line(1, "a page must start with a '---' line, then its front matter");
    return make_error(Errc::invalid_input, problems.joined());
  }
  size_t close = 0;
  for (size_t i = 1; i < starts.size() && close == 0; ++i) {
    if (is_marker_line(line(i)))
      close = i;
  }
  if (close == 0) {
    problems.add_at_line(1, "the front matter is never closed: add a '---' line after it");
    return make_error(Errc::invalid_input, problems.joined());
  }

  Page page;
  page.path = path;
  page.file = file_name;
  page.body_line = static_cast<int>(close) + 2;
  std::string_view yaml = file_text.substr(starts[1], starts[close] - starts[1]);
  size_t body_start = close + 1 < starts.size() ? starts[close + 1] : file_text.size();
  page.markdown.reserve(file_text.size() - body_start);
  for (char c : file_text.substr(body_start)) {
    if (c != '\r')
      page.markdown += c;
  }

  if (auto node = parse_yaml(yaml, problems)) {
    if (!node->IsDefined() || node->IsNull()) {
      problems.add_at_line(2,
                           "the front matter is empty: title, summary, last_reviewed, "
                           "next_review and sources are required");
    } else if (expect_map(*node, "the front matter", problems)) {
      read_front_matter(*node, page, problems);
    }
  }

  for (const auto& p : split_body(page.markdown).problems) {
    problems.add_at_line(page.body_line + p.line - 1, p.message);
  }
  if (!problems.empty())
    return make_error(Errc::invalid_input, problems.joined());
  return page;
}

}  // namespace cairn::content
