// Finding page files under content/pages and turning file places into addresses.
#include <algorithm>
#include <iterator>
#include <map>
#include <system_error>

#include "content/field_checks.hpp"
#include "content/page.hpp"

namespace cairn::content {

namespace fs = std::filesystem;

std::string path_for_file(const fs::path& relative_to_pages) {
  fs::path p = relative_to_pages.lexically_normal();
  if (p.filename() == "index.md") {
    p = p.parent_path();
  } else {
    p.replace_extension();
  }
  std::string out = "/" + p.generic_string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

namespace {

// Addresses come from file names, so they must make tidy URLs.
std::string file_name_problem(const fs::path& relative) {
  for (auto it = relative.begin(); it != relative.end(); ++it) {
    const fs::path& part = *it;
    bool last = std::next(it) == relative.end();
    std::string name = last ? part.stem().generic_string() : part.generic_string();
    if (!is_slug_word(name)) {
      return "'" + part.generic_string() +
             "': file and folder names must be lower-case letters, digits and hyphens";
    }
  }
  return {};
}

bool hidden(const fs::path& relative) {
  for (const auto& part : relative) {
    if (part.generic_string().starts_with("."))
      return true;
  }
  return false;
}

}  // namespace

Result<std::vector<Page>> load_pages(const fs::path& content_dir) {
  const fs::path pages_dir = content_dir / "pages";
  const std::string label = folder_label(content_dir) + "/pages/";
  std::error_code ec;
  if (!fs::is_directory(pages_dir, ec)) {
    return make_error(Errc::not_found, pages_dir.generic_string() + ": no pages folder");
  }

  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(pages_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    fs::path relative = it->path().lexically_relative(pages_dir);
    if (it->is_regular_file(ec) && relative.extension() == ".md" && !hidden(relative)) {
      files.push_back(relative);
    }
  }
  if (ec) {
    return make_error(Errc::unavailable, pages_dir.generic_string() + ": " + ec.message());
  }
  std::sort(files.begin(), files.end());

  std::vector<Page> pages;
  std::vector<std::string> problems;
  std::map<std::string, std::string> file_for_path;
  for (const auto& relative : files) {
    const std::string name = label + relative.generic_string();
    if (auto problem = file_name_problem(relative); !problem.empty()) {
      problems.push_back(name + ":1: " + problem);
      continue;
    }
    auto text = read_text_file(pages_dir / relative);
    if (!text) {
      problems.push_back(name + ":1: cannot be read");
      continue;
    }
    const std::string path = path_for_file(relative);
    auto [at, fresh] = file_for_path.emplace(path, name);
    if (!fresh) {
      problems.push_back(name + ":1: has the same address " + path + " as " + at->second);
      continue;
    }
    auto page = parse_page(*text, name, path);
    if (page) {
      pages.push_back(std::move(page).value());
    } else {
      problems.push_back(page.error().message);
    }
  }
  if (!problems.empty()) {
    std::string message;
    for (const auto& p : problems) message += (message.empty() ? "" : "\n") + p;
    return make_error(Errc::invalid_input, message);
  }
  std::sort(pages.begin(), pages.end(),
            [](const Page& a, const Page& b) { return a.path < b.path; });
  return pages;
}

}  // namespace cairn::content
