// The content folder (content/), read once at start-up into one object: the
// site settings, glossary, helpline schedule, search synonyms, watched words,
// forum categories and rules, the common-passwords list, what the content
// checks need and the trial scope. Every file name under content/ is spelt here and nowhere else in
// app/.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "accounts/password_policy.hpp"
#include "content/content_checks.hpp"
#include "content/glossary.hpp"
#include "content/site_settings.hpp"
#include "core/result.hpp"
#include "core/safe_html.hpp"
#include "forum/categories.hpp"
#include "helpline/schedule.hpp"
#include "safeguarding/watched_words.hpp"
#include "search/synonyms.hpp"
#include "trials/places.hpp"
#include "trials/trial_scope.hpp"

namespace cairn::app {

struct ContentFolder {
  std::filesystem::path dir;
  content::SiteSettings settings;
  content::Glossary glossary;
  helpline::HelplineSchedule helpline;
  search::Synonyms synonyms;
  safeguarding::WatchedWords watched_words;
  forum::Categories categories;
  SafeHtml forum_rules;  // the rules page's main content
  // With the common-passwords list; length rules only, and the reason in
  // `password_list_problem`, when the list could not be read.
  accounts::PasswordPolicy password_policy;
  std::string password_list_problem;
  // The glossary and jargon for checking drafts (pages come from the store).
  content::CheckInput check_base;

  // invalid_input naming the file and what is wrong with it.
  static Result<ContentFolder> load(const std::filesystem::path& dir);
  // Which trials to import: the site setting trial_scope and, for cancer, the
  // words that name a cancer (trials/cancer-words.txt). Reads only those two files.
  static Result<trials::TrialScope> load_trial_scope(const std::filesystem::path& dir);
  // The UK places and postcode districts for "near" searches (several MB: only
  // `serve` reads them).
  Result<trials::Places> load_places() const;
};

// Addresses served by code rather than content pages; links to them are valid.
const std::vector<std::string>& app_paths();

}  // namespace cairn::app
