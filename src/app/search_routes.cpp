#include "app/search_routes.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "app/json_text.hpp"
#include "content/glossary_question.hpp"
#include "core/text.hpp"
#include "views/search_view.hpp"

namespace cairn::app {

namespace {

Result<search::SearchRequest> read_request(const RequestContext& c) {
  search::SearchRequest r;
  r.query = c.query("q");
  r.type = c.query("type");
  if (!r.type.empty() && r.type != "pages" && r.type != "trials" && r.type != "forum") {
    return make_error(Errc::invalid_input, "type must be pages, trials or forum.", "type");
  }
  if (auto page = c.query("page"); !page.empty()) {
    int n = 0;
    auto [ptr, ec] = std::from_chars(page.data(), page.data() + page.size(), n);
    if (ec != std::errc() || ptr != page.data() + page.size() || n < 1 || n > 1000) {
      return make_error(Errc::invalid_input, "page must be a number from 1 to 1000.", "page");
    }
    r.page = n;
  }
  return r;
}

views::SearchResultsView::Result result_view(search::Hit hit) {
  views::SearchResultsView::Result result{std::move(hit.type),   std::move(hit.title),
                                          std::move(hit.url),    std::move(hit.snippet),
                                          std::move(hit.status), {}};
  for (auto& section : hit.sections)
    result.sections.push_back({std::move(section.title), std::move(section.url)});
  return result;
}

}  // namespace

void add_search_routes(Routes& routes, const search::SearchIndex& index, const SiteContent& site) {
  routes.add("GET", "/search", [&index, &site](RequestContext& c) -> Outcome {
    auto parsed = read_request(c);
    if (!parsed)
      return parsed.error();
    auto found = index.search(*parsed);
    views::SearchResultsView view;
    view.query = found.query;
    view.type = parsed->type;
    view.corrected = found.corrected;
    view.showing_corrected = found.showing_corrected;
    view.total = found.total;
    view.facets = found.facets;
    view.notice = found.notice;
    view.rebuilding = index.rebuilding();
    if (const auto* entry = content::glossary_entry_asked(site.glossary(), found.query)) {
      views::SearchResultsView::Answer answer{entry->term, entry->explanation, {}, {}};
      // Where a page talks about it: of the best three information pages, the most
      // general (the topic's overview before its subpages), at its best section.
      const search::Hit* best = nullptr;
      int considered = 0;
      for (const auto& hit : found.results) {
        if (hit.type != "pages" || ++considered > 3)
          continue;
        if (!best || hit.url.size() < best->url.size())
          best = &hit;
      }
      if (best) {
        answer.more_url = best->sections.empty() ? best->url : best->sections.front().url;
        answer.more_title = best->title;
      }
      view.answer = std::move(answer);
    }
    view.page = found.page;
    view.page_size = found.page_size;
    for (auto& hit : found.results) view.results.push_back(result_view(std::move(hit)));
    for (auto& [type, hits] : found.others) {
      auto& shown = view.others[type];
      for (auto& hit : hits) shown.push_back(result_view(std::move(hit)));
    }
    auto body = views::render_search_page(view);
    return Outcome::page(views::render_layout(site.chrome(), body.shell, body.main)).no_store();
  });
  routes.add("GET", "/api/v1/search", [&index](RequestContext& c) -> Outcome {
    auto parsed = read_request(c);
    if (!parsed)
      return parsed.error();
    auto found = index.search(*parsed).to_json();
    found["rebuilding"] = index.rebuilding();
    return Outcome::json(json_text(found)).no_store();
  });
  routes.add("GET", "/api/v1/suggest", [&index](RequestContext& c) {
    auto q = c.query("q");
    nlohmann::json list = nlohmann::json::array();
    // Bytes that are not UTF-8 can be neither completed nor echoed as JSON (dump()
    // threw on them: a 500); they get no suggestions, like an over-long prefix.
    if (q.size() <= 100 && is_valid_utf8(q)) {
      for (auto& s : index.suggest(q, 8)) list.push_back(s);
    }
    return Outcome::json(json_text(nlohmann::json{{"query", q}, {"suggestions", list}})).no_store();
  });
}

}  // namespace cairn::app
