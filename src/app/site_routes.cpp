#include "app/site_routes.hpp"

#include "app/search_routes.hpp"

namespace cairn::app {

SiteRoutes::SiteRoutes(Services& s, const SiteContent& site, const search::SearchIndex& index,
                       const trials::TrialFinder& finder, const trials::Places& places,
                       const Clock& clock, std::function<void()> published)
    : site_(site),
      index_(index),
      account_{s.accounts, site, s.member_forum, s.store().trial_sync(), s.reminders},
      forum_{s.forum, s.moderation, site, s.content().forum_rules, s.member_forum, index},
      member_forum_{s.member_forum, s.reply_notifier, site},
      moderation_tools_{s.moderation, s.watched_words, site},
      nurse_{s.nurse_inbox, site, [&s] { s.mail.nudge(); }},
      editor_{s.desk, s.kept_drafts, s.reminders, s.limiter, site, clock, std::move(published)},
      feedback_{s.feedback, site},
      helpline_{s.content().settings, s.content().helpline, site, clock},
      trials_{finder, places, site, clock} {}

void SiteRoutes::add_to(Routes& routes) {
  add_account_routes(routes, account_);
  add_forum_routes(routes, forum_);
  add_member_forum_routes(routes, member_forum_);
  add_moderation_tools_routes(routes, moderation_tools_);
  add_nurse_routes(routes, nurse_);
  add_editor_routes(routes, editor_);
  add_feedback_routes(routes, feedback_);
  add_helpline_routes(routes, helpline_);
  add_search_routes(routes, index_, site_);
  add_trials_routes(routes, trials_);
}

}  // namespace cairn::app
