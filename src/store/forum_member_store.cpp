// A member's mail choice as the database keeps it: the one place it turns
// into text and back.
#include "store/forum_member_store.hpp"

#include <utility>

#include "store/stored_names.hpp"

namespace cairn::store {

namespace {

constexpr std::pair<MailChoice, std::string_view> kMailChoices[] = {
    {MailChoice::each, "each"}, {MailChoice::digest, "digest"}, {MailChoice::off, "off"}};

}  // namespace

std::string_view to_string(MailChoice choice) {
  return stored_name<MailChoice>(kMailChoices, choice, "off");
}

MailChoice parse_mail_choice(std::string_view stored) {
  return stored_value<MailChoice>(kMailChoices, stored, MailChoice::off);
}

}  // namespace cairn::store
