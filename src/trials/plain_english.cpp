#include "trials/plain_english.hpp"

#include <charconv>
#include <cmath>

#include "core/text.hpp"

namespace cairn::trials {

namespace {

std::string sentence_case(std::string_view code) {
  std::string out = to_lower_ascii(code);
  for (char& c : out) {
    if (c == '_')
      c = ' ';
  }
  if (!out.empty())
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string format_years(double years) {
  if (years == std::floor(years))
    return std::to_string(static_cast<long>(years));
  // Under a year: months read better than "0.5".
  if (years < 2)
    return std::to_string(static_cast<long>(std::lround(years * 12))) + " months";
  return std::to_string(static_cast<long>(std::floor(years)));
}

}  // namespace

std::string status_in_words(std::string_view status) {
  if (status == "ACTIVE_NOT_RECRUITING")
    return "Active, not recruiting";
  if (status == "ENROLLING_BY_INVITATION")
    return "Enrolling by invitation";
  if (status == "UNKNOWN")
    return "Unknown status";
  return sentence_case(status);
}

std::string phase_in_words(std::string_view phase) {
  if (phase == "NA")
    return "Not applicable";
  if (phase.starts_with("EARLY_PHASE"))
    return "Early phase " + std::string(phase.substr(11));
  if (phase.starts_with("PHASE"))
    return "Phase " + std::string(phase.substr(5));
  return sentence_case(phase);
}

std::string phases_in_words(const std::vector<std::string>& phases) {
  std::string out;
  for (std::size_t i = 0; i < phases.size(); ++i) {
    std::string words = phase_in_words(phases[i]);
    if (i > 0) {
      out += i + 1 == phases.size() ? " and " : ", ";
      words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
    }
    out += words;
  }
  return out;
}

std::optional<double> age_in_years(std::string_view age) {
  age = trim(age);
  auto space = age.find(' ');
  if (space == std::string_view::npos)
    return std::nullopt;
  double number = 0;
  auto number_text = age.substr(0, space);
  auto [end, ec] =
      std::from_chars(number_text.data(), number_text.data() + number_text.size(), number);
  if (ec != std::errc() || end != number_text.data() + number_text.size())
    return std::nullopt;
  std::string unit = to_lower_ascii(trim(age.substr(space + 1)));
  if (!unit.empty() && unit.back() == 's')
    unit.pop_back();
  if (unit == "year")
    return number;
  if (unit == "month")
    return number / 12;
  if (unit == "week")
    return number * 7 / 365.25;
  if (unit == "day")
    return number / 365.25;
  if (unit == "hour")
    return number / (24 * 365.25);
  if (unit == "minute")
    return number / (60 * 24 * 365.25);
  return std::nullopt;
}

std::string sex_in_words(std::string_view sex) {
  if (sex == "FEMALE")
    return "Women";
  if (sex == "MALE")
    return "Men";
  return "Anyone";
}

std::string ages_in_words(std::string_view minimum_age, std::string_view maximum_age) {
  auto low = age_in_years(minimum_age);
  auto high = age_in_years(maximum_age);
  // CT.gov uses silly upper limits ("130 Years") to mean none.
  if (high && *high >= 100)
    high.reset();
  if (low && *low <= 0)
    low.reset();
  if (low && high)
    return format_years(*low) + " to " + format_years(*high);
  if (low)
    return format_years(*low) + " and over";
  if (high)
    return "Up to " + format_years(*high);
  return "Any age";
}

Criteria split_criteria(std::string_view criteria) {
  std::string lower = to_lower_ascii(criteria);
  auto heading_end = [&](std::size_t at, std::string_view heading) {
    std::size_t end = at + heading.size();
    while (end < lower.size() && (lower[end] == ':' || lower[end] == ' ')) ++end;
    return end;
  };
  // A heading has a colon; "see exclusion criteria" in running text has not.
  auto find_heading = [&](std::string_view heading) {
    std::size_t at = lower.find(std::string(heading) + ":");
    return at == std::string::npos ? lower.find(heading) : at;
  };
  std::size_t excl = find_heading("exclusion criteria");
  std::size_t incl = find_heading("inclusion criteria");
  Criteria out;
  if (excl == std::string::npos) {
    std::size_t from = incl == std::string::npos ? 0 : heading_end(incl, "inclusion criteria");
    out.inclusion = std::string(trim(criteria.substr(from)));
    return out;
  }
  std::size_t from =
      incl != std::string::npos && incl < excl ? heading_end(incl, "inclusion criteria") : 0;
  out.inclusion = std::string(trim(criteria.substr(from, excl - from)));
  out.exclusion = std::string(trim(criteria.substr(heading_end(excl, "exclusion criteria"))));
  return out;
}

}  // namespace cairn::trials
