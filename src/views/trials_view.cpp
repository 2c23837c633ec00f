#include "views/trials_view.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/text.hpp"
#include "trials/plain_english.hpp"
#include "views/components.hpp"
#include "views/html.hpp"
#include "views/trial_status.hpp"

namespace cairn::views {

using namespace literals;

namespace {

std::string param(const TrialFinderView& v, const std::string& name,
                  const std::string& fallback = "") {
  auto it = v.params.find(name);
  return it == v.params.end() ? fallback : it->second;
}

std::string finder_href(const std::map<std::string, std::string>& params) {
  std::string href = "/trials";
  char sep = '?';
  for (const auto& [k, value] : params) {
    if (value.empty())
      continue;
    href += sep;
    href += url_encode(k) + "=" + url_encode(value);
    sep = '&';
  }
  return href;
}

std::string miles(double d) {
  char text[32];
  std::snprintf(text, sizeof text, d < 10 ? "%.1f" : "%.0f", d);
  return text;
}

// "12 miles", "less than a mile"; "about 12 miles" when the site was placed at its
// town's centre rather than where the record put it.
std::string distance_words(double d, bool rough) {
  if (d < 1)
    return rough ? "about a mile or less" : "less than a mile";
  return (rough ? "about " : "") + miles(d) + " miles";
}

// Messages come from the query parser in lower case; the page shows sentences.
std::string sentence(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

void error_message(Html& h, const TrialFinderView& v, const std::string& id) {
  h << R"(<span class="nhsuk-error-message" id=")"_m << id
    << R"(-error"><span class="nhsuk-u-visually-hidden">Error:</span> )"_m << sentence(v.error)
    << "</span>"_m;
}

void select(Html& h, const TrialFinderView& v, const std::string& id, const std::string& label,
            const std::string& current,
            const std::vector<std::pair<std::string, std::string>>& options) {
  bool error = v.error_field == id;
  h << (error ? R"(<div class="nhsuk-form-group nhsuk-form-group--error">)"_m
              : R"(<div class="nhsuk-form-group">)"_m)
    << R"(<label class="nhsuk-label" for=")"_m << id << "\">"_m << label << "</label>"_m;
  if (error)
    error_message(h, v, id);
  h << R"(<select class="nhsuk-select)"_m << (error ? " nhsuk-select--error"_m : ""_m)
    << "\" id=\""_m << id << "\" name=\""_m << id << "\""_m;
  if (error)
    h << " aria-describedby=\""_m << id << "-error\""_m;
  h << ">"_m;
  for (const auto& [value, text] : options) {
    h << "<option value=\""_m << value << "\""_m << (value == current ? " selected"_m : ""_m)
      << ">"_m << text << "</option>"_m;
  }
  h << "</select></div>\n"_m;
}

void input(Html& h, const TrialFinderView& v, const std::string& id, const std::string& label,
           const std::string& hint, const std::string& extra_class,
           const std::string& type = "text") {
  bool error = v.error_field == id;
  h << (error ? R"(<div class="nhsuk-form-group nhsuk-form-group--error">)"_m
              : R"(<div class="nhsuk-form-group">)"_m)
    << R"(<label class="nhsuk-label" for=")"_m << id << "\">"_m << label << "</label>"_m;
  if (!hint.empty())
    h << R"(<div class="nhsuk-hint" id=")"_m << id << "-hint\">"_m << hint << "</div>"_m;
  if (error)
    error_message(h, v, id);
  h << R"(<input class="nhsuk-input )"_m << extra_class << (error ? " nhsuk-input--error"_m : ""_m)
    << "\" id=\""_m << id << "\" name=\""_m << id << "\" type=\""_m << type << "\" value=\""_m
    << param(v, id) << "\""_m;
  if (!hint.empty() || error) {
    h << " aria-describedby=\""_m << (hint.empty() ? std::string() : id + "-hint")
      << (error ? (hint.empty() ? id + "-error" : " " + id + "-error") : std::string()) << "\""_m;
  }
  h << "></div>\n"_m;
}

