// The Cancer Chat pages: /forum, /forum/rules, /forum/search, /forum/<category>,
// /forum/<category>/new, /forum/t/<id>, /forum/t/<id>/report/<post>, the
// author's /forum/t/<id>/edit/<post> and /forum/t/<id>/delete/<post>,
// /forum/t/<id>/watch, and for moderators /staff/moderation,
// /staff/moderation/edit/<post> and /staff/moderation/audit. Anyone may read
// public posts; posting needs an account.
#pragma once

#include "app/routes.hpp"
#include "app/site_content.hpp"
#include "core/safe_html.hpp"
#include "forum/forum_service.hpp"
#include "forum/member_forum.hpp"
#include "forum/moderation_service.hpp"
#include "search/search_index.hpp"

namespace cairn::app {

struct ForumDeps {
  forum::ForumService& forum;
  forum::ModerationService& moderation;
  const SiteContent& site;
  const SafeHtml& rules;  // the rules page's main content
  forum::MemberForum& members;
  const search::SearchIndex& index;
};

// The handlers keep a reference to `deps`: it must outlive the routes.
void add_forum_routes(Routes& routes, ForumDeps& deps);

}  // namespace cairn::app
