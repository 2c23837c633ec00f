// The shared view components: form state, page shell helpers, form fields
// and the crisis support box.
#include "views/components.hpp"

#include <gtest/gtest.h>

#include <string>

#include "content/site_settings.hpp"

namespace cairn::views {
namespace {

using namespace literals;

FormState with_errors(std::vector<FormError> errors, std::string refusal = "") {
  return FormState{"token", std::move(errors), std::move(refusal)};
}

bool has(const std::string& html, std::string_view part) {
  return html.find(part) != std::string::npos;
}

TEST(FormState, FindsErrorsAndTitlesThePage) {
  auto form = with_errors({{"email", "Enter an email address"}});
  ASSERT_NE(field_error(form, "email"), nullptr);
  EXPECT_EQ(field_error(form, "email")->message, "Enter an email address");
  EXPECT_EQ(field_error(form, "password"), nullptr);
  EXPECT_TRUE(form_has_errors(form));
  EXPECT_EQ(form_page_title(form, "Sign in"), "Error: Sign in");
  EXPECT_TRUE(form_has_errors(with_errors({}, "Too many attempts")));
  EXPECT_EQ(form_page_title(FormState{}, "Sign in"), "Sign in");
}

TEST(ErrorSummary, ListsTheRefusalAndLinksEachError) {
  Html h;
  write_form_error_summary(h, with_errors({{"email", "Bad <email>"}}, "Wait"));
  auto html = h.take().str();
  EXPECT_TRUE(has(html, "There is a problem"));
  EXPECT_TRUE(has(html, "<li>Wait</li><li><a href=\"#email\">Bad &lt;email&gt;</a></li>"));

  Html none;
  write_form_error_summary(none, FormState{});
  EXPECT_EQ(none.take().str(), "");
}

TEST(ErrorSummary, LinksARadioGroupToItsFirstOption) {
  RadiosField posts{.name = "posts",
                    .legend = "Posts",
                    .options = {{"keep", "Keep"}, {"remove", "Remove"}},
                    .value_in_every_id = true};
  Html h;
  write_form_error_summary(h, with_errors({{"posts", "Choose"}}),
                           {{posts.name, radio_option_id(posts, 0)}});
  EXPECT_TRUE(has(h.take().str(), "<a href=\"#posts-keep\">Choose</a>"));
}

TEST(InputField, KeepsWhatWasTypedAndPointsToHintAndError) {
  Html h;
  write_input_field(h, with_errors({{"email", "Wrong"}}),
                    {"email", "Email", "email", "email", "We never share it.", "a\"b"});
  auto html = h.take().str();
  EXPECT_TRUE(has(html, "nhsuk-form-group--error"));
  EXPECT_TRUE(has(html, R"(<div class="nhsuk-hint" id="email-hint">We never share it.</div>)"));
  EXPECT_TRUE(has(html, R"(id="email-error")"));
  EXPECT_TRUE(has(
      html,
      R"(<input class="nhsuk-input nhsuk-input--error" id="email" name="email" type="email" autocomplete="email" spellcheck="false" value="a&quot;b" aria-describedby="email-hint email-error"></div>)"));
}

TEST(InputField, NeverWritesAPasswordBack) {
  Html h;
  write_input_field(h, FormState{}, {"password", "Password", "password", "new-password", "", "x"});
  EXPECT_EQ(
      h.take().str(),
      "<div class=\"nhsuk-form-group\"><label class=\"nhsuk-label\" for=\"password\">Password"
      "</label>\n<input class=\"nhsuk-input\" id=\"password\" name=\"password\" type=\"password\" "
      "autocomplete=\"new-password\"></div>\n");
}

TEST(InputField, ProseHasASizedLabelAndTheBrowsersSpellcheck) {
  Html h;
  write_input_field(h, FormState{},
                    {.name = "title",
                     .label = "Title",
                     .autocomplete = "",
                     .value = "Hi",
                     .label_size = "s",
                     .spellcheck = true});
  auto html = h.take().str();
  EXPECT_TRUE(has(html, R"(<label class="nhsuk-label nhsuk-label--s" for="title">)"));
  EXPECT_TRUE(has(html, R"(id="title" name="title" type="text" value="Hi"></div>)"));
}

TEST(TextareaField, SaysItsLimitUnderTheBox) {
  Html h;
  write_textarea_field(h, FormState{}, {"question", "Your question", "", "q", 8, 5000});
  auto html = h.take().str();
  EXPECT_TRUE(has(html, R"(rows="8" aria-describedby="question-info">q</textarea>)"));
  EXPECT_TRUE(has(html, "You can enter up to 5,000 characters</div>\n</div>\n"));
}

TEST(TextareaField, CanKeepAValuesLeadingNewline) {
  Html h;
  write_textarea_field(
      h, FormState{}, {.name = "body", .label = "Post", .value = "\nx", .newline_after_tag = true});
  EXPECT_TRUE(has(h.take().str(), "rows=\"8\">\n\nx</textarea></div>\n"));
}

TEST(RadiosField, FirstOptionIdIsTheNameUnlessEveryIdHasItsValue) {
  RadiosField useful{.name = "useful",
                     .legend = "Was this page useful?",
                     .options = {{"yes", "Yes"}, {"no", "No"}},
                     .selected = "no",
                     .inline_options = true};
  EXPECT_EQ(radio_option_id(useful, 0), "useful");
  EXPECT_EQ(radio_option_id(useful, 1), "useful-no");
  Html h;
  write_radios_field(h, FormState{}, useful);
  auto html = h.take().str();
  EXPECT_TRUE(has(html, "nhsuk-radios--inline"));
  EXPECT_TRUE(has(html, R"(id="useful" name="useful" type="radio" value="yes">)"));
  EXPECT_TRUE(has(html, R"(id="useful-no" name="useful" type="radio" value="no" checked>)"));

  useful.value_in_every_id = true;
  EXPECT_EQ(radio_option_id(useful, 0), "useful-yes");
}

TEST(CheckboxField, CarriesItsOwnErrorAndHint) {
  Html label;
  label << "I agree"_m;
  Html h;
  write_checkbox_field(h, with_errors({{"consent", "Tick it"}}), "consent", true, label.take(),
                       "Why we ask");
  auto html = h.take().str();
  EXPECT_TRUE(has(html, R"(value="yes" checked aria-describedby="consent-hint consent-error">)"));
  EXPECT_TRUE(has(html, R"(id="consent-hint">Why we ask</div>)"));
}

TEST(Buttons, EachStyleHasItsClass) {
  Html h;
  write_submit_button(h, "Go");
  write_submit_button(h, "Maybe", ButtonStyle::secondary);
  write_submit_button(h, "Delete", ButtonStyle::warning);
  auto html = h.take().str();
  EXPECT_TRUE(has(html, R"(<button class="nhsuk-button" type="submit")"));
  EXPECT_TRUE(has(html, R"(<button class="nhsuk-button nhsuk-button--secondary" type="submit")"));
  EXPECT_TRUE(has(html, R"(<button class="nhsuk-button nhsuk-button--warning" type="submit")"));
}

TEST(PageShell, WrapsContentInTheTwoThirdsColumn) {
  EXPECT_EQ(in_two_thirds_column(SafeHtml::trusted("<p>x</p>")).str(),
            "<div class=\"nhsuk-grid-row\"><div class=\"nhsuk-grid-column-two-thirds\"><p>x</p>"
            "</div></div>\n");
}

TEST(PageShell, RendersTitleAndBreadcrumbsInTheLayout) {
  content::SiteSettings site;
  site.name = "Cairn";
  Chrome chrome{site, [](std::string_view name) { return "/assets/" + std::string(name); }};
  auto html =
      render_in_layout(chrome, "Sign in", "/account/sign-in", SafeHtml::trusted("<p>main</p>"))
          .str();
  EXPECT_TRUE(has(html, "<title>Sign in - Cairn</title>"));
  EXPECT_TRUE(has(html, R"(<a class="nhsuk-breadcrumb__link" href="/">Home</a>)"));
  EXPECT_TRUE(has(html, "<p>main</p>"));
  auto bare = render_in_layout(chrome, "Oops", "", SafeHtml{}, {}).str();
  EXPECT_FALSE(has(bare, "nhsuk-breadcrumb"));
}

TEST(InsetText, IsIntroducedAsInformation) {
  Html h;
  write_inset_text(h, "Saved <ok>", "cairn-notice");
  EXPECT_EQ(h.take().str(),
            "<div class=\"nhsuk-inset-text cairn-notice\"><span class=\"nhsuk-u-visually-hidden\">"
            "Information: </span><p>Saved &lt;ok&gt;</p></div>\n");
}

TEST(CrisisSupport, ListsEveryContactThenOurNurses) {
  content::SiteSettings site;
  site.helpline_phone = "0808 800 4040";
  site.crisis = {{"Samaritans", "116 123", "Free, any time."},
                 {"Emergency services", "999", "If you are in danger <now>."}};
  auto html = crisis_support(site).str();
  EXPECT_TRUE(has(html, "If you need help now"));
  EXPECT_TRUE(has(html, R"(<strong>Samaritans</strong>: call <a href="tel:116123">116 123</a>)"));
  EXPECT_TRUE(has(html, R"(<a href="tel:999">999</a>. If you are in danger &lt;now&gt;.)"));
  EXPECT_TRUE(
      has(html, R"(<a href="tel:08088004040">0808 800 4040</a> when the helpline is open)"));
  EXPECT_LT(html.find("Samaritans"), html.find("Our nurses"));
}

TEST(TelHref, KeepsDigitsAndPlus) {
  EXPECT_EQ(tel_href("0808 800 4040"), "tel:08088004040");
  EXPECT_EQ(tel_href("+44 (0)20 7946 0000"), "tel:+4402079460000");
}

}  // namespace
}  // namespace cairn::views