// The words box comes first, with its own button beside it, so on a phone the
// results are close behind it; the other choices are filters after the results.
// (No field errors here: the query parser finds nothing wrong with words.)
void write_search_box(Html& h, const TrialFinderView& v) {
  h << R"(<div class="nhsuk-form-group cairn-trial-search"><label class="nhsuk-label" for="q">Words to search for</label><div class="nhsuk-hint" id="q-hint">For example, a drug or treatment name</div><div class="cairn-trial-search__row"><input class="nhsuk-input" id="q" name="q" type="search" value=")"_m
    << param(v, "q")
    << R"(" aria-describedby="q-hint"><button class="nhsuk-button cairn-trial-search__button" type="submit">Search</button></div></div>
)"_m;
}

void write_filters(Html& h, const TrialFinderView& v) {
  h << R"(<div class="cairn-trial-filters" id="filters"><h2 class="nhsuk-heading-m">Filter results</h2>)"_m;
  input(h, v, "condition", "Cancer type", "For example, breast cancer or leptomeningeal metastases",
        "");
  input(h, v, "near", "Near a UK town or postcode", "For example, Leeds or M1",
        "nhsuk-u-width-one-half");
  select(h, v, "distance", "Distance", param(v, "distance", "25"),
         {{"10", "Within 10 miles"},
          {"25", "Within 25 miles"},
          {"50", "Within 50 miles"},
          {"100", "Within 100 miles"}});
  input(h, v, "age", "Age of the person the trial is for", "In years", "nhsuk-input--width-3",
        "text");
  select(h, v, "sex", "Sex", param(v, "sex"),
         {{"", "Anyone"}, {"female", "Female"}, {"male", "Male"}});
  select(h, v, "status", "Status", param(v, "status", "RECRUITING"),
         {{"RECRUITING", "Recruiting now"},
          {"NOT_YET_RECRUITING", "Not yet recruiting"},
          {"RECRUITING,NOT_YET_RECRUITING", "Recruiting or about to"},
          {"any", "Any status"}});
  select(
      h, v, "phase", "Phase", param(v, "phase"),
      {{"", "Any phase"}, {"1", "Phase 1"}, {"2", "Phase 2"}, {"3", "Phase 3"}, {"4", "Phase 4"}});
  select(h, v, "country", "Country", param(v, "country", "United Kingdom"),
         {{"United Kingdom", "United Kingdom"}, {"any", "Any country"}});
  select(h, v, "sort", "Sort by", param(v, "sort", "relevance"),
         {{"relevance", "Best match"}, {"distance", "Nearest first"}});
  h << R"(<button class="nhsuk-button nhsuk-button--secondary" type="submit">Apply filters</button></div>
)"_m;
}

void facet_link(Html& h, const TrialFinderView& v, const std::string& key, const std::string& value,
                std::size_t count) {
  auto params = v.params;
  params[key] = key == "phase" && value.starts_with("PHASE") ? value.substr(5) : value;
  params.erase("page");
  std::string text = key == "status"  ? trials::status_in_words(value)
                     : key == "phase" ? trials::phase_in_words(value)
                                      : value;
  h << "<li><a href=\""_m << finder_href(params) << "\">"_m << text << "</a> ("_m << count
    << ")</li>"_m;
}

// How many countries show before "All countries": enough for the chosen one
// and the biggest few, short enough for a phone.
constexpr std::size_t kCountriesShown = 5;

