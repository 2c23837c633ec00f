// "Was this page useful?": the Yes / No question at the foot of every page (a
// plain GET form, so cached pages carry no per-visitor token), the page that
// takes the answer with an optional comment, and the thank-you page.
#pragma once

#include <cstddef>
#include <string>

#include "content/site_settings.hpp"
#include "core/safe_html.hpp"
#include "views/components.hpp"
#include "views/layout.hpp"

namespace cairn::views {

// The question for the page at `path`, leading to /feedback?page=...&useful=yes|no.
SafeHtml render_feedback_question(const std::string& path);

struct FeedbackForm {
  FormState form;
  std::string page_path;
  std::string page_title;
  std::string useful;  // "yes", "no" or empty
  std::string comment;
  std::size_t max_chars = 1000;
};

SafeHtml render_feedback_page(const Chrome& chrome, const FeedbackForm& form);
// After sending; `crisis` shows crisis support first (the comment mentioned self-harm).
SafeHtml render_feedback_thanks(const Chrome& chrome, const std::string& page_path,
                                const std::string& page_title, bool crisis);

}  // namespace cairn::views
