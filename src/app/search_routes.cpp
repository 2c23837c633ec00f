#include "app/search_routes.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "views/search_view.hpp"

namespace cairn::app {

namespace {

Result<search::SearchRequest> read_request(const http::Request& request) {
  search::SearchRequest r;
  r.query = request.param("q");
  r.type = request.param("type");
  if (!r.type.empty() && r.type != "pages" && r.type != "trials" && r.type != "forum") {
    return make_error(Errc::invalid_input, "type must be pages, trials or forum.");
  }
  if (auto page = request.param("page"); !page.empty()) {
    int n = 0;
    auto [ptr, ec] = std::from_chars(page.data(), page.data() + page.size(), n);
    if (ec != std::errc() || ptr != page.data() + page.size() || n < 1 || n > 1000) {
      return make_error(Errc::invalid_input, "page must be a number from 1 to 1000.");
    }
    r.page = n;
  }
  return r;
}

}  // namespace

void add_search_routes(http::Router& router, const search::SearchIndex& index,
                       const SiteContent& site) {
  router.add(
      "GET", "/search", [&index, &site](const http::Request& request) -> Result<http::Response> {
        auto parsed = read_request(request);
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
        view.page = found.page;
        view.page_size = found.page_size;
        for (auto& hit : found.results) {
          view.results.push_back({hit.type, hit.title, hit.page_title, hit.url, hit.snippet});
        }
        auto body = views::render_search_page(view);
        http::Response r;
        r.body = views::render_layout(site.chrome(), body.shell, body.main).str();
        r.cache_control = "no-store";
        return r;
      });
  router.add("GET", "/api/v1/search",
             [&index](const http::Request& request) -> Result<http::Response> {
               auto parsed = read_request(request);
               if (!parsed)
                 return parsed.error();
               auto r = http::json_response(200, index.search(*parsed).to_json().dump());
               r.cache_control = "no-store";
               return r;
             });
  router.add("GET", "/api/v1/suggest",
             [&index](const http::Request& request) -> Result<http::Response> {
               auto q = request.param("q");
               nlohmann::json list = nlohmann::json::array();
               // Bytes that are not UTF-8 can be neither completed nor echoed as JSON (dump()
               // threw on them: a 500); they get no suggestions, like an over-long prefix.
               if (q.size() <= 100 && is_valid_utf8(q)) {
                 for (auto& s : index.suggest(q, 8)) list.push_back(s);
               }
               auto body = nlohmann::json{{"query", q}, {"suggestions", list}}.dump(
                   -1, ' ', false, nlohmann::json::error_handler_t::replace);
               auto r = http::json_response(200, body);
               r.cache_control = "no-store";
               return r;
             });
}

}  // namespace cairn::app
