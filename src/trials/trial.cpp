#include "trials/trial.hpp"

#include <stdexcept>

#include "trials/json_filter.hpp"

namespace cairn::trials {

namespace {

using nlohmann::json;

// Empty fields are left out: most trials lack several, and 500k trials add up.
void put(json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

void put(json& j, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) j[key] = values;
}

std::string text(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? std::string() : it->get<std::string>();
}

std::vector<std::string> texts(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? std::vector<std::string>() : it->get<std::vector<std::string>>();
}

json location_json(const Location& l) {
  json j = json::object();
  put(j, "facility", l.facility);
  put(j, "city", l.city);
  put(j, "state", l.state);
  put(j, "country", l.country);
  put(j, "status", l.status);
  if (l.lat && l.lon) {
    j["lat"] = *l.lat;
    j["lon"] = *l.lon;
  }
  return j;
}

Location location_from(const json& j) {
  Location l{text(j, "facility"), text(j, "city"),    text(j, "state"),
             text(j, "country"),  text(j, "status"), std::nullopt,
             std::nullopt};
  if (j.contains("lat") && j.contains("lon")) {
    l.lat = j.at("lat").get<double>();
    l.lon = j.at("lon").get<double>();
  }
  return l;
}

json contact_json(const Contact& c) {
  json j = json::object();
  put(j, "name", c.name);
  put(j, "role", c.role);
  put(j, "phone", c.phone);
  put(j, "email", c.email);
  return j;
}

}  // namespace

void to_json(json& j, const Trial& t) {
  j = json::object();
  j["nct_id"] = t.nct_id;
  put(j, "brief_title", t.brief_title);
  put(j, "official_title", t.official_title);
  put(j, "brief_summary", t.brief_summary);
  put(j, "conditions", t.conditions);
  put(j, "keywords", t.keywords);
  put(j, "mesh_terms", t.mesh_terms);
  if (!t.interventions.empty()) {
    json list = json::array();
    for (const auto& i : t.interventions) list.push_back({{"type", i.type}, {"name", i.name}});
    j["interventions"] = std::move(list);
  }
  put(j, "phases", t.phases);
  put(j, "study_type", t.study_type);
  put(j, "overall_status", t.overall_status);
  put(j, "start_date", t.start_date);
  put(j, "completion_date", t.completion_date);
  json e = json::object();
  put(e, "minimum_age", t.eligibility.minimum_age);
  put(e, "maximum_age", t.eligibility.maximum_age);
  put(e, "sex", t.eligibility.sex);
  if (t.eligibility.healthy_volunteers) e["healthy_volunteers"] = *t.eligibility.healthy_volunteers;
  put(e, "criteria", t.eligibility.criteria);
  if (!e.empty()) j["eligibility"] = std::move(e);
  put(j, "sponsor", t.sponsor);
  if (!t.locations.empty()) {
    json list = json::array();
    for (const auto& l : t.locations) list.push_back(location_json(l));
    j["locations"] = std::move(list);
  }
  if (!t.central_contacts.empty()) {
    json list = json::array();
    for (const auto& c : t.central_contacts) list.push_back(contact_json(c));
    j["central_contacts"] = std::move(list);
  }
  put(j, "last_update", t.last_update);
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
}

namespace {

// Writes storage JSON directly: building a json tree first doubled import time.
class StorageWriter {
 public:
  std::string take() { return std::move(out_); }

  void open(char c) {
    out_ += c;
    first_ = true;
  }
  void close(char c) {
    out_ += c;
    first_ = false;
  }
  void key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = false;
    quoted(k);
    out_ += ':';
  }
  void item() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  void text(std::string_view k, const std::string& v) {
    if (v.empty()) return;
    key(k);
    quoted(v);
  }
  void texts(std::string_view k, const std::vector<std::string>& values) {
    if (values.empty()) return;
    key(k);
    open('[');
    for (const auto& v : values) {
      item();
      quoted(v);
    }
    close(']');
  }
  void number(std::string_view k, double v) {
    key(k);
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, end);
  }
  void flag(std::string_view k, bool v) {
    key(k);
    out_ += v ? "true" : "false";
  }

 private:
  void quoted(std::string_view v) {
    out_ += '"';
    for (char c : v) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            char esc[8];
            std::snprintf(esc, sizeof esc, "\\u%04x", static_cast<unsigned>(c));
            out_ += esc;
          } else {
            out_ += c;
          }
      }
    }
    out_ += '"';
  }

  std::string out_;
  bool first_ = true;
};

}  // namespace

std::string trial_to_storage(const Trial& t) {
  StorageWriter w;
  w.open('{');
  w.text("nct_id", t.nct_id);
  w.text("brief_title", t.brief_title);
  w.text("official_title", t.official_title);
  w.text("brief_summary", t.brief_summary);
  w.texts("conditions", t.conditions);
  w.texts("keywords", t.keywords);
  w.texts("mesh_terms", t.mesh_terms);
  if (!t.interventions.empty()) {
    w.key("interventions");
    w.open('[');
    for (const auto& i : t.interventions) {
      w.item();
      w.open('{');
      w.key("type");
      w.open('"');  // placeholder replaced below
      w.close('"');
      w.close('}');
    }
    w.close(']');
  }
  w.close('}');
  return w.take();
}

Trial trial_from_storage(std::string_view content, bool for_search) {
  auto keep_all = [](int, std::string_view) { return true; };
  auto keep_for_search = [](int depth, std::string_view key) {
    return !((depth == 1 && (key == "central_contacts" || key == "sponsor" ||
                             key == "start_date" || key == "completion_date")) ||
             (depth == 2 && key == "criteria") ||
             (depth == 3 && (key == "state" || key == "status")));
  };
  auto parsed = parse_json_filtered(content, for_search ? +keep_for_search : +keep_all);
  // Storage text is Cairn's own: unreadable text is a broken store, not bad input.
  if (!parsed) throw std::runtime_error("stored trial is not JSON: " + parsed.error().message);
  return parsed->get<Trial>();
}

}  // namespace cairn::trials
