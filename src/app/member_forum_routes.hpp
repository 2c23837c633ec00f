// Cancer Chat from a member's account: /account/forum (their posts, watched
// threads and email choice), /account/forum/email, /account/messages and
// /account/messages/<id> (moderators' messages), and the unsubscribe link of
// every forum email, /forum/unsubscribe/<token>, which works without signing
// in (its POST is the RFC 8058 one-click: the token is its own credential).
#pragma once

#include "app/routes.hpp"
#include "app/site_content.hpp"
#include "forum/member_forum.hpp"
#include "forum/reply_notifier.hpp"

namespace cairn::app {

struct MemberForumDeps {
  forum::MemberForum& members;
  forum::ReplyNotifier& notifier;
  const SiteContent& site;
};

void add_member_forum_routes(Routes& routes, MemberForumDeps& deps);

// POSTs that carry their own credential in the address and so pass no CSRF check.
bool carries_own_credential(const http::Request& request);

}  // namespace cairn::app
