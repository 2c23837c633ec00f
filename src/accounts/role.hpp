// What an account may do: every registration is a member; staff roles are
// given by an operator (`cairn user add EMAIL --role nurse`).
#pragma once

#include <optional>
#include <string_view>

namespace cairn::accounts {

enum class Role { member, moderator, nurse, editor, admin };

// "member", "moderator", ...: the name stored and typed on the command line.
std::string_view role_name(Role role);
// "Member", "Moderator", ...: for pages.
std::string_view role_title(Role role);
// Accepts a stored or typed name in any letter case.
std::optional<Role> parse_role(std::string_view name);

}  // namespace cairn::accounts
