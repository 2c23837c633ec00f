// "Was this page useful?" over HTTP: GET /feedback?page=...&useful=yes|no (from
// the buttons on every page) shows the answer with a box for an optional
// comment; POST /feedback keeps it; /feedback/thanks says thank you.
#pragma once

#include "app/site_content.hpp"
#include "app/visitor.hpp"
#include "content/page_feedback.hpp"
#include "http/router.hpp"

namespace cairn::app {

struct FeedbackDeps {
  content::PageFeedback& feedback;
  const VisitorResolver& visitors;
  const SiteContent& site;
  bool trust_forwarded_for = false;
};

// The handlers keep a reference to `deps`: it must outlive the router.
void add_feedback_routes(http::Router& router, FeedbackDeps& deps);

}  // namespace cairn::app
