// Phone numbers and email addresses in what people write: the forum's rules
// forbid sharing them, so posts that contain them wait for a moderator.
#pragma once

#include <string_view>

namespace cairn::safeguarding {

bool contains_email_address(std::string_view text);
// Seven or more digits in a run that may hold spaces, dots, dashes, brackets
// or a leading +: "07700 900123", "+44 (0)20 7946 0000".
bool contains_phone_number(std::string_view text);
inline bool contains_contact_details(std::string_view text) {
  return contains_email_address(text) || contains_phone_number(text);
}

}  // namespace cairn::safeguarding
