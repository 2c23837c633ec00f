#include "trials/record_parser.hpp"

#include "trials/json_filter.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <unordered_set>

namespace cairn::trials {

namespace {

using nlohmann::json;

bool all_of(std::string_view s, int (*test)(int)) {
  for (unsigned char c : s) {
    if (!test(c))
      return false;
  }
  return true;
}

bool is_nct_id(std::string_view id) {
  return id.size() == 11 && id.substr(0, 3) == "NCT" && all_of(id.substr(3), std::isdigit);
}

// CT.gov writes "2023", "2023-05" or "2023-05-01".
bool is_date(std::string_view d) {
  auto digits = [&](std::size_t at, std::size_t n) {
    return d.size() >= at + n && all_of(d.substr(at, n), std::isdigit);
  };
  if (d.size() == 4)
    return digits(0, 4);
  if (d.size() == 7)
    return digits(0, 4) && d[4] == '-' && digits(5, 2);
  if (d.size() == 10)
    return digits(0, 4) && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2);
  return false;
}

// "18 Years", "6 Months", "1.5 Years": a number, a space and a unit.
bool is_age(std::string_view a) {
  auto space = a.find(' ');
  if (space == std::string_view::npos || space == 0)
    return false;
  auto number = a.substr(0, space);
  if (!all_of(number, [](int c) { return std::isdigit(c) || c == '.' ? 1 : 0; }))
    return false;
  auto unit = a.substr(space + 1);
  if (!unit.empty() && unit.back() == 's')
    unit.remove_suffix(1);
  return unit == "Year" || unit == "Month" || unit == "Week" || unit == "Day" || unit == "Hour" ||
         unit == "Minute";
}

bool is_code(std::string_view s) {
  return !s.empty() &&
         all_of(s, [](int c) { return std::isupper(c) || std::isdigit(c) || c == '_' ? 1 : 0; });
}

// Reads fields by path and keeps the first problem, so one record gives one reason.
class FieldReader {
 public:
  const std::string& problem() const { return problem_; }
  void fail(std::string message) {
    if (problem_.empty())
      problem_ = std::move(message);
  }

  const json* object(const json* parent, const char* key, std::string_view path) {
    const json* v = find(parent, key);
    if (v != nullptr && !v->is_object()) {
      fail(std::string(path) + "." + key + " is not an object");
      return nullptr;
    }
    return v;
  }

  const json* array(const json* parent, const char* key, std::string_view path) {
    const json* v = find(parent, key);
    if (v != nullptr && !v->is_array()) {
      fail(std::string(path) + "." + key + " is not a list");
      return nullptr;
    }
    return v;
  }

  std::string text(const json* parent, const char* key, std::string_view path) {
    return scalar<std::string>(parent, key, path, &json::is_string, " is not text")
        .value_or(std::string());
  }

  std::vector<std::string> texts(const json* parent, const char* key, std::string_view path) {
    std::vector<std::string> out;
    const json* list = array(parent, key, path);
    if (list == nullptr)
      return out;
    for (const auto& v : *list) {
      if (!v.is_string()) {
        fail(std::string(path) + "." + key + " is not a list of text");
        return {};
      }
      out.push_back(v.get<std::string>());
    }
    return out;
  }

  std::optional<bool> flag(const json* parent, const char* key, std::string_view path) {
    return scalar<bool>(parent, key, path, &json::is_boolean, " is not true or false");
  }

  std::optional<double> number(const json* parent, const char* key, std::string_view path) {
    return scalar<double>(parent, key, path, &json::is_number, " is not a number");
  }

