// Display names: the only thing other people see of an account. Any script is
// welcome; control, invisible and direction-changing characters are not, and
// a name must not look like an email address.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cairn::accounts {

inline constexpr std::size_t kDisplayNameMin = 2;
inline constexpr std::size_t kDisplayNameMax = 50;

// Trimmed, with runs of spaces made one.
std::string normalise_display_name(std::string_view name);
// Why a (normalised) name will not do; nothing if it will. `staff` lifts the
// reserved names ("Moderator", "Nurse", ...) for accounts an operator creates.
std::optional<std::string> display_name_problem(std::string_view name, bool staff = false);

}  // namespace cairn::accounts
