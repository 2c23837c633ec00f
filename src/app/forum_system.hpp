// The forum's wiring in one place: its categories, rules page and watched
// words read from the content folder, the forum and moderation services, and
// its part in members' data downloads and deletions.
#pragma once

#include <filesystem>
#include <memory>

#include "app/account_system.hpp"
#include "app/forum_routes.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "forum/categories.hpp"
#include "forum/forum_member_data.hpp"
#include "forum/forum_service.hpp"
#include "forum/moderation_service.hpp"
#include "safeguarding/watched_words.hpp"
#include "store/store.hpp"

namespace cairn::app {

class ForumSystem {
 public:
  // Reads content_dir/forum/categories.yaml, content_dir/forum/rules.md and
  // content_dir/safeguarding/watched-words.txt; invalid_input if one is missing
  // or wrong. Joins `accounts` for data downloads and deletions.
  static Result<std::unique_ptr<ForumSystem>> create(store::Store& store, AccountSystem& accounts,
                                                     const std::filesystem::path& content_dir,
                                                     const Clock& clock);

  forum::ForumService& forum() { return forum_; }
  forum::ModerationService& moderation() { return moderation_; }
  void add_routes(Routes& routes, const SiteContent& site);

  ForumSystem(store::Store& store, AccountSystem& accounts, forum::Categories categories,
              safeguarding::WatchedWords watched, SafeHtml rules, const Clock& clock);

 private:
  forum::Categories categories_;
  safeguarding::WatchedWords watched_;
  SafeHtml rules_;
  forum::ForumService forum_;
  forum::ModerationService moderation_;
  forum::ForumMemberData member_data_;
  std::unique_ptr<ForumDeps> deps_;  // the routes hold on to it
};

}  // namespace cairn::app
