// Site settings from content/site.yaml: name, donate address, helpline, crisis
// contacts, footer and which trials the finder holds. Kept free of YAML types so other parts need
// no yaml-cpp.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cairn::content {

struct SpecialDay {
  std::string date;  // YYYY-MM-DD
  bool closed = false;
  std::string hours;  // "HH:MM-HH:MM" when not closed
  std::string note;   // "Christmas Eve"
};

struct CrisisContact {
  std::string name, phone, text;
};

struct TrustMark {
  std::string name, description;
};

struct FooterLink {
  std::string title, url;
};

struct SiteSettings {
  std::string name, organisation, donate_url;
  std::string helpline_phone, helpline_timezone;
  std::filesystem::path bank_holidays_file;  // absolute; empty if none given
  // "monday" .. "sunday" -> "HH:MM-HH:MM"; a day not listed is closed.
  std::map<std::string, std::string> helpline_hours;
  std::vector<SpecialDay> special_days;
  std::vector<CrisisContact> crisis;
  std::string supporter_credit;
  // Said at the foot of every information page (e.g. that it is demo content).
  std::string page_note;
  std::vector<TrustMark> trust_marks;
  std::vector<FooterLink> footer_links;
  // trial_scope: "cancer" (the default: cancer trials only) or "all".
  bool cancer_trials_only = true;
};

// Reads content_dir/site.yaml.
Result<SiteSettings> load_site_settings(const std::filesystem::path& content_dir);
// The same from text; file_name is only for messages, paths resolve against content_dir.
Result<SiteSettings> parse_site_settings(std::string_view yaml_text, const std::string& file_name,
                                         const std::filesystem::path& content_dir);

}  // namespace cairn::content