 private:
  // A field of one JSON kind; nullopt when absent, or wrong (which is a problem).
  template <typename T>
  std::optional<T> scalar(const json* parent, const char* key, std::string_view path,
                          bool (json::*is_kind)() const noexcept, const char* problem) {
    const json* v = find(parent, key);
    if (v == nullptr)
      return std::nullopt;
    if (!(v->*is_kind)()) {
      fail(std::string(path) + "." + key + problem);
      return std::nullopt;
    }
    return v->get<T>();
  }
  static const json* find(const json* parent, const char* key) {
    if (parent == nullptr)
      return nullptr;
    auto it = parent->find(key);
    return it == parent->end() || it->is_null() ? nullptr : &*it;
  }
  std::string problem_;
};

std::string item_path(std::string_view list_path, std::size_t i) {
  return std::string(list_path) + "[" + std::to_string(i) + "]";
}

// Calls each(item, path) for the items of a list of objects. Stops at the first
// item that is not an object, or when each returns false.
template <typename Each>
void each_object(FieldReader& r, const json* list, std::string_view list_path, Each each) {
  if (list == nullptr)
    return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    std::string path = item_path(list_path, i);
    if (!item.is_object()) {
      r.fail(path + " is not an object");
      return;
    }
    if (!each(item, path))
      return;
  }
}

void read_locations(FieldReader& r, const json* module, Trial& t) {
  constexpr std::string_view kPath = "protocolSection.contactsLocationsModule.locations";
  const json* list = r.array(module, "locations", "protocolSection.contactsLocationsModule");
  each_object(r, list, kPath, [&](const json& item, const std::string& path) {
    Location l;
    l.facility = r.text(&item, "facility", path);
    l.city = r.text(&item, "city", path);
    l.state = r.text(&item, "state", path);
    l.country = r.text(&item, "country", path);
    l.status = r.text(&item, "status", path);
    if (const json* geo = r.object(&item, "geoPoint", path)) {
      std::string geo_path = path + ".geoPoint";
      auto lat = r.number(geo, "lat", geo_path);
      auto lon = r.number(geo, "lon", geo_path);
      if (lat && lon) {
        if (std::fabs(*lat) > 90 || std::fabs(*lon) > 180) {
          r.fail(geo_path + " is not a place on Earth");
          return false;
        }
        l.lat = lat;
        l.lon = lon;
      }
    }
    t.locations.push_back(std::move(l));
    return true;
  });
}

void read_contacts(FieldReader& r, const json* module, Trial& t) {
  constexpr std::string_view kPath = "protocolSection.contactsLocationsModule.centralContacts";
  const json* list = r.array(module, "centralContacts", "protocolSection.contactsLocationsModule");
  each_object(r, list, kPath, [&](const json& item, const std::string& path) {
    Contact c{r.text(&item, "name", path), r.text(&item, "role", path),
              r.text(&item, "phone", path), r.text(&item, "email", path)};
    std::string ext = r.text(&item, "phoneExt", path);
    if (!ext.empty())
      c.phone += " ext. " + ext;
    t.central_contacts.push_back(std::move(c));
    return true;
  });
}

void read_interventions(FieldReader& r, const json* module, Trial& t) {
  constexpr std::string_view kPath = "protocolSection.armsInterventionsModule.interventions";
  const json* list = r.array(module, "interventions", "protocolSection.armsInterventionsModule");
  each_object(r, list, kPath, [&](const json& item, const std::string& path) {
    t.interventions.push_back({r.text(&item, "type", path), r.text(&item, "name", path)});
    return true;
  });
}

void read_mesh_terms(FieldReader& r, const json& record, Trial& t) {
  const json* derived = r.object(&record, "derivedSection", "record");
  const json* browse = r.object(derived, "conditionBrowseModule", "derivedSection");
  const json* meshes = r.array(browse, "meshes", "derivedSection.conditionBrowseModule");
  each_object(r, meshes, "derivedSection.conditionBrowseModule.meshes",
              [&](const json& item, const std::string& path) {
                std::string term = r.text(&item, "term", path);
                if (!term.empty())
                  t.mesh_terms.push_back(std::move(term));
                return true;
              });
}

// MeSH ids are written "D009369" in older records and "D000009369" in newer ones.
bool is_neoplasms_id(std::string_view id) {
  if (id.empty() || id[0] != 'D')
    return false;
  id.remove_prefix(1);
  while (id.size() > 4 && id[0] == '0') id.remove_prefix(1);
  return id == "9369";
}

