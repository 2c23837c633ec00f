#include "trials/trial.hpp"

#include <charconv>
#include <cstdio>
#include <stdexcept>

#include "trials/json_filter.hpp"
#include "trials/json_scan.hpp"

namespace cairn::trials {

namespace {

using nlohmann::json;

std::string text(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? std::string() : it->get<std::string>();
}

std::vector<std::string> texts(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? std::vector<std::string>() : it->get<std::vector<std::string>>();
}

Location location_from(const json& j) {
  Location l{text(j, "facility"), text(j, "city"), text(j, "state"), text(j, "country"),
             text(j, "status"),   std::nullopt,    std::nullopt};
  if (j.contains("lat") && j.contains("lon")) {
    l.lat = j.at("lat").get<double>();
    l.lon = j.at("lon").get<double>();
  }
  return l;
}

// Writes storage JSON straight into a string: building a json tree first and
// dumping it cost as much as reading the record. Empty fields are left out:
// most trials lack several, and 500k trials add up.
class StorageWriter {
 public:
  std::string take() { return std::move(out_); }

  void begin(char bracket) {
    out_ += bracket;
    first_ = true;
  }
  void end(char bracket) {
    out_ += bracket;
    first_ = false;
  }
  void key(std::string_view name) {
    separate();
    quoted(name);
    out_ += ':';
  }
  void item() { separate(); }

  void text(std::string_view name, const std::string& value) {
    if (value.empty())
      return;
    key(name);
    quoted(value);
  }
  void texts(std::string_view name, const std::vector<std::string>& values) {
    if (values.empty())
      return;
    key(name);
    begin('[');
    for (const auto& v : values) {
      item();
      quoted(v);
    }
    end(']');
  }
  void number(std::string_view name, double value) {
    key(name);
    char buf[32];
    auto [last, ec] = std::to_chars(buf, buf + sizeof buf, value);
    out_.append(buf, last);
  }
  void flag(std::string_view name, bool value) {
    key(name);
    out_ += value ? "true" : "false";
  }
  // A list of objects, each filled by write(w, item); an empty list is left out.
  template <typename Items, typename Write>
  void objects(std::string_view name, const Items& items, Write write) {
    if (items.empty())
      return;
    key(name);
    begin('[');
    for (const auto& i : items) {
      item();
      begin('{');
      write(*this, i);
      end('}');
    }
    end(']');
  }

 private:
  void separate() {
    if (!first_)
      out_ += ',';
    first_ = false;
  }
  // Runs of plain characters are copied whole: criteria and summaries are kilobytes long.
  void quoted(std::string_view value) {
    out_ += '"';
    std::size_t from = 0;
    for (std::size_t i; (i = find_json_special(value, from)) < value.size();) {
      auto c = static_cast<unsigned char>(value[i]);
      out_.append(value.data() + from, i - from);
      from = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default: {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out_ += escaped;
        }
      }
    }
    out_.append(value.data() + from, value.size() - from);
    out_ += '"';
  }

  std::string out_;
  bool first_ = true;
};

}  // namespace

void to_json(json& j, const Trial& trial) {
  j = json::parse(trial_to_storage(trial));
}

