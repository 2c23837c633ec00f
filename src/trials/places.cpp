#include "trials/places.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>

#include "core/text.hpp"

namespace cairn::trials {

namespace {

// "Stoke-on-Trent", "stoke on trent" and "St. David's" all meet in one form.
std::string normalise_name(std::string_view name) {
  std::string out;
  bool space = false;
  for (unsigned char c : name) {
    if (c == '\'' || c == '.')
      continue;
    if (c == '-' || std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space)
      out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  if (out.starts_with("saint "))
    out = "st " + out.substr(6);
  return out;
}

bool is_letter(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// "M1", "SW1A", "B33": one or two letters, a digit, then a digit or letter.
bool is_outcode(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && i < 2 && is_letter(s[i])) ++i;
  if (i == 0 || i >= s.size() || !is_digit(s[i]))
    return false;
  ++i;
  if (i < s.size() && (is_digit(s[i]) || is_letter(s[i])))
    ++i;
  return i == s.size();
}

// The district of a postcode or district as typed, or "" if it is not one.
std::string postcode_district(std::string_view query) {
  std::string compact;
  for (unsigned char c : query) {
    if (!std::isspace(c))
      compact += static_cast<char>(std::toupper(c));
  }
  if (compact.size() >= 5) {
    std::string_view in = std::string_view(compact).substr(compact.size() - 3);
    std::string_view out = std::string_view(compact).substr(0, compact.size() - 3);
    if (is_digit(in[0]) && is_letter(in[1]) && is_letter(in[2]) && is_outcode(out)) {
      return std::string(out);
    }
  }
  return is_outcode(compact) ? compact : std::string();
}

bool parse_number(std::string_view text, double& out) {
  text = trim(text);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

int rank_of(std::string_view type) {
  if (type == "City")
    return 0;
  if (type == "Town")
    return 1;
  return 2;
}

// Column positions by header name, so a reordered file still reads.
Result<std::vector<std::size_t>> columns(const std::string& header,
                                         std::initializer_list<std::string_view> names,
                                         std::string_view file) {
  auto cells = split(trim(header), ',');
  std::vector<std::size_t> out;
  for (auto name : names) {
    auto it = std::find(cells.begin(), cells.end(), name);
    if (it == cells.end()) {
      return make_error(Errc::invalid_input,
                        std::string(file) + " has no '" + std::string(name) + "' column");
    }
    out.push_back(static_cast<std::size_t>(it - cells.begin()));
  }
  return out;
}

}  // namespace

Result<Places> Places::load(const std::filesystem::path& places_csv,
                            const std::filesystem::path& outcodes_csv) {
  std::ifstream places(places_csv);
  if (!places)
    return make_error(Errc::not_found, "cannot open " + places_csv.string());
  std::ifstream outcodes(outcodes_csv);
  if (!outcodes)
    return make_error(Errc::not_found, "cannot open " + outcodes_csv.string());
  return read(places, outcodes);
}

Result<Places> Places::read(std::istream& places_csv, std::istream& outcodes_csv) {
  Places out;
  std::string line;
  if (!std::getline(places_csv, line)) {
    return make_error(Errc::invalid_input, "the places file is empty");
  }
  auto cols = columns(line, {"place_name", "county", "country", "lat", "lng", "type"}, "places");
  if (!cols)
    return cols.error();
  std::size_t line_no = 1;
  while (std::getline(places_csv, line)) {
    ++line_no;
    if (trim(line).empty())
      continue;
    auto cells = split(trim(line), ',');
    const auto& c = *cols;
    Entry e;
    if (cells.size() <= *std::max_element(c.begin(), c.end()) ||
        !parse_number(cells[c[3]], e.place.lat) || !parse_number(cells[c[4]], e.place.lon)) {
      return make_error(Errc::invalid_input,
                        "places file line " + std::to_string(line_no) + " is not a place");
    }
    e.place.name = cells[c[0]];
    e.place.county = cells[c[1]];
    e.place.country = cells[c[2]];
    e.rank = rank_of(cells[c[5]]);
    std::size_t index = out.places_.size();
    std::vector<std::string> keys{normalise_name(e.place.name)};
    // Bilingual names ("Cardiff/Caerdydd") answer to either.
    if (e.place.name.find('/') != std::string::npos) {
      for (const auto& part : split(e.place.name, '/')) keys.push_back(normalise_name(part));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const auto& key : keys) {
      if (!key.empty())
        out.by_name_[key].push_back(index);
    }
    out.places_.push_back(std::move(e));
  }

  if (!std::getline(outcodes_csv, line)) {
    return make_error(Errc::invalid_input, "the postcode districts file is empty");
  }
  auto ocols = columns(line, {"outcode", "latitude", "longitude"}, "postcode districts");
  if (!ocols)
    return ocols.error();
  line_no = 1;
  while (std::getline(outcodes_csv, line)) {
    ++line_no;
    if (trim(line).empty())
      continue;
    auto cells = split(trim(line), ',');
    const auto& c = *ocols;
    Place p;
    if (cells.size() <= *std::max_element(c.begin(), c.end()) ||
        !parse_number(cells[c[1]], p.lat) || !parse_number(cells[c[2]], p.lon)) {
      return make_error(Errc::invalid_input, "postcode districts file line " +
                                                 std::to_string(line_no) + " is not a district");
    }
    p.name = postcode_district(cells[c[0]]);
    if (p.name.empty())
      continue;
    std::string key = p.name;
    out.districts_.emplace(std::move(key), std::move(p));
  }
  return out;
}

Result<PlaceMatch> Places::resolve(std::string_view query) const {
  query = trim(query);
  if (query.empty())
    return make_error(Errc::invalid_input, "say which town or postcode");
  std::string district = postcode_district(query);
  if (!district.empty()) {
    auto it = districts_.find(district);
    if (it == districts_.end()) {
      return make_error(Errc::not_found, "we do not know the postcode district '" + district + "'");
    }
    return PlaceMatch{it->second, {}};
  }

  std::string_view name = query, qualifier;
  if (auto comma = query.find(','); comma != std::string_view::npos) {
    name = trim(query.substr(0, comma));
    qualifier = trim(query.substr(comma + 1));
  }
  auto it = by_name_.find(normalise_name(name));
  if (it == by_name_.end()) {
    return make_error(Errc::not_found, "we could not find '" + std::string(query) +
                                           "': try a UK town or a postcode district like M1");
  }
  std::string key = it->first;
  std::vector<std::size_t> found = it->second;
  if (!qualifier.empty()) {
    std::string want = normalise_name(qualifier);
    std::erase_if(found, [&](std::size_t i) {
      return normalise_name(places_[i].place.county).find(want) == std::string::npos &&
             normalise_name(places_[i].place.country) != want;
    });
    if (found.empty()) {
      return make_error(Errc::not_found, "we know places called " + std::string(name) +
                                             ", but none in " + std::string(qualifier));
    }
  }
  auto county_bears_name = [&](std::size_t i) {
    return normalise_name(places_[i].place.county).find(key) != std::string::npos;
  };
  std::stable_sort(found.begin(), found.end(), [&](std::size_t a, std::size_t b) {
    if (places_[a].rank != places_[b].rank)
      return places_[a].rank < places_[b].rank;
    return county_bears_name(a) && !county_bears_name(b);
  });
  PlaceMatch match{places_[found.front()].place, {}};
  for (std::size_t i = 1; i < found.size() && match.alternatives.size() < 25; ++i) {
    match.alternatives.push_back(places_[found[i]].place);
  }
  return match;
}

double distance_miles(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusMiles = 3958.8;
  constexpr double kRadians = 3.14159265358979323846 / 180;
  double dlat = (lat2 - lat1) * kRadians;
  double dlon = (lon2 - lon1) * kRadians;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRadians) *
                                                           std::cos(lat2 * kRadians) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusMiles * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace cairn::trials
