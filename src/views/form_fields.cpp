#include "views/form_fields.hpp"

namespace cairn::views {

using namespace literals;

namespace {

void write_error_message(Html& h, const FormError* error, std::string_view field) {
  if (!error)
    return;
  h << R"(<span class="nhsuk-error-message" id=")"_m << field
    << R"(-error"><span class="nhsuk-u-visually-hidden">Error:</span> )"_m << error->message
    << "</span>\n"_m;
}

void open_group(Html& h, const FormError* error) {
  h << (error ? R"(<div class="nhsuk-form-group nhsuk-form-group--error">)"_m
              : R"(<div class="nhsuk-form-group">)"_m);
}

void write_label_and_hint(Html& h, std::string_view name, std::string_view label,
                          std::string_view hint) {
  h << R"(<label class="nhsuk-label" for=")"_m << name << "\">"_m << label << "</label>\n"_m;
  if (!hint.empty()) {
    h << R"(<div class="nhsuk-hint" id=")"_m << name << R"(-hint">)"_m << hint << "</div>\n"_m;
  }
}

std::string described_by(std::string_view name, bool hint, bool error, bool info = false) {
  std::string ids;
  auto add = [&](std::string_view suffix) {
    if (!ids.empty())
      ids += ' ';
    ids += std::string(name) + std::string(suffix);
  };
  if (hint)
    add("-hint");
  if (info)
    add("-info");
  if (error)
    add("-error");
  return ids;
}

}  // namespace

const FormError* field_error(const FormState& form, std::string_view field) {
  for (const auto& e : form.errors) {
    if (e.field == field)
      return &e;
  }
  return nullptr;
}

bool form_has_errors(const FormState& form) {
  return !form.errors.empty() || !form.refusal.empty();
}

std::string form_page_title(const FormState& form, std::string title) {
  return form_has_errors(form) ? "Error: " + title : title;
}

void write_form_error_summary(Html& h, const FormState& form) {
  if (!form_has_errors(form))
    return;
  h << R"(<div class="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1">
<h2 class="nhsuk-error-summary__title" id="error-summary-title">There is a problem</h2>
<div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list" role="list">)"_m;
  if (!form.refusal.empty())
    h << "<li>"_m << form.refusal << "</li>"_m;
  for (const auto& e : form.errors) {
    h << R"(<li><a href="#)"_m << e.field << "\">"_m << e.message << "</a></li>"_m;
  }
  h << "</ul></div></div>\n"_m;
}

void write_csrf_field(Html& h, std::string_view token) {
  h << R"(<input type="hidden" name="csrf_token" value=")"_m << token << "\">\n"_m;
}

void write_input_field(Html& h, const FormState& form, const InputField& in) {
  const FormError* error = field_error(form, in.name);
  open_group(h, error);
  write_label_and_hint(h, in.name, in.label, in.hint);
  write_error_message(h, error, in.name);
  h << (error ? R"(<input class="nhsuk-input nhsuk-input--error" id=")"_m
              : R"(<input class="nhsuk-input" id=")"_m)
    << in.name << R"(" name=")"_m << in.name << R"(" type=")"_m << in.type
    << R"(" autocomplete=")"_m << in.autocomplete << R"(" spellcheck="false" value=")"_m << in.value
    << "\""_m;
  auto ids = described_by(in.name, !in.hint.empty(), error != nullptr);
  if (!ids.empty())
    h << R"( aria-describedby=")"_m << ids << "\""_m;
  h << "></div>\n"_m;
}

