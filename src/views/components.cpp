#include "views/components.hpp"

#include <cctype>

namespace cairn::views {

using namespace literals;

// ---- Form state

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

// ---- Page shell

SafeHtml in_two_thirds_column(const SafeHtml& content) {
  Html h;
  h << R"(<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">)"_m << content
    << "</div></div>\n"_m;
  return h.take();
}

SafeHtml render_in_layout(const Chrome& chrome, std::string title, std::string path,
                          const SafeHtml& main, std::vector<Breadcrumb> crumbs) {
  PageShell shell{std::move(title), "", std::move(path), std::move(crumbs), {}};
  return render_layout(chrome, shell, main);
}

void write_inset_text(Html& h, std::string_view text, std::string_view css_class) {
  h << R"(<div class="nhsuk-inset-text)"_m;
  if (!css_class.empty())
    h << " "_m << css_class;
  h << R"("><span class="nhsuk-u-visually-hidden">Information: </span><p>)"_m << text
    << "</p></div>\n"_m;
}

// ---- Form fields

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
                          std::string_view label_size, std::string_view hint) {
  h << R"(<label class="nhsuk-label)"_m;
  if (!label_size.empty())
    h << " nhsuk-label--"_m << label_size;
  h << R"(" for=")"_m << name << "\">"_m << label << "</label>\n"_m;
  if (!hint.empty()) {
    h << R"(<div class="nhsuk-hint" id=")"_m << name << R"(-hint">)"_m << hint << "</div>\n"_m;
  }
}

// The group, label, hint and error every field starts with; returns the error.
const FormError* open_field(Html& h, const FormState& form, std::string_view name,
                            std::string_view label, std::string_view label_size,
                            std::string_view hint) {
  const FormError* error = field_error(form, name);
  open_group(h, error);
  write_label_and_hint(h, name, label, label_size, hint);
  write_error_message(h, error, name);
  return error;
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

void write_described_by(Html& h, const std::string& ids) {
  if (!ids.empty())
    h << R"( aria-describedby=")"_m << ids << "\""_m;
}

}  // namespace

std::string radio_option_id(const RadiosField& field, std::size_t index) {
  if (index == 0 && !field.value_in_every_id)
    return std::string(field.name);
  return std::string(field.name) + "-" + std::string(field.options[index].value);
}

void write_form_error_summary(Html& h, const FormState& form,
                              std::initializer_list<FieldAnchor> anchors) {
  if (!form_has_errors(form))
    return;
  h << R"(<div class="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1">
<h2 class="nhsuk-error-summary__title" id="error-summary-title">There is a problem</h2>
<div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list" role="list">)"_m;
  if (!form.refusal.empty())
    h << "<li>"_m << form.refusal << "</li>"_m;
  for (const auto& e : form.errors) {
    std::string_view target = e.field;
    for (const auto& anchor : anchors) {
      if (anchor.field == e.field)
        target = anchor.id;
    }
    h << R"(<li><a href="#)"_m << target << "\">"_m << e.message << "</a></li>"_m;
  }
  h << "</ul></div></div>\n"_m;
}

void write_csrf_field(Html& h, std::string_view token) {
  h << R"(<input type="hidden" name="csrf_token" value=")"_m << token << "\">\n"_m;
}

void write_input_field(Html& h, const FormState& form, const InputField& in) {
  const FormError* error = open_field(h, form, in.name, in.label, in.label_size, in.hint);
  h << (error ? R"(<input class="nhsuk-input nhsuk-input--error" id=")"_m
              : R"(<input class="nhsuk-input" id=")"_m)
    << in.name << R"(" name=")"_m << in.name << R"(" type=")"_m << in.type << "\""_m;
  if (!in.autocomplete.empty())
    h << R"( autocomplete=")"_m << in.autocomplete << "\""_m;
  // A password is never sent back to the browser.
  if (in.type != "password") {
    if (!in.spellcheck)
      h << R"( spellcheck="false")"_m;
    h << R"( value=")"_m << in.value << "\""_m;
  }
  write_described_by(h, described_by(in.name, !in.hint.empty(), error != nullptr));
  h << "></div>\n"_m;
}

