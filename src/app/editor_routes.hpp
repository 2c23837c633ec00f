// The editors' pages over HTTP, for the editor and admin roles:
// GET /staff/content (every page), /staff/content/page?path= (one page, its
// revisions and review actions), /staff/content/edit?path= (the edit form;
// POST previews or saves a draft), POST /staff/content/submit, /publish and
// /return, and GET /staff/content/compare?path=&from=&to=.
#pragma once

#include <functional>

#include "app/routes.hpp"
#include "app/site_content.hpp"
#include "content/editorial_desk.hpp"
#include "core/clock.hpp"

namespace cairn::app {

struct EditorDeps {
  content::EditorialDesk& desk;
  const SiteContent& site;
  const Clock& clock;
  std::function<void()> published;  // refreshes this node's pages and search
};

// The handlers keep a reference to `deps`: it must outlive the routes.
void add_editor_routes(Routes& routes, EditorDeps& deps);

}  // namespace cairn::app
