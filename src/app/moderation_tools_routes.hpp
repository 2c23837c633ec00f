// The moderators' tools beside the queue: /staff/moderation/message/<post>
// (reach out to a member after a hold), /staff/moderation/suspended (lift a
// suspension) and, for admins, /staff/moderation/words (the watched words).
#pragma once

#include "app/routes.hpp"
#include "app/site_content.hpp"
#include "forum/moderation_service.hpp"
#include "forum/watched_word_list.hpp"

namespace cairn::app {

struct ModerationToolsDeps {
  forum::ModerationService& moderation;
  forum::WatchedWordList& words;
  const SiteContent& site;
};

void add_moderation_tools_routes(Routes& routes, ModerationToolsDeps& deps);

}  // namespace cairn::app
