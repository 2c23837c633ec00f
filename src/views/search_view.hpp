// The search results page: the query, "did you mean", type facets with counts,
// information pages first (each with its matching sections), then trials and forum
// threads in blocks of their own with their counts; highlighted snippets and paging.
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
    SafeHtml snippet;               // none for a trial
    std::string status;             // a trial's (a ClinicalTrials.gov code)
    std::vector<Section> sections;  // a page's best matching sections
  };
  std::vector<Result> results;
  // With no type chosen: the first few trials and forum threads, shown after the pages.
  std::map<std::string, std::vector<Result>> others;
  std::string notice;
  // The query names a medical word: its plain explanation comes first, with a
  // link to where a page talks about it.
  struct Answer {
    std::string term, explanation;
    std::string more_url, more_title;  // empty when no page was found
  };
  std::optional<Answer> answer;
  bool rebuilding = false;  // the index is still being built: results may be incomplete
  int page = 1;
  int page_size = 10;
};

PageBody render_search_page(const SearchResultsView& view);

}  // namespace cairn::views