void read_registry_class(FieldReader& r, const json& record, RegistryClass& out) {
  constexpr std::string_view kB = "derivedSection.conditionBrowseModule";
  const json* derived = r.object(&record, "derivedSection", "record");
  const json* browse = r.object(derived, "conditionBrowseModule", "derivedSection");
  auto scan = [&](const char* list_key, const char* id_key, auto is_neoplasm) {
    const json* list = r.array(browse, list_key, kB);
    each_object(r, list, std::string(kB) + "." + list_key,
                [&](const json& item, const std::string& path) {
                  out.classified = true;
                  if (is_neoplasm(r.text(&item, id_key, path)))
                    out.neoplasm = true;
                  return true;
                });
  };
  scan("meshes", "id", is_neoplasms_id);
  scan("ancestors", "id", is_neoplasms_id);
  scan("browseBranches", "abbrev", [](std::string_view abbrev) { return abbrev == "BC04"; });
}

// Every key on the path to a field parse_record reads.
constexpr std::array<std::string_view, 55> kKeptKeys = {"abbrev",
                                                        "ancestors",
                                                        "armsInterventionsModule",
                                                        "briefSummary",
                                                        "briefTitle",
                                                        "browseBranches",
                                                        "centralContacts",
                                                        "city",
                                                        "completionDateStruct",
                                                        "conditionBrowseModule",
                                                        "conditions",
                                                        "conditionsModule",
                                                        "contactsLocationsModule",
                                                        "country",
                                                        "date",
                                                        "derivedSection",
                                                        "descriptionModule",
                                                        "designModule",
                                                        "eligibilityCriteria",
                                                        "eligibilityModule",
                                                        "email",
                                                        "facility",
                                                        "geoPoint",
                                                        "healthyVolunteers",
                                                        "id",
                                                        "identificationModule",
                                                        "interventions",
                                                        "keywords",
                                                        "lastUpdatePostDateStruct",
                                                        "lat",
                                                        "leadSponsor",
                                                        "locations",
                                                        "lon",
                                                        "maximumAge",
                                                        "meshes",
                                                        "minimumAge",
                                                        "name",
                                                        "nctId",
                                                        "officialTitle",
                                                        "overallStatus",
                                                        "phases",
                                                        "phone",
                                                        "phoneExt",
                                                        "protocolSection",
                                                        "role",
                                                        "sex",
                                                        "sponsorCollaboratorsModule",
                                                        "startDateStruct",
                                                        "state",
                                                        "status",
                                                        "statusModule",
                                                        "statusVerifiedDate",
                                                        "studyType",
                                                        "term",
                                                        "type"};

bool is_kept_key(std::string_view key) {
  static const std::unordered_set<std::string_view> kKept(kKeptKeys.begin(), kKeptKeys.end());
  return kKept.contains(key);
}

}  // namespace

