#include "trials/finder_query.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/text.hpp"

namespace cairn::trials {

namespace {

constexpr std::array<std::string_view, 14> kStatuses = {"ACTIVE_NOT_RECRUITING",
                                                        "APPROVED_FOR_MARKETING",
                                                        "AVAILABLE",
                                                        "COMPLETED",
                                                        "ENROLLING_BY_INVITATION",
                                                        "NO_LONGER_AVAILABLE",
                                                        "NOT_YET_RECRUITING",
                                                        "RECRUITING",
                                                        "SUSPENDED",
                                                        "TEMPORARILY_NOT_AVAILABLE",
                                                        "TERMINATED",
                                                        "UNKNOWN",
                                                        "WITHDRAWN",
                                                        "WITHHELD"};

constexpr std::array<int, 4> kDistances = {10, 25, 50, 100};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// `field`: the finder form's field to fill in again (the page number has none).
Error bad(std::string message, std::string field) {
  return make_error(Errc::invalid_input, std::move(message), std::move(field));
}

std::optional<std::string> param(const std::map<std::string, std::string>& params,
                                 const std::string& name) {
  auto it = params.find(name);
  if (it == params.end())
    return std::nullopt;
  auto value = trim(it->second);
  if (value.empty())
    return std::nullopt;
  return std::string(value);
}

bool parse_double(std::string_view text, double& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool parse_int(std::string_view text, int& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

std::vector<std::string> comma_list(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& part : split(text, ',')) {
    auto item = trim(part);
    if (!item.empty())
      out.emplace_back(item);
  }
  return out;
}

std::optional<std::string> phase_code(std::string_view text) {
  std::string code = upper(text);
  for (char& c : code) {
    if (c == ' ' || c == '-')
      c = '_';
  }
  if (code.size() == 1 && code[0] >= '1' && code[0] <= '4')
    return "PHASE" + code;
  if (code == "EARLY_1" || code == "EARLY1")
    return std::string("EARLY_PHASE1");
  if (code == "N/A" || code == "NOT_APPLICABLE")
    return std::string("NA");
  if (code == "PHASE_1" || code == "PHASE_2" || code == "PHASE_3" || code == "PHASE_4") {
    return "PHASE" + code.substr(6);
  }
  static constexpr std::array<std::string_view, 6> kPhases = {"EARLY_PHASE1", "PHASE1", "PHASE2",
                                                              "PHASE3",       "PHASE4", "NA"};
  if (std::find(kPhases.begin(), kPhases.end(), code) != kPhases.end())
    return code;
  return std::nullopt;
}

std::string country_name(std::string_view text) {
  std::string lower = to_lower_ascii(text);
  if (lower == "uk" || lower == "gb" || lower == "great britain" || lower == "britain") {
    return "United Kingdom";
  }
  if (lower == "us" || lower == "usa" || lower == "united states of america") {
    return "United States";
  }
  return std::string(text);
}

}  // namespace

Result<FinderQuery> parse_finder_query(const std::map<std::string, std::string>& params,
                                       const Places& places) {
  FinderQuery query;
  if (auto q = param(params, "q"))
    query.q = *q;
  if (auto condition = param(params, "condition"))
    query.condition = *condition;

  if (auto status = param(params, "status")) {
    std::string lower = to_lower_ascii(*status);
    query.statuses.clear();
    if (lower != "any" && lower != "all") {
      for (const auto& item : comma_list(*status)) {
        std::string code = upper(item);
        for (char& c : code) {
          if (c == ' ' || c == '-')
            c = '_';
        }
        if (std::find(kStatuses.begin(), kStatuses.end(), code) == kStatuses.end()) {
          return bad("status '" + item + "' is not a ClinicalTrials.gov status such as " +
                         "RECRUITING or NOT_YET_RECRUITING (or use 'any')",
                     "status");
        }
        if (std::find(query.statuses.begin(), query.statuses.end(), code) == query.statuses.end()) {
          query.statuses.push_back(code);
        }
      }
    }
  }

  if (auto phase = param(params, "phase")) {
    std::string lower = to_lower_ascii(*phase);
    if (lower != "any" && lower != "all") {
      for (const auto& item : comma_list(*phase)) {
        auto code = phase_code(item);
        if (!code) {
          return bad(
              "phase '" + item + "' is not a trial phase: use 1, 2, 3, 4, EARLY_PHASE1 " + "or NA",
              "phase");
        }
        if (std::find(query.phases.begin(), query.phases.end(), *code) == query.phases.end()) {
          query.phases.push_back(*code);
        }
      }
    }
  }

  if (auto age = param(params, "age")) {
    double years = 0;
    if (!parse_double(*age, years) || years < 0 || years > 120) {
      return bad("age must be a number of years from 0 to 120", "age");
    }
    query.age = years;
  }

  if (auto sex = param(params, "sex")) {
    std::string lower = to_lower_ascii(*sex);
    if (lower == "female" || lower == "f" || lower == "woman" || lower == "women") {
      query.sex = "FEMALE";
    } else if (lower == "male" || lower == "m" || lower == "man" || lower == "men") {
      query.sex = "MALE";
    } else if (lower != "all" && lower != "any") {
      return bad("sex must be female, male or any", "sex");
    }
  }

  if (auto country = param(params, "country")) {
    std::string lower = to_lower_ascii(*country);
    query.country = lower == "any" || lower == "all" ? std::string() : country_name(*country);
  }

  if (auto distance = param(params, "distance")) {
    int miles = 0;
    if (!parse_int(*distance, miles) ||
        std::find(kDistances.begin(), kDistances.end(), miles) == kDistances.end()) {
      return bad("distance must be 10, 25, 50 or 100 miles", "distance");
    }
    query.distance_miles = miles;
  }

  if (auto near = param(params, "near")) {
    auto match = places.resolve(*near);
    if (!match)
      return bad(match.error().message, "near");
    query.near = match->place;
  }

  if (auto sort = param(params, "sort")) {
    std::string lower = to_lower_ascii(*sort);
    if (lower == "distance") {
      if (!query.near)
        // The place is what to fill in.
        return bad("sort=distance needs a place: give near (a UK town or postcode)", "near");
      query.sort = SortOrder::distance;
    } else if (lower != "relevance") {
      return bad("sort must be relevance or distance", "sort");
    }
  }

  if (auto page = param(params, "page")) {
    int number = 0;
    if (!parse_int(*page, number) || number < 1 || number > 10000) {
      return bad("page must be a whole number from 1 to 10000", "");
    }
    query.page = number;
  }
  return query;
}

}  // namespace cairn::trials