// The chosen country, then the largest; the rest, A to Z, behind "All
// countries", so the UK is never cut off however many countries there are.
void write_country_facet(Html& h, const TrialFinderView& v,
                         const std::map<std::string, std::size_t>& counts) {
  std::vector<std::pair<std::string, std::size_t>> by_size(counts.begin(), counts.end());
  std::string chosen = param(v, "country", "United Kingdom");
  std::stable_sort(by_size.begin(), by_size.end(), [&](const auto& a, const auto& b) {
    if ((a.first == chosen) != (b.first == chosen))
      return a.first == chosen;
    return a.second > b.second;
  });
  std::size_t shown = std::min(by_size.size(), kCountriesShown);
  h << "<ul class=\"nhsuk-list\">"_m;
  for (std::size_t i = 0; i < shown; ++i)
    facet_link(h, v, "country", by_size[i].first, by_size[i].second);
  h << "</ul>"_m;
  if (shown == by_size.size())
    return;
  std::vector<std::pair<std::string, std::size_t>> rest(by_size.begin() + static_cast<long>(shown),
                                                        by_size.end());
  std::sort(rest.begin(), rest.end());
  h << R"(<details class="nhsuk-details cairn-country-facet"><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">All countries</span></summary><div class="nhsuk-details__text"><ul class="nhsuk-list">)"_m;
  for (const auto& [country, count] : rest) facet_link(h, v, "country", country, count);
  h << "</ul></div></details>"_m;
}

void write_facets(Html& h, const TrialFinderView& v) {
  if (!v.result)
    return;
  static const std::vector<std::pair<std::string, std::string>> kShown = {
      {"status", "Status"}, {"phase", "Phase"}, {"country", "Country"}};
  h << R"(<aside class="cairn-trial-facets" aria-labelledby="refine-heading"><h2 id="refine-heading" class="nhsuk-heading-s">Number of trials by</h2>)"_m;
  for (const auto& [key, label] : kShown) {
    auto it = v.result->facets.find(key);
    if (it == v.result->facets.end() || it->second.empty())
      continue;
    h << "<h3 class=\"nhsuk-heading-xs\">"_m << label << "</h3>"_m;
    if (key == "country") {
      write_country_facet(h, v, it->second);
      continue;
    }
    // Statuses and phases are a short, fixed set: all of them.
    h << "<ul class=\"nhsuk-list\">"_m;
    for (const auto& [value, count] : it->second) facet_link(h, v, key, value, count);
    h << "</ul>"_m;
  }
  h << "</aside>\n"_m;
}

void write_results(Html& h, const TrialFinderView& v) {
  const auto& r = *v.result;
  h << R"(<h2 class="nhsuk-heading-m" id="results">)"_m << r.total
    << (r.total == 1 ? " trial found"_m : " trials found"_m);
  if (!v.near_name.empty())
    h << " near "_m << v.near_name;
  h << "</h2>\n"_m;
  // On a phone the filters are below the results; this gets there at once.
  h << R"(<p class="cairn-trial-filters-link"><a href="#filters">Filter results</a></p>
)"_m;
  if (r.results.empty()) {
    h << "<p>No trials match all of your choices. Try fewer words, a larger distance or any status.</p>\n"_m;
    return;
  }
  h << R"(<ul class="nhsuk-list cairn-trial-results">)"_m;
  for (const auto& hit : r.results) {
    h << R"(<li class="nhsuk-card cairn-trial-card"><div class="nhsuk-card__content"><h3 class="nhsuk-card__heading nhsuk-heading-s"><a href=")"_m
      << trials::trial_path(hit.nct_id) << "\">"_m << hit.title << "</a></h3><p>"_m;
    write_trial_status(h, hit.status);
    if (!hit.phases.empty())
      h << " "_m << trials::phases_in_words(hit.phases);
    h << "</p>"_m;
    if (!hit.conditions.empty()) {
      h << "<p class=\"nhsuk-body-s\">For: "_m;
      for (std::size_t i = 0; i < hit.conditions.size() && i < 4; ++i) {
        if (i)
          h << ", "_m;
        h << hit.conditions[i];
      }
      h << "</p>"_m;
    }
    if (hit.nearest) {
      h << "<p class=\"nhsuk-body-s\">Nearest site: "_m << hit.nearest->facility;
      if (!hit.nearest->city.empty())
        h << ", "_m << hit.nearest->city;
      // A straight line, and for some sites from their town's centre: roughly.
      if (hit.nearest->distance_miles >= 1)
        h << " (about "_m << miles(hit.nearest->distance_miles) << " miles)"_m;
      h << "</p>"_m;
    }
    h << "<p class=\"nhsuk-body-s\">"_m << hit.nct_id << "</p></div></li>\n"_m;
  }
  h << "</ul>\n"_m;
  int pages = static_cast<int>((r.total + static_cast<std::size_t>(r.page_size) - 1) /
                               static_cast<std::size_t>(r.page_size));
  if (pages > 1) {
    h << R"(<nav class="nhsuk-pagination" role="navigation" aria-label="Results pages"><ul class="nhsuk-list nhsuk-pagination__list">)"_m;
    auto link = [&](int page, const char* title, bool next) {
      auto params = v.params;
      params["page"] = std::to_string(page);
      h << (next
                ? R"(<li class="nhsuk-pagination-item--next"><a class="nhsuk-pagination__link nhsuk-pagination__link--next" href=")"_m
                : R"(<li class="nhsuk-pagination-item--previous"><a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href=")"_m)
        << finder_href(params) << R"("><span class="nhsuk-pagination__title">)"_m << title
        << R"(</span><span class="nhsuk-u-visually-hidden">:</span><span class="nhsuk-pagination__page">Page )"_m
        << page << " of "_m << pages << "</span></a></li>"_m;
    };
    if (r.page > 1)
      link(r.page - 1, "Previous", false);
    if (r.page < pages)
      link(r.page + 1, "Next", true);
    h << "</ul></nav>\n"_m;
  }
}

