#include "safeguarding/contact_details.hpp"

#include <cctype>

namespace cairn::safeguarding {

namespace {
bool is_local_char(unsigned char c) {
  return std::isalnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
}  // namespace

bool contains_email_address(std::string_view text) {
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (at == 0 || !is_local_char(static_cast<unsigned char>(text[at - 1])))
      continue;
    // A domain: letters/digits/hyphens with at least one dot followed by two letters.
    std::size_t i = at + 1;
    bool dot = false;
    std::size_t after_dot = 0;
    while (i < text.size()) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == '.') {
        dot = true;
        after_dot = 0;
      } else if (std::isalnum(c) || c == '-') {
        ++after_dot;
      } else {
        break;
      }
      ++i;
    }
    if (dot && after_dot >= 2)
      return true;
  }
  return false;
}

bool contains_phone_number(std::string_view text) {
  int digits = 0;
  int gap = 0;  // separators since the last digit
  for (unsigned char c : text) {
    if (std::isdigit(c)) {
      ++digits;
      gap = 0;
      if (digits >= 7)
        return true;
    } else if ((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+') &&
               digits > 0 && gap < 2) {
      ++gap;
    } else if (c == '+' && digits == 0) {
      gap = 0;
    } else {
      digits = 0;
      gap = 0;
    }
  }
  return false;
}

}  // namespace cairn::safeguarding
