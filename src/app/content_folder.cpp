#include "app/content_folder.hpp"

#include <fstream>
#include <sstream>

#include "content/jargon.hpp"
#include "content/render.hpp"
#include "helpline/bank_holidays.hpp"

namespace cairn::app {

namespace {

Result<helpline::HelplineSchedule> helpline_schedule(const content::SiteSettings& settings) {
  helpline::BankHolidays holidays;
  if (!settings.bank_holidays_file.empty()) {
    auto loaded = helpline::BankHolidays::load(settings.bank_holidays_file);
    if (!loaded)
      return loaded.error();
    holidays = std::move(loaded.value());
  }
  std::vector<helpline::SpecialDayConfig> special;
  for (const auto& day : settings.special_days) {
    special.push_back({day.date, day.closed ? std::string("closed") : day.hours, day.note});
  }
  auto schedule = helpline::make_schedule(settings.helpline_hours, special, std::move(holidays),
                                          settings.helpline_timezone);
  if (!schedule) {
    return make_error(schedule.error().code,
                      "content/site.yaml helpline: " + schedule.error().message);
  }
  return std::move(schedule.value());
}

Result<SafeHtml> markdown_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in)
    return make_error(Errc::invalid_input, "cannot read " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  return content::render_markdown_safe(text.str());
}

}  // namespace

const std::vector<std::string>& app_paths() {
  static const std::vector<std::string> kPaths = {"/search", "/trials", "/forum",   "/helpline",
                                                  "/api/v1", "/staff",  "/account", "/feedback"};
  return kPaths;
}

Result<ContentFolder> ContentFolder::load(const std::filesystem::path& dir) {
  ContentFolder folder;
  folder.dir = dir;
  auto settings = content::load_site_settings(dir);
  if (!settings)
    return settings.error();
  folder.settings = std::move(settings.value());
  auto glossary = content::load_glossary(dir / "glossary.yaml");
  if (!glossary)
    return glossary.error();
  folder.glossary = std::move(glossary.value());
  auto schedule = helpline_schedule(folder.settings);
  if (!schedule)
    return schedule.error();
  folder.helpline = std::move(schedule.value());
  auto synonyms = search::Synonyms::load(dir / "synonyms.yaml");
  if (!synonyms)
    return synonyms.error();
  folder.synonyms = std::move(synonyms.value());
  auto categories = forum::Categories::load(dir / "forum" / "categories.yaml");
  if (!categories)
    return categories.error();
  folder.categories = std::move(categories.value());
  auto watched = safeguarding::WatchedWords::load(dir / "safeguarding" / "watched-words.txt");
  if (!watched)
    return make_error(Errc::invalid_input, watched.error().message);
  folder.watched_words = std::move(watched.value());
  auto rules = markdown_file(dir / "forum" / "rules.md");
  if (!rules)
    return rules.error();
  folder.forum_rules = std::move(rules.value());
  if (auto policy = accounts::PasswordPolicy::load(dir / "common-passwords.txt"))
    folder.password_policy = std::move(policy.value());
  else
    folder.password_list_problem = policy.error().message;
  // Drafts are checked against the glossary and jargon; their pages come from
  // the store at each check, so content/pages is not read here.
  folder.check_base.glossary = folder.glossary;
  auto groups = content::load_synonym_groups(dir / "synonyms.yaml");
  folder.check_base.jargon = content::jargon_terms(
      folder.glossary, groups ? groups.value() : std::vector<std::vector<std::string>>{});
  return folder;
}

Result<trials::TrialScope> ContentFolder::load_trial_scope(const std::filesystem::path& dir) {
  auto settings = content::load_site_settings(dir);
  if (!settings)
    return settings.error();
  if (!settings->cancer_trials_only)
    return trials::TrialScope::all();
  const auto file = dir / "trials" / "cancer-words.txt";
  auto words = PhraseList::load(file);
  if (!words)
    return words.error();
  if (words->size() == 0)
    return make_error(Errc::invalid_input, file.string() + " names no cancer");
  return trials::TrialScope::cancer(std::move(words.value()));
}

Result<trials::Places> ContentFolder::load_places() const {
  return trials::Places::load(dir / "geo" / "uk-places.csv", dir / "geo" / "postcode-outcodes.csv");
}

}  // namespace cairn::app
