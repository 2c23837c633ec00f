// What makes a new password acceptable: 10 to 256 characters, not on the list
// of common passwords (content/common-passwords.txt), not the person's email or
// display name, and not one character repeated.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/result.hpp"

namespace cairn::accounts {

class PasswordPolicy {
 public:
  static constexpr std::size_t kMinLength = 10;
  static constexpr std::size_t kMaxLength = 256;

  // `common` holds lower-case passwords that are refused.
  explicit PasswordPolicy(std::unordered_set<std::string> common = {});
  // Reads one password a line; blank lines and lines starting with '#' are skipped.
  static Result<PasswordPolicy> load(const std::filesystem::path& list);

  // Why the password will not do, in words the person can act on; nothing if it will.
  std::optional<std::string> problem(std::string_view password, std::string_view email = {},
                                     std::string_view display_name = {}) const;
  std::size_t common_count() const { return common_.size(); }

 private:
  std::unordered_set<std::string> common_;
};

}  // namespace cairn::accounts
