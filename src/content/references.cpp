#include "content/references.hpp"

#include <set>

#include "content/render.hpp"

namespace cairn::content {

namespace {

// "/a/b#c" -> "/a/b"; "/a/b/" -> "/a/b".
std::string without_fragment(std::string link) {
  link = link.substr(0, link.find_first_of("?#"));
  while (link.size() > 1 && link.back() == '/') link.pop_back();
  return link;
}

bool under(const std::string& path, const std::string& prefix) {
  return path == prefix || (path.starts_with(prefix) && prefix.size() < path.size() &&
                            (prefix.back() == '/' || path[prefix.size()] == '/'));
}

}  // namespace

Status check_references(const std::vector<Page>& pages, const Glossary& glossary,
                        const std::vector<std::string>& app_paths) {
  std::set<std::string> paths;
  for (const auto& page : pages) paths.insert(page.path);
  auto exists = [&](const std::string& link) {
    std::string path = without_fragment(link);
    if (path.empty() || paths.count(path))
      return true;
    for (const auto& prefix : app_paths) {
      if (under(path, prefix))
        return true;
    }
    return false;
  };

  std::string problems;
  auto add = [&](const Page& page, const std::string& problem) {
    if (!problems.empty())
      problems += '\n';
    problems += page.file + ": " + problem;
  };
  for (const auto& page : pages) {
    for (const auto& key : page.glossary) {
      if (!glossary.find(key))
        add(page, "glossary key '" + key + "' is not in glossary.yaml");
    }
    for (const auto& related : page.related) {
      if (!paths.count(without_fragment(related))) {
        add(page, "related page '" + related + "' does not exist");
      }
    }
    for (const auto& link : render_page(page, glossary).links) {
      if (!exists(link))
        add(page, "link to '" + link + "' goes to no page");
    }
  }
  if (!problems.empty())
    return make_error(Errc::invalid_input, problems);
  return Ok{};
}

}  // namespace cairn::content
