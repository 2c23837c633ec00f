// "Was this page useful?" over HTTP: GET /feedback?page=...&useful=yes|no (from
// the buttons on every page) shows the answer with a box for an optional
// comment; POST /feedback keeps it; /feedback/thanks says thank you.
#pragma once

#include "app/routes.hpp"
#include "app/site_content.hpp"
#include "content/page_feedback.hpp"

namespace cairn::app {

struct FeedbackDeps {
  content::PageFeedback& feedback;
  const SiteContent& site;
};

// The handlers keep a reference to `deps`: it must outlive the routes.
void add_feedback_routes(Routes& routes, FeedbackDeps& deps);

}  // namespace cairn::app
