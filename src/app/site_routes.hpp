// Every route of `cairn serve` added in one place, with the dependencies the
// handlers keep references to (so this object must outlive the routes).
#pragma once

#include <functional>

#include "app/account_routes.hpp"
#include "app/editor_routes.hpp"
#include "app/feedback_routes.hpp"
#include "app/forum_routes.hpp"
#include "app/helpline_routes.hpp"
#include "app/member_forum_routes.hpp"
#include "app/moderation_tools_routes.hpp"
#include "app/nurse_routes.hpp"
#include "app/routes.hpp"
#include "app/services.hpp"
#include "app/site_content.hpp"
#include "app/trials_routes.hpp"
#include "search/search_index.hpp"

namespace cairn::app {

class SiteRoutes {
 public:
  // `published` brings this node's pages and search up to date after an editor publishes.
  SiteRoutes(Services& services, const SiteContent& site, const search::SearchIndex& index,
             const trials::TrialFinder& finder, const trials::Places& places, const Clock& clock,
             std::function<void()> published);

  void add_to(Routes& routes);

 private:
  const SiteContent& site_;
  const search::SearchIndex& index_;
  AccountDeps account_;
  ForumDeps forum_;
  MemberForumDeps member_forum_;
  ModerationToolsDeps moderation_tools_;
  NurseDeps nurse_;
  EditorDeps editor_;
  FeedbackDeps feedback_;
  HelplineDeps helpline_;
  TrialsDeps trials_;
};

}  // namespace cairn::app
