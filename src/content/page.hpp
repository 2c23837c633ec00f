// An information page as written in content/pages/**.md: front matter fields and
// the Markdown body, with loading, checking and the JSON form the store keeps.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/result.hpp"

namespace cairn::content {

struct Source {
  std::string title, address;  // address is always an http(s) URL
};

struct Page {
  std::string path;  // "/about-cancer/cancer-types"
  std::string file;  // "content/pages/about-cancer/cancer-types.md": for messages
  std::string title, summary, topic, breadcrumb, cancer_type;  // optional ones may be empty
  std::string last_reviewed, next_review;                      // YYYY-MM-DD
  std::vector<Source> sources;
  std::vector<std::string> related;   // page paths
  std::vector<std::string> glossary;  // glossary keys
  std::string markdown;               // the body after the front matter
  int body_line = 1;                  // line in `file` where `markdown` starts
};

// Parses one page file. Errors are "file:line: problem" lines (all of them).
Result<Page> parse_page(std::string_view file_text, const std::string& file_name,
                        const std::string& path);

// "index.md" -> "/", "a/b/index.md" -> "/a/b", "a/c.md" -> "/a/c".
std::string path_for_file(const std::filesystem::path& relative_to_pages);

// Every content_dir/pages/**.md, sorted by path; or one error listing every problem
// in every file (invalid pages are never half-loaded).
Result<std::vector<Page>> load_pages(const std::filesystem::path& content_dir);

// The store keeps a page revision as this JSON.
nlohmann::json page_to_json(const Page& page);
Result<Page> page_from_json(const nlohmann::json& json);

}  // namespace cairn::content