// ClinicalTrials.gov writes these texts in Markdown: "\>18 years" means ">18
// years", and "* " starts a bullet.
std::string unescape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() &&
        std::ispunct(static_cast<unsigned char>(text[i + 1])))
      ++i;
    out += text[i];
  }
  return out;
}

void write_criteria_text(Html& h, const std::string& text) {
  // Shown as written (escaped), keeping its line breaks; bullets become a list.
  h << R"(<div class="cairn-criteria">)"_m;
  bool in_list = false;
  for (const auto& line : split(text, '\n')) {
    auto t = trim(line);
    if (t.empty())
      continue;
    bool bullet = t.size() > 2 && (t[0] == '*' || t[0] == '-') && t[1] == ' ';
    if (bullet && !in_list)
      h << R"(<ul class="nhsuk-list nhsuk-list--bullet">)"_m;
    if (!bullet && in_list)
      h << "</ul>"_m;
    in_list = bullet;
    if (bullet) {
      h << "<li>"_m << unescape_markdown(trim(t.substr(2))) << "</li>"_m;
    } else {
      h << "<p>"_m << unescape_markdown(t) << "</p>"_m;
    }
  }
  if (in_list)
    h << "</ul>"_m;
  h << "</div>"_m;
}

std::string record_url(std::string_view nct_id) {
  return "https://clinicaltrials.gov/study/" + url_encode(nct_id);
}

// A registry date ("yyyy-mm-dd", or "yyyy-mm" for a whole month) wholly more
// than a year before `today` ("yyyy-mm-dd"); ISO dates compare as text. No
// date makes no claim either way.
bool more_than_a_year_before(std::string_view date, std::string_view today) {
  if ((date.size() != 7 && date.size() != 10) || today.size() < 10)
    return false;
  int year = 0;
  for (char c : today.substr(0, 4)) {
    if (c < '0' || c > '9')
      return false;
    year = year * 10 + (c - '0');
  }
  std::string year_ago = std::to_string(year - 1) + std::string(today.substr(4, 6));
  // A month counts only once all of it is past: May 2025 is not yet a year old on 2 May 2026.
  return date < std::string_view(year_ago).substr(0, date.size());
}

// "on 1 May 2024", or "in May 2024" for a date to the month.
std::string on_date(std::string_view date) {
  return (date.size() == 7 ? "in " : "on ") + format_date(date);
}

