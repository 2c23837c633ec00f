// Form posts: an application/x-www-form-urlencoded body read into fields.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http/message.hpp"

namespace cairn::http {

struct Form {
  std::multimap<std::string, std::string> fields;

  // The first value of a field, or empty.
  std::string get(const std::string& name) const;
  bool has(const std::string& name) const { return fields.count(name) > 0; }
};

// True when the request says its body is application/x-www-form-urlencoded.
bool is_form_post(const Request& request);
// The fields of a form post. invalid_input when the body is of another type or
// any name or value is not UTF-8 text.
Result<Form> parse_form(const Request& request);

}  // namespace cairn::http
