// A clinical trial as Cairn keeps it: the fields of a ClinicalTrials.gov v2 study
// record that people use to find and join a trial, and its storage JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cairn::trials {

struct Location {
  std::string facility;
  std::string city;
  std::string state;
  std::string country;
  std::string status;  // CT.gov recruitment status of this site, often empty
  std::optional<double> lat;
  std::optional<double> lon;
  // lat/lon are the town's, not the site's (SiteLocator): distances are rough.
  // Never stored.
  bool placed_at_town = false;
  bool operator==(const Location&) const = default;
};

struct Contact {
  std::string name;
  std::string role;
  std::string phone;
  std::string email;
  bool operator==(const Contact&) const = default;
};

struct Intervention {
  std::string type;  // "DRUG", "RADIATION", ...
  std::string name;
  bool operator==(const Intervention&) const = default;
};

struct Eligibility {
  std::string minimum_age;  // as published: "18 Years", "6 Months"; empty if none
  std::string maximum_age;
  std::string sex;  // "ALL", "FEMALE", "MALE"; empty if not given
  std::optional<bool> healthy_volunteers;
  std::string criteria;  // inclusion and exclusion text as written
  bool operator==(const Eligibility&) const = default;
};

struct Trial {
  std::string nct_id;
  std::string brief_title;
  std::string official_title;
  std::string brief_summary;
  std::vector<std::string> conditions;
  std::vector<std::string> keywords;
  std::vector<std::string> mesh_terms;  // derivedSection.conditionBrowseModule.meshes
  std::vector<Intervention> interventions;
  std::vector<std::string> phases;  // CT.gov codes: "EARLY_PHASE1", "PHASE2", "NA"
  std::string study_type;           // "INTERVENTIONAL", "OBSERVATIONAL", ...
  std::string overall_status;       // "RECRUITING", "COMPLETED", ...
  std::string start_date;           // "2023-05" or "2023-05-01", as published
  std::string completion_date;
  Eligibility eligibility;
  std::string sponsor;
  std::vector<Location> locations;
  std::vector<Contact> central_contacts;
  std::string last_update;      // lastUpdatePostDateStruct.date
  std::string status_verified;  // statusVerifiedDate: when the team last confirmed the status

  // The title to show: the brief one, else the official one.
  const std::string& title() const { return brief_title.empty() ? official_title : brief_title; }
  bool operator==(const Trial&) const = default;
};

// Storage JSON (snake_case keys, empty fields left out). The same trial always
// gives the same text, so its hash tells a changed trial from an unchanged one.
void to_json(nlohmann::json& j, const Trial& trial);
// Reads storage JSON; throws nlohmann::json::exception on text Cairn did not write.
void from_json(const nlohmann::json& j, Trial& trial);
std::string trial_to_storage(const Trial& trial);
// `for_search` leaves out what the finder never reads (criteria, contacts,
// sponsor, dates), which halves the work of loading half a million trials.
Trial trial_from_storage(std::string_view content, bool for_search = false);

}  // namespace cairn::trials
