// Everything `cairn serve` reads from content/ at start-up besides the pages:
// site settings, glossary and the helpline schedule, checked together.
#pragma once

#include <filesystem>

#include "content/glossary.hpp"
#include "content/site_settings.hpp"
#include "core/result.hpp"
#include "helpline/schedule.hpp"

namespace cairn::app {

struct SiteConfig {
  content::SiteSettings settings;
  content::Glossary glossary;
  helpline::HelplineSchedule helpline;
};

Result<SiteConfig> load_site_config(const std::filesystem::path& content_dir);

// Addresses served by code rather than content pages; links to them are valid.
const std::vector<std::string>& app_paths();

}  // namespace cairn::app
