#include "app/feedback_routes.hpp"

#include "app/form_state.hpp"
#include "app/web_app.hpp"
#include "core/text.hpp"
#include "http/client_address.hpp"
#include "http/form.hpp"
#include "views/feedback_views.hpp"

namespace cairn::app {

namespace {

Error unknown_page() {
  return make_error(Errc::not_found, "There is no page to give feedback on at this address.");
}

}  // namespace

void add_feedback_routes(http::Router& router, FeedbackDeps& d) {
  auto respond = [&d](const Visitor& v, const SafeHtml& html, int status = 200) {
    http::Response r;
    r.status = status;
    r.body = html.str();
    d.visitors.finish(v, r);
    return r;
  };

  router.add("GET", "/feedback", [&d, respond](const http::Request& r) -> Result<http::Response> {
    std::string path = r.param("page");
    auto title = d.site.title_of(path);
    if (!title)
      return unknown_page();
    auto v = d.visitors.resolve(r);
    views::FeedbackForm form;
    form.form = form_state(v);
    form.page_path = path;
    form.page_title = *title;
    std::string useful = r.param("useful");
    if (useful == "yes" || useful == "no")
      form.useful = useful;
    form.max_chars = content::kMaxFeedbackChars;
    auto response = respond(v, views::render_feedback_page(d.site.chrome(), form));
    response.set_header("X-Robots-Tag", "noindex");
    return response;
  });

  router.add("POST", "/feedback", [&d, respond](const http::Request& r) -> Result<http::Response> {
    auto fields = http::parse_form(r);
    if (!fields)
      return fields.error();
    std::string path = fields->get("page");
    auto title = d.site.title_of(path);
    if (!title)
      return unknown_page();
    auto v = d.visitors.resolve(r);
    std::string useful = fields->get("useful");
    std::string comment = fields->get("comment");
    auto sent =
        d.feedback.submit(path, useful, comment, http::client_address(r, d.trust_forwarded_for));
    if (sent) {
      auto to = "/feedback/thanks?page=" + url_encode(path) + (sent->crisis ? "&help=1" : "");
      auto response = http::redirect(to);
      d.visitors.finish(v, response);
      return response;
    }
    views::FeedbackForm form;
    form.form = form_state(v, sent.problems());
    form.page_path = path;
    form.page_title = *title;
    form.useful = useful == "yes" || useful == "no" ? useful : "";
    form.comment = comment;
    form.max_chars = content::kMaxFeedbackChars;
    return respond(v, views::render_feedback_page(d.site.chrome(), form),
                   status_for(sent.problems().code()));
  });

  router.add("GET", "/feedback/thanks", [&d](const http::Request& r) -> Result<http::Response> {
    std::string path = r.param("page");
    auto title = d.site.title_of(path);
    if (!title)
      return unknown_page();
    http::Response response;
    response.body =
        views::render_feedback_thanks(d.site.chrome(), path, *title, r.param("help") == "1").str();
    response.cache_control = "no-store";
    response.set_header("X-Robots-Tag", "noindex");
    return response;
  });
}

}  // namespace cairn::app
