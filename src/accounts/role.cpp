#include "accounts/role.hpp"

#include <array>
#include <utility>

#include "core/text.hpp"

namespace cairn::accounts {

namespace {
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kRoles = {{
    {"member", "Member"},
    {"moderator", "Moderator"},
    {"nurse", "Nurse"},
    {"editor", "Editor"},
    {"admin", "Administrator"},
}};
}  // namespace

std::string_view role_name(Role role) {
  return kRoles[static_cast<std::size_t>(role)].first;
}

std::string_view role_title(Role role) {
  return kRoles[static_cast<std::size_t>(role)].second;
}

std::optional<Role> parse_role(std::string_view name) {
  std::string lower = to_lower_ascii(trim(name));
  for (std::size_t i = 0; i < kRoles.size(); ++i) {
    if (kRoles[i].first == lower)
      return static_cast<Role>(i);
  }
  return std::nullopt;
}

}  // namespace cairn::accounts
