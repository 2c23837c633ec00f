#include "views/search_view.hpp"

#include "core/text.hpp"
#include "views/html.hpp"
#include "views/trial_status.hpp"

namespace cairn::views {

using namespace literals;

namespace {

// "cerebrospinal fluid (CSF)" as a heading: "Cerebrospinal fluid (CSF)".
std::string sentence_case(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

const char* type_label(const std::string& type) {
  if (type == "pages")
    return "Information";
  if (type == "trials")
    return "Clinical trials";
  if (type == "forum")
    return "Cancer Chat forum";
  return "All results";
}

// What one result is, under its title.
const char* result_label(const std::string& type) {
  if (type == "trials")
    return "Clinical trial";
  if (type == "forum")
    return "Cancer Chat forum thread";
  return "Information";
}

std::string search_href(const std::string& query, const std::string& type, int page) {
  std::string href = "/search?q=" + url_encode(query);
  if (!type.empty())
    href += "&type=" + url_encode(type);
  if (page > 1)
    href += "&page=" + std::to_string(page);
  return href;
}

void write_facets(Html& h, const SearchResultsView& v) {
  std::size_t all = 0;
  for (const auto& [type, count] : v.facets) all += count;
  h << R"(<nav class="cairn-facets" aria-label="Filter results by type"><ul class="cairn-facets__list">)"_m;
  auto item = [&](const std::string& type, std::size_t count) {
    std::string label = std::string(type_label(type)) + " (" + std::to_string(count) + ")";
    if (type == v.type) {
      h << R"(<li><a aria-current="true" class="cairn-facets__current" href=")"_m
        << search_href(v.showing_corrected ? *v.corrected : v.query, type, 1) << "\">"_m << label
        << "</a></li>"_m;
    } else {
      h << "<li><a href=\""_m << search_href(v.showing_corrected ? *v.corrected : v.query, type, 1)
        << "\">"_m << label << "</a></li>"_m;
    }
  };
  item("", all);
  for (const auto& [type, count] : v.facets) item(type, count);
  h << "</ul></nav>\n"_m;
}

void write_paging(Html& h, const SearchResultsView& v) {
  int pages = static_cast<int>((v.total + static_cast<std::size_t>(v.page_size) - 1) /
                               static_cast<std::size_t>(v.page_size));
  if (pages <= 1)
    return;
  const std::string& q = v.showing_corrected ? *v.corrected : v.query;
  h << R"(<nav class="nhsuk-pagination" role="navigation" aria-label="Results pages"><ul class="nhsuk-list nhsuk-pagination__list">)"_m;
  if (v.page > 1) {
    h << R"(<li class="nhsuk-pagination-item--previous"><a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href=")"_m
      << search_href(q, v.type, v.page - 1)
      << R"("><span class="nhsuk-pagination__title">Previous</span><span class="nhsuk-u-visually-hidden">:</span><span class="nhsuk-pagination__page">Page )"_m
      << v.page - 1 << "</span></a></li>"_m;
  }
  if (v.page < pages) {
    h << R"(<li class="nhsuk-pagination-item--next"><a class="nhsuk-pagination__link nhsuk-pagination__link--next" href=")"_m
      << search_href(q, v.type, v.page + 1)
      << R"("><span class="nhsuk-pagination__title">Next</span><span class="nhsuk-u-visually-hidden">:</span><span class="nhsuk-pagination__page">Page )"_m
      << v.page + 1 << "</span></a></li>"_m;
  }
  h << "</ul></nav>\n"_m;
}

// One result: a page (with its matching sections), a trial (with its status, never a line
// cut from its record) or a forum thread.
void write_result(Html& h, const SearchResultsView::Result& r, Markup heading) {
  h << R"(<li class="cairn-result"><)"_m << heading
    << R"( class="nhsuk-heading-s cairn-result__title"><a href=")"_m << safe_href(r.url) << "\">"_m
    << r.title << "</a></"_m << heading << R"(><p class="nhsuk-body-s cairn-result__meta">)"_m
    << result_label(r.type);
  if (!r.status.empty()) {
    h << " "_m;
    write_trial_status(h, r.status);
  }
  h << "</p>"_m;
  if (r.status.empty())
    h << R"(<p class="cairn-result__snippet">)"_m << r.snippet << "</p>"_m;
  if (!r.sections.empty()) {
    h << R"(<ul class="cairn-result__sections" aria-label="Parts of this page that match">)"_m;
    for (const auto& section : r.sections)
      h << "<li><a href=\""_m << safe_href(section.url) << "\">"_m << section.title
        << "</a></li>"_m;
    h << "</ul>"_m;
  }
  h << "</li>\n"_m;
}

// "12 trials mention this": the first few of another type, after the information pages,
// with a link to all of them.
void write_others(Html& h, const SearchResultsView& v, const std::string& type, std::size_t count,
                  const std::vector<SearchResultsView::Result>& first) {
  bool trials = type == "trials";
  std::string noun =
      trials ? (count == 1 ? "trial" : "trials") : (count == 1 ? "forum thread" : "forum threads");
  std::string id = "search-others-" + type;
  h << R"(<section class="cairn-search-others" aria-labelledby=")"_m << id
    << R"("><h2 class="nhsuk-heading-m" id=")"_m << id << "\">"_m << type_label(type)
    << R"(</h2><p class="cairn-search-others__count">)"_m << count << " "_m << noun
    << (count == 1 ? " mentions this. "_m : " mention this. "_m) << "<a href=\""_m
    << search_href(v.showing_corrected ? *v.corrected : v.query, type, 1) << "\">"_m
    << (count == 1 ? "See the "_m : "See all "_m);
  if (count > 1)
    h << count << " "_m;
  h << noun << "</a></p>"_m;
  h << R"(<ul class="nhsuk-list cairn-results cairn-results--others">)"_m;
  for (const auto& r : first) write_result(h, r, "h3"_m);
  h << "</ul></section>\n"_m;
}

}  // namespace

