#include "accounts/display_name.hpp"

#include <array>

#include "core/code_points.hpp"
#include "core/text.hpp"

namespace cairn::accounts {

namespace {

bool unwanted(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||  // control characters
         c == 0x00AD ||                           // soft hyphen
         (c >= 0x200B && c <= 0x200F) ||          // zero-width and direction marks
         (c >= 0x2028 && c <= 0x202E) ||          // line separators, bidi embedding
         (c >= 0x2060 && c <= 0x206F) ||          // word joiner, bidi isolates
         c == 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFF) || (c >= 0xE000 && c <= 0xF8FF);
}

// Names that would let a member pass as staff or as a deleted member.
constexpr std::array<std::string_view, 8> kReserved = {"deleted member", "moderator", "moderators",
                                                       "nurse",          "nurses",    "admin",
                                                       "administrator",  "cairn"};

}  // namespace

std::string normalise_display_name(std::string_view name) {
  return squeeze_spaces(trim(name));
}

std::optional<std::string> display_name_problem(std::string_view name, bool staff) {
  if (name.empty())
    return "Enter a display name";
  auto chars = decode_utf8(name);
  if (!chars)
    return "Your display name contains characters we cannot read";
  if (chars->size() < kDisplayNameMin) {
    return "Your display name must be at least " + std::to_string(kDisplayNameMin) + " characters";
  }
  if (chars->size() > kDisplayNameMax) {
    return "Your display name must be " + std::to_string(kDisplayNameMax) + " characters or fewer";
  }
  for (char32_t c : *chars) {
    if (unwanted(c))
      return "Your display name contains a hidden or control character";
  }
  if (name.find('@') != std::string_view::npos) {
    return "Your display name must not be an email address: other people can see it";
  }
  if (!staff) {
    std::string lower = to_lower_ascii(name);
    for (auto reserved : kReserved) {
      if (lower == reserved)
        return "That display name is kept for our team. Choose another";
    }
  }
  return std::nullopt;
}

}  // namespace cairn::accounts