bool in_uk(const TrialSite& s) {
  return s.location.country == "United Kingdom";
}

void fact_row(Html& h, Markup key, const SafeHtml& value) {
  h << R"(<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">)"_m << key
    << R"(</dt><dd class="nhsuk-summary-list__value">)"_m << value << "</dd></div>"_m;
}

void fact_row(Html& h, Markup key, std::string_view value) {
  Html v;
  v << value;
  fact_row(h, key, v.take());
}

// The few facts people decide on, near the top, before the long texts.
void write_key_facts(Html& h, const trials::Trial& t, const std::vector<TrialSite>& sites,
                     const std::string& near_name, std::string_view checked_at) {
  h << R"(<section class="cairn-key-facts" aria-labelledby="key-facts"><h2 id="key-facts" class="nhsuk-heading-m">Key facts</h2><dl class="nhsuk-summary-list">)"_m;
  Html status;
  write_trial_status(status, t.overall_status);
  fact_row(h, "Status"_m, status.take());
  if (!t.phases.empty())
    fact_row(h, "Phase"_m, trials::phases_in_words(t.phases));
  fact_row(h, "Ages"_m,
           trials::ages_in_words(t.eligibility.minimum_age, t.eligibility.maximum_age));
  fact_row(h, "Sex"_m, trials::sex_in_words(t.eligibility.sex));
  // Sites come nearest first when a place was given (see trials_routes).
  if (!near_name.empty() && !sites.empty() && sites.front().distance_miles) {
    const auto& s = sites.front();
    Html where;
    where << s.location.facility;
    if (!s.location.city.empty())
      where << ", "_m << s.location.city;
    where << ": "_m << distance_words(*s.distance_miles, s.location.placed_at_town) << " from "_m
          << near_name;
    fact_row(h, "Nearest site"_m, where.take());
  }
  auto uk = static_cast<std::size_t>(std::count_if(sites.begin(), sites.end(), in_uk));
  Html count;
  count << sites.size() << (sites.size() == 1 ? " site"_m : " sites"_m);
  if (!sites.empty())
    count << ", "_m << uk << " in the UK"_m;
  h << R"(<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Sites</dt><dd class="nhsuk-summary-list__value"><a href="#where">)"_m
    << count.take() << "</a></dd></div>"_m;
  fact_row(h, "Trial number"_m, t.nct_id);
  h << "</dl>"_m;
  if (!t.last_update.empty()) {
    h << R"(<p class="nhsuk-body-s cairn-last-updated">Last updated on ClinicalTrials.gov: )"_m
      << format_date(t.last_update) << "</p>"_m;
  }
  if (checked_at.size() >= 10) {
    h << R"(<p class="nhsuk-body-s cairn-last-checked">We last checked this trial against ClinicalTrials.gov on )"_m
      << format_date(checked_at.substr(0, 10)) << ".</p>"_m;
  }
  h << "</section>\n"_m;
}

// The status the team last confirmed (else the record's last update) is more
// than a year old: say so, and how to find out whether the trial still recruits.
void write_stale_warning(Html& h, const trials::Trial& t, std::string_view today) {
  const bool verified = !t.status_verified.empty();
  const std::string& since = verified ? t.status_verified : t.last_update;
  if (!more_than_a_year_before(since, today))
    return;
  h << R"(<div class="nhsuk-warning-callout cairn-trial-stale"><h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>The status may be out of date</span></h2><p>)"_m;
  if (verified) {
    h << "The trial team last confirmed this trial's status on ClinicalTrials.gov "_m
      << on_date(since) << ", more than a year ago."_m;
  } else {
    h << "This record was last updated on ClinicalTrials.gov "_m << on_date(since)
      << ", more than a year ago."_m;
  }
  h << " The trial may have stopped or started recruiting since.</p><p>To check, "_m;
  if (!t.central_contacts.empty())
    h << R"(<a href="#how">contact the trial team</a> (their details are under How to take part) or )"_m;
  h << "<a href=\""_m << record_url(t.nct_id)
    << R"(">look at the trial's record on ClinicalTrials.gov</a>. Your cancer doctor or nurse can also find out for you.</p></div>
)"_m;
}