PageBody render_search_page(const SearchResultsView& v) {
  PageBody body;
  body.shell.title = v.query.empty() ? "Search" : "Search results for " + v.query;
  body.shell.description = "Search our information, clinical trials and forum.";
  body.shell.path = "/search";
  body.shell.breadcrumbs = {{"Home", "/"}};
  body.shell.search_query = v.query;
  Html h;
  if (v.query.empty()) {
    h << "<h1>Search</h1>\n"_m;
  } else {
    h << "<h1>Search results for <span class=\"cairn-query\">"_m << v.query << "</span></h1>\n"_m;
  }
  h << (v.query.empty() ? R"(<form class="cairn-search-form")"_m
                        : R"(<form class="cairn-search-form cairn-search-form--again")"_m)
    << R"( action="/search" method="get" role="search"><div class="nhsuk-form-group"><label class="nhsuk-label" for="search-page-field">Search for information, trials or forum posts</label><input class="nhsuk-input" id="search-page-field" name="q" type="search" value=")"_m
    << v.query << "\">"_m;
  if (!v.type.empty())
    h << R"(<input type="hidden" name="type" value=")"_m << v.type << "\">"_m;
  h << R"(</div><button class="nhsuk-button" type="submit">Search</button></form>
)"_m;
  if (v.answer) {
    h << R"(<div class="nhsuk-card cairn-search-answer"><div class="nhsuk-card__content"><h2 class="nhsuk-card__heading nhsuk-heading-m">)"_m
      << sentence_case(v.answer->term) << R"(</h2><p class="nhsuk-card__description">)"_m
      << v.answer->explanation << "</p>"_m;
    if (!v.answer->more_url.empty()) {
      h << R"(<p class="nhsuk-body-s"><a href=")"_m << v.answer->more_url << R"(">Read more in )"_m
        << v.answer->more_title << "</a></p>"_m;
    }
    h << "</div></div>\n"_m;
  }
  if (v.rebuilding) {
    h << R"(<div class="nhsuk-inset-text cairn-search-rebuilding"><p>Search is being rebuilt, so results may be incomplete for a few minutes. Our information pages and the <a href="/trials">trial finder</a> work as usual.</p></div>
)"_m;
  }
  if (v.corrected && v.showing_corrected) {
    // The index's notice already says so (and says rightly whether the words as typed
    // found anything); saying it here as well showed the sentence twice.
    if (v.notice.empty()) {
      h << R"(<p class="cairn-did-you-mean">Showing results for <strong>)"_m << *v.corrected
        << "</strong> instead of <strong>"_m << v.query << "</strong>.</p>\n"_m;
    }
  } else if (v.corrected) {
    h << R"(<p class="cairn-did-you-mean">Did you mean <a href=")"_m
      << search_href(*v.corrected, v.type, 1) << "\">"_m << *v.corrected << "</a>?</p>\n"_m;
  }
  if (!v.notice.empty()) {
    h << (v.showing_corrected ? R"(<p class="cairn-search-notice cairn-did-you-mean">)"_m
                              : R"(<p class="cairn-search-notice">)"_m)
      << v.notice << "</p>\n"_m;
  }
  if (!v.query.empty() && !v.facets.empty())
    write_facets(h, v);
  bool all_types = v.type.empty();
  if (!v.results.empty()) {
    h << R"(<p class="nhsuk-body-s" aria-live="polite">)"_m << v.total;
    if (all_types)
      h << (v.total == 1 ? " information page"_m : " information pages"_m) << "</p>\n"_m;
    else
      h << (v.total == 1 ? " result"_m : " results"_m) << "</p>\n"_m;
    h << R"(<ul class="nhsuk-list cairn-results">)"_m;
    for (const auto& r : v.results) write_result(h, r, "h2"_m);
    h << "</ul>\n"_m;
    write_paging(h, v);
  }
  if (all_types && v.page == 1) {
    for (const char* type : {"trials", "forum"}) {
      auto it = v.others.find(type);
      auto count = v.facets.find(type);
      if (it != v.others.end() && !it->second.empty() && count != v.facets.end())
        write_others(h, v, type, count->second, it->second);
    }
  }
  if (v.results.empty() && v.others.empty() && !v.query.empty()) {
    h << R"(<h2>Other ways to find help</h2><ul class="nhsuk-list nhsuk-list--bullet"><li>check your spelling, or try fewer or simpler words</li><li>look through <a href="/about-cancer/cancer-types">cancer types A to Z</a></li><li>talk to our nurses on the <a href="/helpline">nurse helpline</a></li></ul>
)"_m;
  }
  body.main = in_two_thirds_column(h.take());
  return body;
}

}  // namespace cairn::views
