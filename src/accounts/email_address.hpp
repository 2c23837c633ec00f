// Email addresses as accounts keep them: trimmed and lower case, so one person
// cannot hold two accounts that differ only in letter case.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cairn::accounts {

std::string normalise_email(std::string_view email);
// Why a (normalised) email address will not do; nothing if it looks deliverable.
std::optional<std::string> email_problem(std::string_view email);

}  // namespace cairn::accounts