void from_json(const json& j, Trial& t) {
  t = Trial{};
  t.nct_id = j.at("nct_id").get<std::string>();
  t.brief_title = text(j, "brief_title");
  t.official_title = text(j, "official_title");
  t.brief_summary = text(j, "brief_summary");
  t.conditions = texts(j, "conditions");
  t.keywords = texts(j, "keywords");
  t.mesh_terms = texts(j, "mesh_terms");
  if (auto it = j.find("interventions"); it != j.end()) {
    for (const auto& i : *it) t.interventions.push_back({text(i, "type"), text(i, "name")});
  }
  t.phases = texts(j, "phases");
  t.study_type = text(j, "study_type");
  t.overall_status = text(j, "overall_status");
  t.start_date = text(j, "start_date");
  t.completion_date = text(j, "completion_date");
  if (auto it = j.find("eligibility"); it != j.end()) {
    t.eligibility.minimum_age = text(*it, "minimum_age");
    t.eligibility.maximum_age = text(*it, "maximum_age");
    t.eligibility.sex = text(*it, "sex");
    if (it->contains("healthy_volunteers")) {
      t.eligibility.healthy_volunteers = it->at("healthy_volunteers").get<bool>();
    }
    t.eligibility.criteria = text(*it, "criteria");
  }
  t.sponsor = text(j, "sponsor");
  if (auto it = j.find("locations"); it != j.end()) {
    for (const auto& l : *it) t.locations.push_back(location_from(l));
  }
  if (auto it = j.find("central_contacts"); it != j.end()) {
    for (const auto& c : *it) {
      t.central_contacts.push_back(
          {text(c, "name"), text(c, "role"), text(c, "phone"), text(c, "email")});
    }
  }
  t.last_update = text(j, "last_update");
  t.status_verified = text(j, "status_verified");
}

std::string trial_to_storage(const Trial& t) {
  StorageWriter w;
  w.begin('{');
  w.text("nct_id", t.nct_id);
  w.text("brief_title", t.brief_title);
  w.text("official_title", t.official_title);
  w.text("brief_summary", t.brief_summary);
  w.texts("conditions", t.conditions);
  w.texts("keywords", t.keywords);
  w.texts("mesh_terms", t.mesh_terms);
  w.objects("interventions", t.interventions, [](StorageWriter& o, const Intervention& i) {
    o.text("type", i.type);
    o.text("name", i.name);
  });
  w.texts("phases", t.phases);
  w.text("study_type", t.study_type);
  w.text("overall_status", t.overall_status);
  w.text("start_date", t.start_date);
  w.text("completion_date", t.completion_date);
  const auto& e = t.eligibility;
  if (!e.minimum_age.empty() || !e.maximum_age.empty() || !e.sex.empty() || e.healthy_volunteers ||
      !e.criteria.empty()) {
    w.key("eligibility");
    w.begin('{');
    w.text("minimum_age", e.minimum_age);
    w.text("maximum_age", e.maximum_age);
    w.text("sex", e.sex);
    if (e.healthy_volunteers)
      w.flag("healthy_volunteers", *e.healthy_volunteers);
    w.text("criteria", e.criteria);
    w.end('}');
  }
  w.text("sponsor", t.sponsor);
  w.objects("locations", t.locations, [](StorageWriter& o, const Location& l) {
    o.text("facility", l.facility);
    o.text("city", l.city);
    o.text("state", l.state);
    o.text("country", l.country);
    o.text("status", l.status);
    if (l.lat && l.lon) {
      o.number("lat", *l.lat);
      o.number("lon", *l.lon);
    }
  });
  w.objects("central_contacts", t.central_contacts, [](StorageWriter& o, const Contact& c) {
    o.text("name", c.name);
    o.text("role", c.role);
    o.text("phone", c.phone);
    o.text("email", c.email);
  });
  w.text("last_update", t.last_update);
  w.text("status_verified", t.status_verified);
  w.end('}');
  return w.take();
}

Trial trial_from_storage(std::string_view content, bool for_search) {
  auto keep_all = [](int, std::string_view) { return true; };
  auto keep_for_search = [](int depth, std::string_view key) {
    return !((depth == 1 && (key == "central_contacts" || key == "sponsor" || key == "start_date" ||
                             key == "completion_date" || key == "status_verified")) ||
             (depth == 2 && key == "criteria") ||
             (depth == 3 && (key == "state" || key == "status")));
  };
  auto parsed = parse_json_filtered(content, for_search ? +keep_for_search : +keep_all);
  // Storage text is Cairn's own: unreadable text is a broken store, not bad input.
  if (!parsed)
    throw std::runtime_error("stored trial is not JSON: " + parsed.error().message);
  return parsed->get<Trial>();
}

}  // namespace cairn::trials
