#include "app/content_import.hpp"

#include <nlohmann/json.hpp>

#include "content/page.hpp"
#include "content/references.hpp"

namespace cairn::app {

Result<store::ImportReport> import_content(store::Store& store, const ContentFolder& folder) {
  const std::filesystem::path& content_dir = folder.dir;
  auto pages = content::load_pages(content_dir);
  if (!pages)
    return pages.error();
  if (pages->empty()) {
    return make_error(Errc::invalid_input, (content_dir / "pages").string() + ": no pages found");
  }
  auto references = content::check_references(*pages, folder.glossary, app_paths());
  if (!references)
    return references.error();
  std::vector<store::PageImport> imports;
  for (const auto& page : *pages) {
    imports.push_back({page.path, content::page_to_json(page).dump()});
  }
  return store.pages().import_pages(imports, "import");
}

}  // namespace cairn::app
