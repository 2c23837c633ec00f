#include "accounts/email_address.hpp"

#include "core/text.hpp"

namespace cairn::accounts {

std::string normalise_email(std::string_view email) {
  return to_lower_ascii(trim(email));
}

std::optional<std::string> email_problem(std::string_view email) {
  if (email.empty())
    return "Enter your email address";
  if (email.size() > 254 || !is_valid_utf8(email)) {
    return "Enter an email address in the correct format, like name@example.com";
  }
  auto at = email.rfind('@');
  bool ok = at != std::string_view::npos && at > 0 && at < 65 && email.find('@') == at;
  if (ok) {
    auto domain = email.substr(at + 1);
    auto dot = domain.find('.');
    ok = dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
  }
  for (unsigned char c : email) {
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '\\' ||
        c == '"') {
      ok = false;
    }
  }
  if (!ok)
    return "Enter an email address in the correct format, like name@example.com";
  return std::nullopt;
}

}  // namespace cairn::accounts
