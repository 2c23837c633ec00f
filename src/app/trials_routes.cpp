#include "app/trials_routes.hpp"

#include <algorithm>
#include <regex>
#include <tuple>

#include <nlohmann/json.hpp>

#include "app/json_text.hpp"
#include "core/iso_time.hpp"
#include "core/text.hpp"
#include "trials/finder_query.hpp"
#include "trials/plain_english.hpp"
#include "views/error_view.hpp"
#include "views/trials_view.hpp"

namespace cairn::app {

std::filesystem::path places_csv(const std::filesystem::path& content_dir) {
  return content_dir / "geo" / "uk-places.csv";
}
std::filesystem::path outcodes_csv(const std::filesystem::path& content_dir) {
  return content_dir / "geo" / "postcode-outcodes.csv";
}

namespace {

std::map<std::string, std::string> single_params(const RequestContext& c) {
  std::map<std::string, std::string> params;
  for (const auto& [k, v] : c.request().query) params.emplace(k, v);  // first value wins
  return params;
}

bool valid_nct(std::string_view id) {
  static const std::regex kNct("NCT[0-9]{8}");
  return std::regex_match(id.begin(), id.end(), kNct);
}

// Sites nearest the given place first (those without coordinates last, UK ones
// first among them); otherwise UK sites first. Within a group, sites recruiting
// now come first, then A to Z by country and town, so a long list can be scanned.
std::vector<views::TrialSite> ordered_sites(const trials::Trial& trial,
                                            const std::optional<trials::Place>& near) {
  std::vector<views::TrialSite> sites;
  for (const auto& l : trial.locations) {
    views::TrialSite s{l, std::nullopt};
    if (near && l.lat && l.lon)
      s.distance_miles = trials::distance_miles(near->lat, near->lon, *l.lat, *l.lon);
    sites.push_back(std::move(s));
  }
  auto rank = [](const views::TrialSite& s) {
    return std::tuple<bool, bool, const std::string&, const std::string&>(
        s.location.country != "United Kingdom", s.location.status != "RECRUITING",
        s.location.country, s.location.city);
  };
  std::stable_sort(sites.begin(), sites.end(), [&](const auto& a, const auto& b) {
    if (a.distance_miles.has_value() != b.distance_miles.has_value())
      return a.distance_miles.has_value();
    if (a.distance_miles && *a.distance_miles != *b.distance_miles)
      return *a.distance_miles < *b.distance_miles;
    return rank(a) < rank(b);
  });
  return sites;
}

nlohmann::json trial_json(const trials::FoundTrial& found,
                          const std::vector<views::TrialSite>& sites) {
  const trials::Trial& t = found.trial;
  auto criteria = trials::split_criteria(t.eligibility.criteria);
  nlohmann::json phases = nlohmann::json::array();
  for (const auto& p : t.phases)
    phases.push_back({{"code", p}, {"words", trials::phase_in_words(p)}});
  nlohmann::json interventions = nlohmann::json::array();
  for (const auto& i : t.interventions)
    interventions.push_back({{"type", i.type}, {"name", i.name}});
  nlohmann::json locations = nlohmann::json::array();
  for (const auto& s : sites) {
    nlohmann::json l = {{"facility", s.location.facility},
                        {"city", s.location.city},
                        {"country", s.location.country},
                        {"status", s.location.status}};
    l["distance_miles"] =
        s.distance_miles ? nlohmann::json(*s.distance_miles) : nlohmann::json(nullptr);
    locations.push_back(std::move(l));
  }
  nlohmann::json contacts = nlohmann::json::array();
  for (const auto& c : t.central_contacts) {
    contacts.push_back(
        {{"name", c.name}, {"role", c.role}, {"phone", c.phone}, {"email", c.email}});
  }
  nlohmann::json eligibility = {
      {"ages", trials::ages_in_words(t.eligibility.minimum_age, t.eligibility.maximum_age)},
      {"minimum_age", t.eligibility.minimum_age},
      {"maximum_age", t.eligibility.maximum_age},
      {"sex", trials::sex_in_words(t.eligibility.sex)},
      {"inclusion_criteria", criteria.inclusion},
      {"exclusion_criteria", criteria.exclusion}};
  eligibility["healthy_volunteers"] = t.eligibility.healthy_volunteers
                                          ? nlohmann::json(*t.eligibility.healthy_volunteers)
                                          : nlohmann::json(nullptr);
  return {{"nct_id", t.nct_id},
          {"title", t.title()},
          {"official_title", t.official_title},
          {"status", t.overall_status},
          {"status_words", trials::status_in_words(t.overall_status)},
          {"phases", phases},
          {"study_type", t.study_type},
          {"summary", t.brief_summary},
          {"conditions", t.conditions},
          {"keywords", t.keywords},
          {"interventions", interventions},
          {"eligibility", eligibility},
          {"locations", locations},
          {"contacts", contacts},
          {"sponsor", t.sponsor},
          {"start_date", t.start_date},
          {"completion_date", t.completion_date},
          {"last_update", t.last_update},
          {"status_verified", t.status_verified},
          {"checked_at", found.checked_at},
          {"url", trials::trial_path(t.nct_id)},
          {"record_url", "https://clinicaltrials.gov/study/" + t.nct_id}};
}

// The trial named by the path's {id}.
Result<trials::FoundTrial> trial_at(const RequestContext& c, const trials::TrialFinder& finder) {
  std::string id(c.path_param("id"));
  auto trial = valid_nct(id) ? finder.trial(id) : std::nullopt;
  if (!trial)
    return make_error(Errc::not_found, "There is no trial " + id + ".");
  return std::move(*trial);
}

// The place asked about as `near`, if any; invalid_input for a place we do not know.
Result<std::optional<trials::Place>> near_place(const RequestContext& c,
                                                const trials::Places& places) {
  auto place = c.query("near");
  if (place.empty())
    return std::optional<trials::Place>();
  auto found = places.resolve(place);
  if (!found)
    return make_error(Errc::invalid_input, found.error().message, "near");
  return std::optional<trials::Place>(found->place);
}

// A node that has just started serves before its finder has loaded every trial:
// until then the finder says so (503, try again shortly) rather than finding none.
constexpr std::string_view kLoading =
    "The trial finder is starting up. Please try again in a minute.";

Outcome while_loading(const TrialsDeps& deps) {
  Error loading = make_error(Errc::unavailable, std::string(kLoading));
  auto html = views::render_problem(deps.site.chrome(), 503, loading.message);
  return Outcome::form(html, loading).no_store().with_header("Retry-After", "30");
}

}  // namespace

void add_trials_routes(Routes& routes, TrialsDeps deps) {
  routes.add("GET", "/trials", [deps](RequestContext& c) {
    if (!deps.finder.loaded())
      return while_loading(deps);
    views::TrialFinderView view;
    view.params = single_params(c);
    auto query = trials::parse_finder_query(view.params, deps.places);
    trials::FinderResult result;
    if (query) {
      result = deps.finder.search(*query);
      view.result = &result;
      if (query->near)
        view.near_name = query->near->name;
    } else {
      view.error = query.error().message;
      view.error_field = query.error().field;
    }
    auto body = views::render_trial_finder(view);
    auto html = views::render_layout(deps.site.chrome(), body.shell, body.main);
    return (query ? Outcome::page(html) : Outcome::form(html, query.error())).no_store();
  });
  routes.add("GET", "/trials/{id}", [deps](RequestContext& c) -> Outcome {
    if (!deps.finder.loaded())
      return while_loading(deps);
    auto trial = trial_at(c, deps.finder);
    if (!trial)
      return trial.error();
    // A place that is not known only leaves the sites in their usual order here.
    auto near = near_place(c, deps.places);
    auto sites = ordered_sites(trial->trial, near ? *near : std::nullopt);
    auto body = views::render_trial_page(trial->trial, sites, near && *near ? (*near)->name : "",
                                         iso_date(deps.clock.now()), trial->checked_at);
    return Outcome::page(views::render_layout(deps.site.chrome(), body.shell, body.main));
  });
  routes.add("GET", "/api/v1/trials", [deps](RequestContext& c) -> Outcome {
    if (!deps.finder.loaded())
      return make_error(Errc::unavailable, std::string(kLoading));
    auto query = trials::parse_finder_query(single_params(c), deps.places);
    if (!query)
      return query.error();
    return Outcome::json(json_text(trials::result_to_json(deps.finder.search(*query)))).no_store();
  });
  routes.add("GET", "/api/v1/trials/{id}", [deps](RequestContext& c) -> Outcome {
    if (!deps.finder.loaded())
      return make_error(Errc::unavailable, std::string(kLoading));
    auto trial = trial_at(c, deps.finder);
    if (!trial)
      return trial.error();
    // The trial exists; the place asked about is what is wrong (as on /api/v1/trials).
    auto near = near_place(c, deps.places);
    if (!near)
      return near.error();
    return Outcome::json(json_text(trial_json(*trial, ordered_sites(trial->trial, *near))));
  });
}

}  // namespace cairn::app
