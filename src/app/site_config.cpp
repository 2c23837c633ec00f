#include "app/site_config.hpp"

#include "helpline/bank_holidays.hpp"

namespace cairn::app {

const std::vector<std::string>& app_paths() {
  static const std::vector<std::string> kPaths = {"/search", "/trials", "/forum", "/helpline",
                                                  "/api/v1", "/staff", "/account", "/feedback"};
  return kPaths;
}

Result<SiteConfig> load_site_config(const std::filesystem::path& content_dir) {
  SiteConfig config;
  auto settings = content::load_site_settings(content_dir);
  if (!settings) return settings.error();
  config.settings = std::move(settings.value());

  auto glossary = content::load_glossary(content_dir / "glossary.yaml");
  if (!glossary) return glossary.error();
  config.glossary = std::move(glossary.value());

  helpline::BankHolidays holidays;
  if (!config.settings.bank_holidays_file.empty()) {
    auto loaded = helpline::BankHolidays::load(config.settings.bank_holidays_file);
    if (!loaded) return loaded.error();
    holidays = std::move(loaded.value());
  }
  std::vector<helpline::SpecialDayConfig> special;
  for (const auto& day : config.settings.special_days) {
    special.push_back({day.date, day.closed ? std::string("closed") : day.hours, day.note});
  }
  auto schedule = helpline::make_schedule(config.settings.helpline_hours, special,
                                          std::move(holidays), config.settings.helpline_timezone);
  if (!schedule) {
    return make_error(schedule.error().code, "content/site.yaml helpline: " + schedule.error().message);
  }
  config.helpline = std::move(schedule.value());
  return config;
}

}  // namespace cairn::app