Result<ParsedRecord> parse_study(const json& record) {
  if (!record.is_object())
    return make_error(Errc::invalid_input, "record is not a JSON object");
  FieldReader r;
  const json* protocol = r.object(&record, "protocolSection", "record");
  if (protocol == nullptr) {
    return make_error(Errc::invalid_input,
                      r.problem().empty() ? "missing protocolSection" : r.problem());
  }
  constexpr std::string_view kP = "protocolSection";
  const json* ident = r.object(protocol, "identificationModule", kP);
  Trial t;
  t.nct_id = r.text(ident, "nctId", "protocolSection.identificationModule");
  if (r.problem().empty() && t.nct_id.empty()) {
    r.fail("missing protocolSection.identificationModule.nctId");
  }
  if (r.problem().empty() && !is_nct_id(t.nct_id)) {
    r.fail("bad NCT id '" + t.nct_id + "' (expected NCT and 8 digits)");
  }
  t.brief_title = r.text(ident, "briefTitle", "protocolSection.identificationModule");
  t.official_title = r.text(ident, "officialTitle", "protocolSection.identificationModule");
  if (t.brief_title.empty() && t.official_title.empty()) {
    r.fail("missing protocolSection.identificationModule.briefTitle");
  }

  const json* status = r.object(protocol, "statusModule", kP);
  constexpr std::string_view kS = "protocolSection.statusModule";
  t.overall_status = r.text(status, "overallStatus", kS);
  if (t.overall_status.empty()) {
    r.fail("missing protocolSection.statusModule.overallStatus");
  } else if (!is_code(t.overall_status)) {
    r.fail("bad overall status '" + t.overall_status + "'");
  }
  auto date_of = [&](const char* key) {
    const json* dated = r.object(status, key, kS);
    std::string date = r.text(dated, "date", std::string(kS) + "." + key);
    if (!date.empty() && !is_date(date)) {
      r.fail("bad date '" + date + "' in " + std::string(kS) + "." + key);
    }
    return date;
  };
  t.start_date = date_of("startDateStruct");
  t.completion_date = date_of("completionDateStruct");
  t.last_update = date_of("lastUpdatePostDateStruct");
  t.status_verified = r.text(status, "statusVerifiedDate", kS);
  if (!t.status_verified.empty() && !is_date(t.status_verified)) {
    r.fail("bad date '" + t.status_verified + "' in " + std::string(kS) + ".statusVerifiedDate");
  }

  const json* sponsors = r.object(protocol, "sponsorCollaboratorsModule", kP);
  t.sponsor =
      r.text(r.object(sponsors, "leadSponsor", "protocolSection.sponsorCollaboratorsModule"),
             "name", "protocolSection.sponsorCollaboratorsModule.leadSponsor");

  const json* description = r.object(protocol, "descriptionModule", kP);
  t.brief_summary = r.text(description, "briefSummary", "protocolSection.descriptionModule");

  const json* conditions = r.object(protocol, "conditionsModule", kP);
  t.conditions = r.texts(conditions, "conditions", "protocolSection.conditionsModule");
  t.keywords = r.texts(conditions, "keywords", "protocolSection.conditionsModule");

  const json* design = r.object(protocol, "designModule", kP);
  t.study_type = r.text(design, "studyType", "protocolSection.designModule");
  t.phases = r.texts(design, "phases", "protocolSection.designModule");
  for (const auto& phase : t.phases) {
    if (!is_code(phase))
      r.fail("bad phase '" + phase + "'");
  }

  read_interventions(r, r.object(protocol, "armsInterventionsModule", kP), t);

  const json* eligibility = r.object(protocol, "eligibilityModule", kP);
  constexpr std::string_view kE = "protocolSection.eligibilityModule";
  auto& e = t.eligibility;
  e.criteria = r.text(eligibility, "eligibilityCriteria", kE);
  e.healthy_volunteers = r.flag(eligibility, "healthyVolunteers", kE);
  e.sex = r.text(eligibility, "sex", kE);
  if (!e.sex.empty() && e.sex != "ALL" && e.sex != "FEMALE" && e.sex != "MALE") {
    r.fail("bad sex '" + e.sex + "' (expected ALL, FEMALE or MALE)");
  }
  e.minimum_age = r.text(eligibility, "minimumAge", kE);
  e.maximum_age = r.text(eligibility, "maximumAge", kE);
  for (const auto* age : {&e.minimum_age, &e.maximum_age}) {
    if (!age->empty() && !is_age(*age))
      r.fail("bad age '" + *age + "' (expected e.g. '18 Years')");
  }

  const json* contacts = r.object(protocol, "contactsLocationsModule", kP);
  read_contacts(r, contacts, t);
  read_locations(r, contacts, t);
  read_mesh_terms(r, record, t);
  RegistryClass registry;
  read_registry_class(r, record, registry);

  if (!r.problem().empty())
    return make_error(Errc::invalid_input, r.problem());
  return ParsedRecord{std::move(t), registry};
}

Result<ParsedRecord> parse_study_text(std::string_view text) {
  // Only the fields Cairn keeps are built; results, outcomes, arms and the rest
  // are checked for syntax and skipped, which makes a record several times cheaper.
  auto record =
      parse_json_filtered(text, [](int, std::string_view key) { return is_kept_key(key); });
  if (!record)
    return record.error();
  return parse_study(*record);
}

Result<Trial> parse_record(const json& record) {
  auto parsed = parse_study(record);
  if (!parsed)
    return parsed.error();
  return std::move(parsed->trial);
}

Result<Trial> parse_record_text(std::string_view text) {
  auto parsed = parse_study_text(text);
  if (!parsed)
    return parsed.error();
  return std::move(parsed->trial);
}

}  // namespace cairn::trials