void write_textarea_field(Html& h, const FormState& form, const TextareaField& in) {
  const FormError* error = field_error(form, in.name);
  bool counted = in.max_chars > 0;
  // The limit is said in words under the box and checked when the form is
  // sent. Not NHS.UK's character count markup: its CSS hides the message
  // until that component's script runs, and we do not load it.
  open_group(h, error);
  write_label_and_hint(h, in.name, in.label, in.hint);
  write_error_message(h, error, in.name);
  h << (error ? R"(<textarea class="nhsuk-textarea nhsuk-textarea--error" id=")"_m
              : R"(<textarea class="nhsuk-textarea" id=")"_m)
    << in.name << R"(" name=")"_m << in.name << R"(" rows=")"_m << in.rows << "\""_m;
  auto ids = described_by(in.name, !in.hint.empty(), error != nullptr, counted);
  if (!ids.empty())
    h << R"( aria-describedby=")"_m << ids << "\""_m;
  h << ">"_m << in.value << "</textarea>\n"_m;
  if (counted) {
    std::string limit = std::to_string(in.max_chars);
    if (in.max_chars >= 1000)
      limit.insert(limit.size() - 3, ",");
    h << R"(<div class="nhsuk-hint cairn-char-limit" id=")"_m << in.name
      << R"(-info">You can enter up to )"_m << limit << " characters</div>\n"_m;
  }
  h << "</div>\n"_m;
}

void write_checkbox_field(Html& h, const FormState& form, std::string_view name, bool checked,
                          const SafeHtml& label, std::string_view hint) {
  const FormError* error = field_error(form, name);
  open_group(h, error);
  write_error_message(h, error, name);
  h << R"(<div class="nhsuk-checkboxes"><div class="nhsuk-checkboxes__item"><input class="nhsuk-checkboxes__input" id=")"_m
    << name << R"(" name=")"_m << name << R"(" type="checkbox" value="yes")"_m;
  if (checked)
    h << " checked"_m;
  auto ids = described_by(name, !hint.empty(), error != nullptr);
  if (!ids.empty())
    h << R"( aria-describedby=")"_m << ids << "\""_m;
  h << R"(><label class="nhsuk-label nhsuk-checkboxes__label" for=")"_m << name << "\">"_m << label
    << "</label>"_m;
  if (!hint.empty()) {
    h << R"(<div class="nhsuk-hint nhsuk-checkboxes__hint" id=")"_m << name << R"(-hint">)"_m
      << hint << "</div>"_m;
  }
  h << "</div></div></div>\n"_m;
}

void write_radios_field(Html& h, const FormState& form, const RadiosField& in) {
  const FormError* error = field_error(form, in.name);
  open_group(h, error);
  h << R"(<fieldset class="nhsuk-fieldset")"_m;
  auto ids = described_by(in.name, !in.hint.empty(), error != nullptr);
  if (!ids.empty())
    h << R"( aria-describedby=")"_m << ids << "\""_m;
  h << R"(><legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">)"_m << in.legend
    << "</legend>\n"_m;
  if (!in.hint.empty())
    h << R"(<div class="nhsuk-hint" id=")"_m << in.name << R"(-hint">)"_m << in.hint
      << "</div>\n"_m;
  write_error_message(h, error, in.name);
  h << (in.inline_options ? R"(<div class="nhsuk-radios nhsuk-radios--inline">)"_m
                          : R"(<div class="nhsuk-radios">)"_m);
  bool first = true;
  for (const auto& option : in.options) {
    std::string id =
        first ? std::string(in.name) : std::string(in.name) + "-" + std::string(option.value);
    first = false;
    h << R"(<div class="nhsuk-radios__item"><input class="nhsuk-radios__input" id=")"_m << id
      << R"(" name=")"_m << in.name << R"(" type="radio" value=")"_m << option.value << "\""_m;
    if (option.value == in.selected)
      h << " checked"_m;
    h << R"(><label class="nhsuk-label nhsuk-radios__label" for=")"_m << id << "\">"_m
      << option.label << "</label></div>"_m;
  }
  h << "</div></fieldset></div>\n"_m;
}

void write_submit_button(Html& h, std::string_view text, bool secondary) {
  h << (secondary
            ? R"(<button class="nhsuk-button nhsuk-button--secondary" type="submit" data-module="nhsuk-button">)"_m
            : R"(<button class="nhsuk-button" type="submit" data-module="nhsuk-button">)"_m)
    << text << "</button>\n"_m;
}

}  // namespace cairn::views
