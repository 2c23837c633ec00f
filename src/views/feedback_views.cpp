#include "views/feedback_views.hpp"

#include "views/components.hpp"
#include "views/html.hpp"

namespace cairn::views {

using namespace literals;

SafeHtml render_feedback_question(const std::string& path) {
  Html h;
  h << R"(<section class="cairn-feedback" aria-labelledby="feedback-heading">
<h2 class="nhsuk-heading-s" id="feedback-heading">Was this page useful?</h2>
<form method="get" action="/feedback" class="cairn-feedback__form">
<input type="hidden" name="page" value=")"_m
    << path << R"(">
<button class="nhsuk-button nhsuk-button--secondary cairn-feedback__button" type="submit" name="useful" value="yes">Yes<span class="nhsuk-u-visually-hidden">, this page was useful</span></button>
<button class="nhsuk-button nhsuk-button--secondary cairn-feedback__button" type="submit" name="useful" value="no">No<span class="nhsuk-u-visually-hidden">, this page was not useful</span></button>
</form>
</section>
)"_m;
  return h.take();
}

SafeHtml render_feedback_page(const Chrome& chrome, const FeedbackForm& f) {
  Html h;
  write_form_error_summary(h, f.form);
  h << R"(<h1>Tell us about this page</h1>
<p>Your answer helps us improve <a href=")"_m
    << f.page_path << "\">"_m << f.page_title << R"(</a>.</p>
<form method="post" action="/feedback" novalidate>
)"_m;
  write_csrf_field(h, f.form.csrf_token);
  h << R"(<input type="hidden" name="page" value=")"_m << f.page_path << "\">\n"_m;
  write_radios_field(
      h, f.form,
      {"useful", "Was this page useful?", "", {{"yes", "Yes"}, {"no", "No"}}, f.useful, true});
  write_textarea_field(
      h, f.form,
      {"comment", "How could we make this page better? (optional)",
       "Do not include your name, contact details or medical details. We cannot reply to "
       "feedback. If you need help, call our nurses.",
       f.comment, 5, f.max_chars});
  write_submit_button(h, "Send feedback");
  h << "</form>\n"_m;
  return render_in_layout(chrome, form_page_title(f.form, "Tell us about this page"), "/feedback",
                          in_two_thirds_column(h.take()), {});
}

SafeHtml render_feedback_thanks(const Chrome& chrome, const std::string& page_path,
                                const std::string& page_title, bool crisis) {
  Html h;
  if (crisis)
    h << crisis_support(chrome.site);
  h << R"(<h1>Thank you for your feedback</h1>
<p>We read every comment when we review our information.</p>
<p><a href=")"_m
    << page_path << R"(">Go back to )"_m << page_title << "</a></p>\n"_m;
  return render_in_layout(chrome, "Thank you for your feedback", "/feedback",
                          in_two_thirds_column(h.take()), {});
}

}  // namespace cairn::views
