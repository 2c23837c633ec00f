#include "app/site_search.hpp"

#include <fstream>

namespace cairn::app {

std::vector<search::Document> page_documents(const std::vector<PageText>& pages) {
  std::vector<search::Document> docs;
  for (const auto& page : pages) {
    search::Document intro;
    intro.type = "pages";
    intro.id = page.path;
    intro.url = page.path;
    intro.title = page.title;
    intro.summary = page.summary;
    intro.body = page.summary + "\n" + page.intro;
    docs.push_back(std::move(intro));
    for (const auto& section : page.sections) {
      search::Document doc;
      doc.type = "pages";
      doc.id = page.path + "#" + section.id;
      doc.url = doc.id;
      doc.title = section.heading;
      doc.page_title = page.title;
      doc.summary = page.summary;
      doc.body = section.text;
      docs.push_back(std::move(doc));
    }
  }
  return docs;
}

bool PageIndexer::update(const SiteContent& site, bool force) {
  auto sequence = std::to_string(site.revision_sequence());
  std::string indexed;
  if (std::ifstream in(marker_); in) std::getline(in, indexed);
  if (!force && indexed == sequence) return false;
  index_.replace_type("pages", page_documents(site.page_texts()));
  std::ofstream(marker_) << sequence << "\n";
  return true;
}

}  // namespace cairn::app
