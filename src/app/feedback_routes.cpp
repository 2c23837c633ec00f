#include "app/feedback_routes.hpp"

#include "core/text.hpp"
#include "views/feedback_views.hpp"

namespace cairn::app {

namespace {

Error unknown_page() {
  return make_error(Errc::not_found, "There is no page to give feedback on at this address.");
}

}  // namespace

void add_feedback_routes(Routes& routes, FeedbackDeps& d) {
  // Feedback pages are not for search engines.
  auto unindexed = [](Outcome outcome) {
    return std::move(outcome).with_header("X-Robots-Tag", "noindex");
  };

  routes.add("GET", "/feedback", [&d, unindexed](RequestContext& c) -> Outcome {
    std::string path = c.query("page");
    auto title = d.site.title_of(path);
    if (!title)
      return unknown_page();
    views::FeedbackForm form;
    form.form = c.form_state();
    form.page_path = path;
    form.page_title = *title;
    std::string useful = c.query("useful");
    if (useful == "yes" || useful == "no")
      form.useful = useful;
    form.max_chars = content::kMaxFeedbackChars;
    return unindexed(Outcome::page(views::render_feedback_page(d.site.chrome(), form)));
  });

  routes.add("POST", "/feedback", [&d](RequestContext& c) -> Outcome {
    const auto& fields = c.form();
    if (!fields)
      return fields.error();
    std::string path = fields->get("page");
    auto title = d.site.title_of(path);
    if (!title)
      return unknown_page();
    c.visitor();  // the answer is for this visitor: their cookies, never stored
    std::string useful = fields->get("useful");
    std::string comment = fields->get("comment");
    auto sent = d.feedback.submit(path, useful, comment, c.client_address());
    if (sent) {
      return Outcome::see_other("/feedback/thanks?page=" + url_encode(path) +
                                (sent->crisis ? "&help=1" : ""));
    }
    views::FeedbackForm form;
    form.form = c.form_state(&sent.error());
    form.page_path = path;
    form.page_title = *title;
    form.useful = useful == "yes" || useful == "no" ? useful : "";
    form.comment = comment;
    form.max_chars = content::kMaxFeedbackChars;
    return Outcome::form(views::render_feedback_page(d.site.chrome(), form), sent.error());
  });

  routes.add("GET", "/feedback/thanks", [&d, unindexed](RequestContext& c) -> Outcome {
    std::string path = c.query("page");
    auto title = d.site.title_of(path);
    if (!title)
      return unknown_page();
    auto html =
        views::render_feedback_thanks(d.site.chrome(), path, *title, c.query("help") == "1");
    return unindexed(Outcome::page(html).no_store());
  });
}

}  // namespace cairn::app
