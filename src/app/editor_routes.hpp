// The editors' pages over HTTP, for the editor and admin roles:
// GET /staff/content (every page), /staff/content/page?path= (one page, its
// revisions and review actions), /staff/content/edit?path= (the edit form;
// POST previews or saves a draft), POST /staff/content/submit, /publish,
// /return and /owner, GET /staff/content/review?path=&revision= (the reviewer's screen) and
// GET /staff/content/compare?path=&from=&to=. A save sent after the session
// ended keeps its text through signing in again (content::KeptDrafts).
#pragma once

#include <functional>

#include "app/routes.hpp"
#include "app/site_content.hpp"
#include "content/editorial_desk.hpp"
#include "content/kept_drafts.hpp"
#include "content/review_reminders.hpp"
#include "core/clock.hpp"
#include "core/rate_limiter.hpp"

namespace cairn::app {

struct EditorDeps {
  content::EditorialDesk& desk;
  content::KeptDrafts& kept;            // text of editors whose session ended before they saved
  content::ReviewReminders& reminders;  // page owners
  RateLimiter& limiter;
  const SiteContent& site;
  const Clock& clock;
  std::function<void()> published;  // refreshes this node's pages and search
};

// The handlers keep a reference to `deps`: it must outlive the routes.
void add_editor_routes(Routes& routes, EditorDeps& deps);

}  // namespace cairn::app