void write_textarea_field(Html& h, const FormState& form, const TextareaField& in) {
  bool counted = in.max_chars > 0;
  // The limit is said in words under the box and checked when the form is
  // sent. Not NHS.UK's character count markup: its CSS hides the message
  // until that component's script runs, and we do not load it.
  const FormError* error = open_field(h, form, in.name, in.label, in.label_size, in.hint);
  h << (error ? R"(<textarea class="nhsuk-textarea nhsuk-textarea--error" id=")"_m
              : R"(<textarea class="nhsuk-textarea" id=")"_m)
    << in.name << R"(" name=")"_m << in.name << R"(" rows=")"_m << in.rows << "\""_m;
  write_described_by(h, described_by(in.name, !in.hint.empty(), error != nullptr, counted));
  h << (in.newline_after_tag ? ">\n"_m : ">"_m) << in.value << "</textarea>"_m;
  if (counted) {
    std::string limit = std::to_string(in.max_chars);
    if (in.max_chars >= 1000)
      limit.insert(limit.size() - 3, ",");
    h << "\n<div class=\"nhsuk-hint cairn-char-limit\" id=\""_m << in.name
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
  write_described_by(h, described_by(name, !hint.empty(), error != nullptr));
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
  write_described_by(h, described_by(in.name, !in.hint.empty(), error != nullptr));
  h << R"(><legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">)"_m << in.legend
    << "</legend>\n"_m;
  if (!in.hint.empty())
    h << R"(<div class="nhsuk-hint" id=")"_m << in.name << R"(-hint">)"_m << in.hint
      << "</div>\n"_m;
  write_error_message(h, error, in.name);
  h << (in.inline_options ? R"(<div class="nhsuk-radios nhsuk-radios--inline">)"_m
                          : R"(<div class="nhsuk-radios">)"_m);
  for (std::size_t i = 0; i < in.options.size(); ++i) {
    const auto& option = in.options[i];
    std::string id = radio_option_id(in, i);
    h << R"(<div class="nhsuk-radios__item"><input class="nhsuk-radios__input" id=")"_m << id
      << R"(" name=")"_m << in.name << R"(" type="radio" value=")"_m << option.value << "\""_m;
    if (option.value == in.selected)
      h << " checked"_m;
    h << R"(><label class="nhsuk-label nhsuk-radios__label" for=")"_m << id << "\">"_m
      << option.label << "</label></div>"_m;
  }
  h << "</div></fieldset></div>\n"_m;
}

void write_submit_button(Html& h, std::string_view text, ButtonStyle style) {
  h << (style == ButtonStyle::secondary
            ? R"(<button class="nhsuk-button nhsuk-button--secondary" type="submit" data-module="nhsuk-button">)"_m
        : style == ButtonStyle::warning
            ? R"(<button class="nhsuk-button nhsuk-button--warning" type="submit" data-module="nhsuk-button">)"_m
            : R"(<button class="nhsuk-button" type="submit" data-module="nhsuk-button">)"_m)
    << text << "</button>\n"_m;
}

// ---- Crisis support

std::string tel_href(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '+')
      digits += c;
  }
  return "tel:" + digits;
}

SafeHtml crisis_support(const content::SiteSettings& site) {
  Html h;
  h << R"(<div class="nhsuk-card nhsuk-card--care nhsuk-card--care--urgent cairn-crisis"><div class="nhsuk-card--care__heading-container"><h2 class="nhsuk-card--care__heading"><span class="nhsuk-u-visually-hidden">Urgent advice: </span>If you need help now</h2><span class="nhsuk-card--care__arrow" aria-hidden="true"></span></div><div class="nhsuk-card__content"><ul class="nhsuk-list">)"_m;
  for (const auto& c : site.crisis) {
    h << "<li><strong>"_m << c.name << "</strong>: call <a href=\""_m << tel_href(c.phone)
      << "\">"_m << c.phone << "</a>. "_m << c.text << "</li>"_m;
  }
  h << "<li><strong>Our nurses</strong>: call <a href=\""_m << tel_href(site.helpline_phone)
    << "\">"_m << site.helpline_phone << "</a> when the helpline is open.</li>"_m
    << "</ul></div></div>\n"_m;
  return h.take();
}

}  // namespace cairn::views
