#include "http/form.hpp"

#include "core/text.hpp"

namespace cairn::http {

std::string Form::get(const std::string& name) const {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

bool is_form_post(const Request& request) {
  auto type = request.header("Content-Type");
  auto media = to_lower_ascii(trim(type.substr(0, type.find(';'))));
  return media == "application/x-www-form-urlencoded";
}

Result<Form> parse_form(const Request& request) {
  if (!is_form_post(request)) {
    return make_error(Errc::invalid_input, "Send the form from its page on this site.");
  }
  Form form{parse_query(request.body)};
  for (const auto& [name, value] : form.fields) {
    if (!is_valid_utf8(name) || !is_valid_utf8(value)) {
      return make_error(Errc::invalid_input,
                        "The form contained text we could not read. Check what you typed.");
    }
  }
  return form;
}

}  // namespace cairn::http
