#include "accounts/password_policy.hpp"

#include <algorithm>
#include <fstream>

#include "core/code_points.hpp"
#include "core/text.hpp"

namespace cairn::accounts {

PasswordPolicy::PasswordPolicy(std::unordered_set<std::string> common)
    : common_(std::move(common)) {}

Result<PasswordPolicy> PasswordPolicy::load(const std::filesystem::path& list) {
  std::ifstream in(list);
  if (!in) {
    return make_error(Errc::not_found, "cannot read the common passwords list " + list.string());
  }
  std::unordered_set<std::string> common;
  std::string line;
  while (std::getline(in, line)) {
    auto word = trim(line);
    if (word.empty() || word.front() == '#')
      continue;
    common.insert(to_lower_ascii(word));
  }
  return PasswordPolicy(std::move(common));
}

std::optional<std::string> PasswordPolicy::problem(std::string_view password,
                                                   std::string_view email,
                                                   std::string_view display_name) const {
  auto chars = decode_utf8(password);
  if (!chars)
    return "Your password contains characters we cannot read. Choose another password";
  if (chars->size() < kMinLength) {
    return "Your password must be at least " + std::to_string(kMinLength) + " characters long";
  }
  if (chars->size() > kMaxLength) {
    return "Your password must be " + std::to_string(kMaxLength) + " characters or fewer";
  }
  std::string lower = to_lower_ascii(password);
  if (common_.contains(lower) || common_.contains(std::string(trim(lower)))) {
    return "That password is too common and easy to guess. Choose a less common password";
  }
  if (std::all_of(chars->begin(), chars->end(), [&](char32_t c) { return c == chars->front(); })) {
    return "Your password must not be one character repeated. Choose another password";
  }
  std::string lower_email = to_lower_ascii(trim(email));
  std::string local_part = lower_email.substr(0, lower_email.find('@'));
  if (!lower_email.empty() && (lower == lower_email || lower == local_part)) {
    return "Your password must not be your email address";
  }
  if (!trim(display_name).empty() && lower == to_lower_ascii(trim(display_name))) {
    return "Your password must not be your display name";
  }
  return std::nullopt;
}

}  // namespace cairn::accounts
