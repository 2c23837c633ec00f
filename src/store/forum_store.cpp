// The forum's typed values as the database keeps them (text columns): the one
// place a post status or a hold reason turns into text and back.
#include "store/forum_store.hpp"

#include "core/text.hpp"
#include "store/stored_names.hpp"

namespace cairn::store {

namespace {

constexpr std::pair<PostStatus, std::string_view> kPostStatuses[] = {
    {PostStatus::published, "public"}, {PostStatus::held, "held"}, {PostStatus::hidden, "hidden"}};

// Also the order reasons are read back in: most urgent first.
constexpr std::pair<HoldReason, std::string_view> kReasons[] = {
    {HoldReason::safeguarding, "safeguarding"},
    {HoldReason::contact_details, "contact_details"},
    {HoldReason::first_posts, "first_posts"}};

}  // namespace

std::string_view to_string(PostStatus status) {
  return stored_name<PostStatus>(kPostStatuses, status, "hidden");
}

// Unknown text reads as hidden: a bad row never makes a post public.
PostStatus parse_post_status(std::string_view stored) {
  return stored_value<PostStatus>(kPostStatuses, stored, PostStatus::hidden);
}

std::string_view to_string(HoldReason reason) {
  return stored_name<HoldReason>(kReasons, reason, "");
}

std::string to_string(const HoldReasons& reasons) {
  std::string out;
  for (auto r : reasons) {
    if (!out.empty())
      out += ' ';
    out += to_string(r);
  }
  return out;
}

HoldReasons parse_hold_reasons(std::string_view stored) {
  auto words = split(stored, ' ');
  HoldReasons out;
  for (const auto& [reason, name] : kReasons) {
    for (const auto& word : words) {
      if (word == name)
        out.push_back(reason);
    }
  }
  return out;
}

}  // namespace cairn::store