void write_site(Html& h, const TrialSite& s) {
  h << "<li><strong>"_m << s.location.facility << "</strong>"_m;
  std::string place = s.location.city;
  if (!s.location.country.empty())
    place += (place.empty() ? "" : ", ") + s.location.country;
  if (!place.empty())
    h << "<br>"_m << place;
  if (s.distance_miles)
    h << " ("_m << distance_words(*s.distance_miles, s.location.placed_at_town) << " away)"_m;
  h << "<br>"_m;
  // Each site has its own status, which can differ from the trial's.
  if (s.location.status.empty()) {
    h << "<span class=\"cairn-site-status\">Site status not given</span>"_m;
  } else {
    h << "<span class=\"cairn-site-status\">"_m << trials::status_in_words(s.location.status)
      << "</span>"_m;
  }
  h << "</li>"_m;
}

// Characters past which a title is set smaller.
constexpr std::size_t kLongTitle = 100;

// Enough sites to scan on a phone; every other one is in the expander below.
constexpr std::size_t kSitesShown = 10;

void write_sites(Html& h, const std::vector<TrialSite>& sites, const std::string& near_name) {
  h << "<h2 id=\"where\">Where the trial is running</h2>\n"_m;
  if (sites.empty()) {
    h << "<p>The trial record does not list any sites yet.</p>\n"_m;
    return;
  }
  if (!near_name.empty()) {
    h << "<p>Nearest to "_m << near_name << " first.</p>"_m;
  } else if (std::any_of(sites.begin(), sites.end(), in_uk)) {
    h << "<p>Sites in the UK first.</p>"_m;
  }
  h << "<p>Each site has its own status, which can differ from the trial's.</p>"_m;
  h << R"(<ul class="nhsuk-list cairn-trial-sites">)"_m;
  for (std::size_t i = 0; i < sites.size() && i < kSitesShown; ++i) write_site(h, sites[i]);
  h << "</ul>\n"_m;
  if (sites.size() <= kSitesShown)
    return;
  h << R"(<details class="nhsuk-details cairn-more-sites"><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Show the other )"_m
    << sites.size() - kSitesShown
    << R"( sites</span></summary><div class="nhsuk-details__text"><ul class="nhsuk-list cairn-trial-sites">)"_m;
  for (std::size_t i = kSitesShown; i < sites.size(); ++i) write_site(h, sites[i]);
  h << "</ul></div></details>\n"_m;
}

}  // namespace

PageBody render_trial_finder(const TrialFinderView& v) {
  PageBody body;
  body.shell.title = "Find a clinical trial";
  body.shell.description = "Search for cancer clinical trials by cancer type, place and age.";
  body.shell.path = "/trials";
  body.shell.breadcrumbs = {{"Home", "/"}};
  Html h;
  h << R"(<h1>Find a clinical trial</h1>
<p>Clinical trials test new treatments. Search for trials, then talk to your doctor about whether one might suit you.</p>
)"_m;
  if (!v.error.empty()) {
    h << R"(<div class="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1"><h2 class="nhsuk-error-summary__title" id="error-summary-title">There is a problem</h2><div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list"><li>)"_m;
    // Linked to the field to change; the page number has none.
    if (v.error_field.empty()) {
      h << sentence(v.error);
    } else {
      h << "<a href=\"#"_m << v.error_field << "\">"_m << sentence(v.error) << "</a>"_m;
    }
    h << "</li></ul></div></div>\n"_m;
  }
  // One form: the words box at the top and the filters after the results both
  // submit every choice, so changing one keeps the others.
  h << R"(<form class="cairn-trial-form" action="/trials" method="get" novalidate>)"_m;
  write_search_box(h, v);
  if (v.result) {
    // Results first (the filters follow in reading order; beside them on a wide screen).
    h << R"(<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">)"_m;
    write_results(h, v);
    h << R"(</div><div class="nhsuk-grid-column-one-third">)"_m;
    write_filters(h, v);
    write_facets(h, v);
    h << "</div></div>"_m;
  } else {
    h << R"(<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">)"_m;
    write_filters(h, v);
    h << "</div></div>"_m;
  }
  h << "</form>\n"_m;
  body.main = h.take();
  return body;
}

