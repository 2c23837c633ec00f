// NHS.UK form components for Cairn's forms: the error summary, text inputs,
// textareas with a character limit, single checkboxes and buttons. Each field
// shows its own error and keeps what was typed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/safe_html.hpp"
#include "views/account_views.hpp"
#include "views/html.hpp"

namespace cairn::views {

struct InputField {
  std::string_view name;  // also its id, which the error summary links to
  std::string_view label;
  std::string_view type = "text";  // "text", "email"
  std::string_view autocomplete = "off";
  std::string_view hint;
  std::string_view value;
};

struct TextareaField {
  std::string_view name;
  std::string_view label;
  std::string_view hint;
  std::string_view value;
  int rows = 8;
  std::size_t max_chars = 0;  // when set, said under the box
};

struct RadioOption {
  std::string_view value;
  std::string_view label;
};

struct RadiosField {
  std::string_view name;  // the first option's id is the name, for the error summary
  std::string_view legend;
  std::string_view hint;
  std::vector<RadioOption> options;
  std::string_view selected;
  bool inline_options = false;  // side by side, for short answers such as Yes / No
};

const FormError* field_error(const FormState& form, std::string_view field);
bool form_has_errors(const FormState& form);
// "Error: " before the page title when the form has problems.
std::string form_page_title(const FormState& form, std::string title);

void write_form_error_summary(Html& h, const FormState& form);
void write_csrf_field(Html& h, std::string_view token);
void write_input_field(Html& h, const FormState& form, const InputField& field);
void write_textarea_field(Html& h, const FormState& form, const TextareaField& field);
// One checkbox in its own group, so it can carry its own error.
void write_checkbox_field(Html& h, const FormState& form, std::string_view name, bool checked,
                          const SafeHtml& label, std::string_view hint = {});
void write_radios_field(Html& h, const FormState& form, const RadiosField& field);
void write_submit_button(Html& h, std::string_view text, bool secondary = false);

}  // namespace cairn::views
