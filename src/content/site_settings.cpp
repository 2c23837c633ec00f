#include "content/site_settings.hpp"

#include <array>
#include <system_error>

#include "content/field_checks.hpp"
#include "content/yaml_fields.hpp"

namespace cairn::content {

namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// "HH:MM" -> minutes after midnight, or -1.
int minutes(std::string_view hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':')
    return -1;
  for (size_t i : {0, 1, 3, 4}) {
    if (hhmm[i] < '0' || hhmm[i] > '9')
      return -1;
  }
  int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
  int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
  return h < 24 && m < 60 ? h * 60 + m : -1;
}

// "09:00-17:00": both times real, opening before closing.
bool is_opening_hours(std::string_view text) {
  if (text.size() != 11 || text[5] != '-')
    return false;
  int open = minutes(text.substr(0, 5)), close = minutes(text.substr(6));
  return open >= 0 && close > open;
}

std::optional<std::string> hours_field(const YAML::Node& map, const std::string& key,
                                       ProblemList& problems) {
  auto value = text_field(map, key, true, problems);
  if (value && !is_opening_hours(*value)) {
    problems.add(map[key],
                 "'" + key + "' must be opening hours like \"09:00-17:00\", not '" + *value + "'");
    return std::nullopt;
  }
  return value;
}

// Links shown on the site: web addresses or our own paths.
bool is_site_link(std::string_view url) {
  return is_web_address(url) || (url.size() >= 1 && url[0] == '/' && url.substr(0, 2) != "//");
}

void read_helpline(const YAML::Node& root, const std::filesystem::path& content_dir,
                   SiteSettings& out, ProblemList& problems) {
  const YAML::Node helpline = root["helpline"];
  if (!helpline.IsDefined() || helpline.IsNull()) {
    problems.add(root, "missing required key 'helpline' (phone, timezone, hours)");
    return;
  }
  if (!expect_map(helpline, "'helpline'", problems))
    return;
  check_keys(helpline, {"phone", "timezone", "bank_holidays", "hours", "special_days"}, problems);
  out.helpline_phone = text_field(helpline, "phone", true, problems).value_or("");
  out.helpline_timezone = text_field(helpline, "timezone", true, problems).value_or("");
  if (auto file = text_field(helpline, "bank_holidays", false, problems)) {
    std::error_code ec;
    auto resolved = std::filesystem::absolute(content_dir / *file, ec).lexically_normal();
    if (ec || !std::filesystem::is_regular_file(resolved, ec)) {
      problems.add(helpline["bank_holidays"],
                   "bank holidays file '" + *file + "' not found (it is relative to content/)");
    } else {
      out.bank_holidays_file = resolved;
    }
  }
  const YAML::Node hours = helpline["hours"];
  if (hours.IsDefined() && !hours.IsNull() && expect_map(hours, "'hours'", problems)) {
    check_keys(hours,
               {kWeekdays[0], kWeekdays[1], kWeekdays[2], kWeekdays[3], kWeekdays[4], kWeekdays[5],
                kWeekdays[6]},
               problems);
    for (auto day : kWeekdays) {
      const std::string key(day);
      if (!hours[key].IsDefined())
        continue;
      if (auto h = hours_field(hours, key, problems))
        out.helpline_hours[key] = *h;
    }
  }
  for (const auto& item : map_list_field(helpline, "special_days", "a special day", problems)) {
    check_keys(item, {"date", "hours", "closed", "note"}, problems);
    SpecialDay day;
    day.date = date_field(item, "date", true, problems).value_or("");
    day.note = text_field(item, "note", false, problems).value_or("");
    const bool has_hours = item["hours"].IsDefined();
    const YAML::Node closed = item["closed"];
    bool is_closed = false;
    if (closed.IsDefined()) {
      if (!closed.IsScalar() || (closed.Scalar() != "true" && closed.Scalar() != "false")) {
        problems.add(closed, "'closed' must be true or false");
      } else {
        is_closed = closed.Scalar() == "true";
      }
    }
    if (has_hours == is_closed) {
      problems.add(item, "a special day needs either 'hours: \"HH:MM-HH:MM\"' or 'closed: true'");
      continue;
    }
    day.closed = is_closed;
    if (has_hours)
      day.hours = hours_field(item, "hours", problems).value_or("");
    out.special_days.push_back(std::move(day));
  }
}

}  // namespace

Result<SiteSettings> parse_site_settings(std::string_view yaml_text, const std::string& file_name,
                                         const std::filesystem::path& content_dir) {
  ProblemList problems(file_name, 1);
  SiteSettings out;
  auto root = parse_yaml(yaml_text, problems);
  if (root && expect_map(*root, "site settings", problems)) {
    const YAML::Node& r = *root;
    check_keys(r,
               {"name", "organisation", "donate_url", "helpline", "crisis", "supporter_credit",
                "page_note", "trust_marks", "footer_links", "trial_scope"},
               problems);
    out.name = text_field(r, "name", true, problems).value_or("");
    out.organisation = text_field(r, "organisation", true, problems).value_or("");
    if (auto url = text_field(r, "donate_url", true, problems)) {
      if (is_web_address(*url)) {
        out.donate_url = *url;
      } else {
        problems.add(r["donate_url"], "'donate_url' must start with https:// or http://");
      }
    }
    read_helpline(r, content_dir, out, problems);
    for (const auto& item : map_list_field(r, "crisis", "a crisis contact", problems)) {
      check_keys(item, {"name", "phone", "text"}, problems);
      CrisisContact c;
      c.name = text_field(item, "name", true, problems).value_or("");
      c.phone = text_field(item, "phone", true, problems).value_or("");
      c.text = text_field(item, "text", false, problems).value_or("");
      out.crisis.push_back(std::move(c));
    }
    out.supporter_credit = text_field(r, "supporter_credit", false, problems).value_or("");
    out.page_note = text_field(r, "page_note", false, problems).value_or("");
    for (const auto& item : map_list_field(r, "trust_marks", "a trust mark", problems)) {
      check_keys(item, {"name", "description"}, problems);
      TrustMark t;
      t.name = text_field(item, "name", true, problems).value_or("");
      t.description = text_field(item, "description", false, problems).value_or("");
      out.trust_marks.push_back(std::move(t));
    }
    for (const auto& item : map_list_field(r, "footer_links", "a footer link", problems)) {
      check_keys(item, {"title", "url"}, problems);
      FooterLink link;
      link.title = text_field(item, "title", true, problems).value_or("");
      link.url = text_field(item, "url", true, problems).value_or("");
      if (!link.url.empty() && !is_site_link(link.url)) {
        problems.add(item["url"], "footer link '" + link.url +
                                      "' must be a path starting with '/' or an http(s) address");
      }
      out.footer_links.push_back(std::move(link));
    }
    if (auto scope = text_field(r, "trial_scope", false, problems)) {
      if (*scope == "cancer" || *scope == "all") {
        out.cancer_trials_only = *scope == "cancer";
      } else {
        problems.add(r["trial_scope"], "'trial_scope' must be cancer or all, not '" + *scope + "'");
      }
    }
  }
  if (!problems.empty())
    return make_error(Errc::invalid_input, problems.joined());
  return out;
}

Result<SiteSettings> load_site_settings(const std::filesystem::path& content_dir) {
  const auto file = content_dir / "site.yaml";
  const std::string name = folder_label(content_dir) + "/site.yaml";
  auto text = read_text_file(file);
  if (!text)
    return make_error(Errc::not_found, name + ": cannot be read");
  return parse_site_settings(*text, name, content_dir);
}

}  // namespace cairn::content
