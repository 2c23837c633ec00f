// The search results page: the query, "did you mean", type facets with
// counts, results with highlighted snippets, and paging.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/safe_html.hpp"
#include "views/components.hpp"

namespace cairn::views {

struct SearchResultsView {
  std::string query;
  std::string type;  // "" all, "pages", "trials", "forum"
  std::optional<std::string> corrected;
  bool showing_corrected = false;
  std::size_t total = 0;
  std::map<std::string, std::size_t> facets;
  struct Section {
    std::string title, url;
  };
  struct Result {
    std::string type, title, url;
    SafeHtml snippet;
    std::vector<Section> sections;  // a page's best matching sections
  };
  std::vector<Result> results;
  std::string notice;
  int page = 1;
  int page_size = 10;
};

PageBody render_search_page(const SearchResultsView& view);

}  // namespace cairn::views
