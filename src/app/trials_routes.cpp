#include "app/trials_routes.hpp"

#include <algorithm>
#include <regex>

#include <nlohmann/json.hpp>

#include "app/web_app.hpp"
#include "core/text.hpp"
#include "trials/finder_query.hpp"
#include "trials/plain_english.hpp"
#include "views/trials_view.hpp"

namespace cairn::app {

std::filesystem::path places_csv(const std::filesystem::path& content_dir) {
  return content_dir / "geo" / "uk-places.csv";
}
std::filesystem::path outcodes_csv(const std::filesystem::path& content_dir) {
  return content_dir / "geo" / "postcode-outcodes.csv";
}

namespace {

std::map<std::string, std::string> single_params(const http::Request& request) {
  std::map<std::string, std::string> params;
  for (const auto& [k, v] : request.query) params.emplace(k, v);  // first value wins
  return params;
}

// Which form field a refused query is about: the first field that is refused
// on its own. Guessing from the message's words picked "age" for a page error
// ("page" contains "age") and the words box for an unknown place. Empty when
// no single field is to blame (the page number has no field).
std::string field_of(const std::map<std::string, std::string>& params,
                     const trials::Places& places) {
  // In the order parse_finder_query checks them, so the field is the one its message is about.
  for (const char* field :
       {"status", "phase", "age", "sex", "country", "distance", "near", "sort"}) {
    auto it = params.find(field);
    if (it == params.end())
      continue;
    if (trials::parse_finder_query({{field, it->second}}, places))
      continue;
    // sort=distance on its own is refused for want of a place: the place is what to fill in.
    if (std::string_view(field) == "sort" && to_lower_ascii(trim(it->second)) == "distance")
      return "near";
    return field;
  }
  return "";
}

bool valid_nct(std::string_view id) {
  static const std::regex kNct("NCT[0-9]{8}");
  return std::regex_match(id.begin(), id.end(), kNct);
}

// Sites nearest the given place first; otherwise UK sites first.
std::vector<views::TrialSite> ordered_sites(const trials::Trial& trial,
                                            const std::optional<trials::Place>& near) {
  std::vector<views::TrialSite> sites;
  for (const auto& l : trial.locations) {
    views::TrialSite s{l, std::nullopt};
    if (near && l.lat && l.lon)
      s.distance_miles = trials::distance_miles(near->lat, near->lon, *l.lat, *l.lon);
    sites.push_back(std::move(s));
  }
  std::stable_sort(sites.begin(), sites.end(), [&](const auto& a, const auto& b) {
    if (near) {
      if (a.distance_miles.has_value() != b.distance_miles.has_value())
        return a.distance_miles.has_value();
      return a.distance_miles.value_or(0) < b.distance_miles.value_or(0);
    }
    return (a.location.country == "United Kingdom") > (b.location.country == "United Kingdom");
  });
  return sites;
}

nlohmann::json trial_json(const trials::Trial& t, const std::vector<views::TrialSite>& sites) {
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
          {"url", trials::trial_path(t.nct_id)},
          {"record_url", "https://clinicaltrials.gov/study/" + t.nct_id}};
}

}  // namespace

void add_trials_routes(http::Router& router, TrialsDeps deps) {
  router.add("GET", "/trials", [deps](const http::Request& request) -> Result<http::Response> {
    views::TrialFinderView view;
    view.params = single_params(request);
    auto query = trials::parse_finder_query(view.params, deps.places);
    trials::FinderResult result;
    http::Response r;
    if (query) {
      result = deps.finder.search(*query);
      view.result = &result;
      if (query->near)
        view.near_name = query->near->name;
    } else {
      view.error = query.error().message;
      view.error_field = field_of(view.params, deps.places);
      r.status = status_for(query.error().code);
    }
    auto body = views::render_trial_finder(view);
    r.body = views::render_layout(deps.site.chrome(), body.shell, body.main).str();
    r.cache_control = "no-store";
    return r;
  });
  router.add_prefix(
      "GET", "/trials/", [deps](const http::Request& request) -> Result<http::Response> {
        std::string id = request.path.substr(std::string_view("/trials/").size());
        auto trial = valid_nct(id) ? deps.finder.trial(id) : std::nullopt;
        if (!trial)
          return make_error(Errc::not_found, "There is no trial " + id + ".");
        std::optional<trials::Place> near;
        if (auto place = request.param("near"); !place.empty()) {
          if (auto found = deps.places.resolve(place))
            near = found->place;
        }
        auto sites = ordered_sites(*trial, near);
        auto body = views::render_trial_page(*trial, sites, near ? near->name : "");
        http::Response r;
        r.body = views::render_layout(deps.site.chrome(), body.shell, body.main).str();
        return r;
      });
  router.add(
      "GET", "/api/v1/trials", [deps](const http::Request& request) -> Result<http::Response> {
        auto query = trials::parse_finder_query(single_params(request), deps.places);
        if (!query)
          return query.error();
        auto r =
            http::json_response(200, trials::result_to_json(deps.finder.search(*query)).dump());
        r.cache_control = "no-store";
        return r;
      });
  router.add_prefix(
      "GET", "/api/v1/trials/", [deps](const http::Request& request) -> Result<http::Response> {
        std::string id = request.path.substr(std::string_view("/api/v1/trials/").size());
        auto trial = valid_nct(id) ? deps.finder.trial(id) : std::nullopt;
        if (!trial)
          return make_error(Errc::not_found, "There is no trial " + id + ".");
        std::optional<trials::Place> near;
        if (auto place = request.param("near"); !place.empty()) {
          auto found = deps.places.resolve(place);
          // The trial exists; the place asked about is what is wrong (as on /api/v1/trials).
          if (!found)
            return make_error(Errc::invalid_input, found.error().message);
          near = found->place;
        }
        return http::json_response(200, trial_json(*trial, ordered_sites(*trial, near)).dump());
      });
}

}  // namespace cairn::app