PageBody render_trial_page(const trials::Trial& t, const std::vector<TrialSite>& sites,
                           const std::string& near_name, std::string_view today,
                           std::string_view checked_at) {
  PageBody body;
  body.shell.title = t.title();
  body.shell.description =
      "Clinical trial " + t.nct_id + ": who can join, where, and how to take part.";
  body.shell.path = trials::trial_path(t.nct_id);
  body.shell.breadcrumbs = {{"Home", "/"}, {"Find a clinical trial", "/trials"}};
  Html h;
  // Registry titles can run to 40 words: a smaller size keeps a long one from
  // filling a phone's screen.
  h << (t.title().size() > kLongTitle ? R"(<h1 class="nhsuk-heading-m cairn-trial-title">)"_m
                                      : R"(<h1 class="nhsuk-heading-l cairn-trial-title">)"_m)
    << t.title() << "</h1>\n"_m;
  // The registry's official title is long and technical: there if wanted.
  if (!t.official_title.empty() && t.official_title != t.title()) {
    h << R"(<details class="nhsuk-details cairn-official-title"><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Full title of the trial</span></summary><div class="nhsuk-details__text"><p>)"_m
      << t.official_title << "</p></div></details>\n"_m;
  }
  write_key_facts(h, t, sites, near_name, checked_at);
  // Right after the facts it qualifies, so the facts stay near the top.
  write_stale_warning(h, t, today);
  h << "<h2 id=\"what\">What the trial is testing</h2>\n"_m;
  write_criteria_text(h, t.brief_summary);
  if (!t.interventions.empty()) {
    h << "<p>Treatments in this trial:</p><ul class=\"nhsuk-list nhsuk-list--bullet\">"_m;
    for (const auto& i : t.interventions) h << "<li>"_m << i.name << "</li>"_m;
    h << "</ul>\n"_m;
  }
  if (!t.conditions.empty()) {
    h << "<p>For people with: "_m;
    for (std::size_t i = 0; i < t.conditions.size(); ++i) {
      if (i)
        h << ", "_m;
      h << t.conditions[i];
    }
    h << ".</p>\n"_m;
  }
  h << R"(<h2 id="who">Who can join</h2><dl class="nhsuk-summary-list">)"_m
    << R"(<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Age</dt><dd class="nhsuk-summary-list__value">)"_m
    << trials::ages_in_words(t.eligibility.minimum_age, t.eligibility.maximum_age)
    << "</dd></div>"_m
    << R"(<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Sex</dt><dd class="nhsuk-summary-list__value">)"_m
    << trials::sex_in_words(t.eligibility.sex) << "</dd></div>"_m;
  if (t.eligibility.healthy_volunteers) {
    h << R"(<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">Healthy volunteers</dt><dd class="nhsuk-summary-list__value">)"_m
      << (*t.eligibility.healthy_volunteers ? "Yes"_m : "No"_m) << "</dd></div>"_m;
  }
  h << "</dl>\n"_m;
  auto criteria = trials::split_criteria(t.eligibility.criteria);
  h << "<p>The research team decides who can take part. These are their criteria, as they wrote them.</p>\n"_m;
  if (!criteria.inclusion.empty()) {
    h << R"(<details class="nhsuk-details"><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Who can take part</span></summary><div class="nhsuk-details__text">)"_m;
    write_criteria_text(h, criteria.inclusion);
    h << "</div></details>\n"_m;
  }
  if (!criteria.exclusion.empty()) {
    h << R"(<details class="nhsuk-details"><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Who cannot take part</span></summary><div class="nhsuk-details__text">)"_m;
    write_criteria_text(h, criteria.exclusion);
    h << "</div></details>\n"_m;
  }
  write_sites(h, sites, near_name);
  h << "<h2 id=\"how\">How to take part</h2>\n<p>Talk to your cancer doctor or nurse first: they know your situation and can contact the trial team.</p>\n"_m;
  if (!t.central_contacts.empty()) {
    h << "<p>The trial team's contacts:</p><ul class=\"nhsuk-list\">"_m;
    for (const auto& c : t.central_contacts) {
      h << "<li>"_m << c.name;
      if (!c.phone.empty())
        h << ", phone <a href=\""_m << tel_href(c.phone) << "\">"_m << c.phone << "</a>"_m;
      if (!c.email.empty())
        h << ", email <a href=\""_m << safe_href("mailto:" + c.email) << "\">"_m << c.email
          << "</a>"_m;
      h << "</li>"_m;
    }
    h << "</ul>\n"_m;
  }
  h << "<p><a href=\""_m << record_url(t.nct_id)
    << "\">See the full record on ClinicalTrials.gov</a></p>\n"_m;
  if (!t.sponsor.empty())
    h << "<p class=\"nhsuk-body-s\">Run by: "_m << t.sponsor << "</p>\n"_m;
  body.main = in_two_thirds_column(h.take());
  return body;
}

