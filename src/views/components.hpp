// The pieces every view shares: the state a form comes back with, the page
// shell helpers and inset text, the NHS.UK form fields and the crisis box.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "content/site_settings.hpp"
#include "core/safe_html.hpp"
#include "views/html.hpp"
#include "views/layout.hpp"

namespace cairn::views {

// ---- Form state

struct FormError {
  std::string field;  // the input's name and id: the summary links to it
  std::string message;
};

// What every form carries: its CSRF token and what went wrong.
struct FormState {
  std::string csrf_token;
  std::vector<FormError> errors;
  std::string refusal;  // a problem with the whole form (e.g. too many attempts)
};

const FormError* field_error(const FormState& form, std::string_view field);
bool form_has_errors(const FormState& form);
// "Error: " before the page title when the form has problems.
std::string form_page_title(const FormState& form, std::string title);

// ---- Page shell

// The <main> content and the shell (title, breadcrumbs) of one page, for the
// caller to put in the layout (it may cache it or fill in slots first).
struct PageBody {
  PageShell shell;
  SafeHtml main;
};

// The grid row's two-thirds column, where a page's text reads best.
SafeHtml in_two_thirds_column(const SafeHtml& content);

// A whole page in the layout: its title, canonical path and breadcrumbs; no
// meta description or search query.
SafeHtml render_in_layout(const Chrome& chrome, std::string title, std::string path,
                          const SafeHtml& main, std::vector<Breadcrumb> crumbs = {{"Home", "/"}});

// NHS.UK inset text: a short message the reader should not miss, introduced
// to screen readers as information. `css_class` is added to the box's own.
void write_inset_text(Html& h, std::string_view text, std::string_view css_class = {});

// ---- Form fields (NHS.UK components). Each field shows its own error and
// keeps what was typed, except passwords. What may be left out has a default,
// so a caller can name just what it sets.

struct InputField {
  std::string_view name;  // also its id, which the error summary links to
  std::string_view label;
  std::string_view type = "text";         // "text", "email", "password"
  std::string_view autocomplete = "off";  // empty: no autocomplete attribute
  std::string_view hint = {};
  std::string_view value = {};       // never written for a password
  std::string_view label_size = {};  // NHS.UK's "s", "m", "l"; empty for body text
  bool spellcheck = false;           // true leaves it to the browser (for prose)
};

struct TextareaField {
  std::string_view name;
  std::string_view label;
  std::string_view hint = {};
  std::string_view value = {};
  int rows = 8;
  std::size_t max_chars = 0;  // when set, said under the box
  std::string_view label_size = {};
  // A newline straight after <textarea> is dropped by the HTML parser, so one
  // written there keeps a value's own leading newline.
  bool newline_after_tag = false;
};

struct RadioOption {
  std::string_view value = {};
  std::string_view label;
};

struct RadiosField {
  std::string_view name;  // the first option's id is the name, for the error summary
  std::string_view legend;
  std::string_view hint = {};
  std::vector<RadioOption> options;
  std::string_view selected = {};
  bool inline_options = false;     // side by side, for short answers such as Yes / No
  bool value_in_every_id = false;  // every id "name-value", the first option's too
};

// The id of a group's option; the error summary links to the first.
std::string radio_option_id(const RadiosField& field, std::size_t index);

// Where the error summary links for a field whose id is not its name.
struct FieldAnchor {
  std::string_view field;
  std::string id;
};

enum class ButtonStyle { primary, secondary, warning };

void write_form_error_summary(Html& h, const FormState& form,
                              std::initializer_list<FieldAnchor> anchors = {});
void write_csrf_field(Html& h, std::string_view token);
void write_input_field(Html& h, const FormState& form, const InputField& field);
void write_textarea_field(Html& h, const FormState& form, const TextareaField& field);
// One checkbox in its own group, so it can carry its own error.
void write_checkbox_field(Html& h, const FormState& form, std::string_view name, bool checked,
                          const SafeHtml& label, std::string_view hint = {});
void write_radios_field(Html& h, const FormState& form, const RadiosField& field);
void write_submit_button(Html& h, std::string_view text, ButtonStyle style = ButtonStyle::primary);

// ---- Crisis support

// Where to get help now (the site's crisis contacts, then our nurses): shown
// by safeguarding, on the helpline and after a worrying message.
SafeHtml crisis_support(const content::SiteSettings& site);

// "0808 800 4040" -> "tel:08088004040"
std::string tel_href(std::string_view phone);

}  // namespace cairn::views