SafeHtml render_lm_trials_block(const trials::FinderResult& result) {
  // Said plainly from what the finder holds: recruiting in the UK, only
  // elsewhere, or none at all.
  std::size_t in_uk = 0;
  if (auto countries = result.facets.find("country"); countries != result.facets.end()) {
    if (auto uk = countries->second.find("United Kingdom"); uk != countries->second.end())
      in_uk = uk->second;
  }
  std::size_t elsewhere = result.total > in_uk ? result.total - in_uk : 0;
  auto trials_word = [](std::size_t n) {
    return n == 1 ? std::string("1 trial") : std::to_string(n) + " trials";
  };
  Html h;
  h << R"(<section class="cairn-lm-trials" aria-labelledby="lm-trials"><h2 id="lm-trials">Trials for leptomeningeal metastases</h2>)"_m;
  if (result.results.empty()) {
    h << R"(<p>None of the trials we list for leptomeningeal metastases is recruiting right now. We list trials from ClinicalTrials.gov, and new trials open all the time. You can <a href="/trials">search all trials</a>, or ask your doctor or nurse.</p>)"_m;
  } else {
    h << "<p>"_m;
    if (in_uk > 0) {
      h << trials_word(in_uk) << std::string(in_uk == 1 ? " is" : " are")
        << " recruiting in the UK"_m;
      if (elsewhere > 0)
        h << ", and "_m << trials_word(elsewhere) << " only in other countries"_m;
      h << ". Trials with sites in the UK come first."_m;
    } else {
      h << "No trial for leptomeningeal metastases is recruiting in the UK right now. "_m
        << std::string(elsewhere == 1 ? "This trial is" : "These trials are")
        << " recruiting in other countries."_m;
    }
    h << " Ask your doctor whether one might suit you.</p><ul class=\"nhsuk-list nhsuk-list--bullet\">"_m;
    for (const auto& hit : result.results) {
      h << "<li><a href=\""_m << trials::trial_path(hit.nct_id) << "\">"_m << hit.title << "</a>"_m;
      if (!hit.phases.empty())
        h << " ("_m << trials::phases_in_words(hit.phases) << ")"_m;
      h << "</li>"_m;
    }
    h << R"(</ul><p><a href="/trials?condition=leptomeningeal+metastases&amp;country=any">Search all trials for leptomeningeal metastases</a></p>)"_m;
  }
  h << "</section>\n"_m;
  return h.take();
}

}  // namespace cairn::views
