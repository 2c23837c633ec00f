// The forum's typed values as the database keeps them (text columns): the one
// place a post status or a hold reason turns into text and back.
#include "store/forum_store.hpp"

#include "core/text.hpp"

namespace cairn::store {

namespace {

constexpr HoldReason kAllReasons[] = {HoldReason::safeguarding, HoldReason::contact_details,
                                      HoldReason::first_posts};

}  // namespace

std::string_view to_string(PostStatus status) {
  switch (status) {
    case PostStatus::published:
      return "public";
    case PostStatus::held:
      return "held";
    case PostStatus::hidden:
      return "hidden";
  }
  return "hidden";
}

PostStatus parse_post_status(std::string_view stored) {
  if (stored == "public")
    return PostStatus::published;
  if (stored == "held")
    return PostStatus::held;
  return PostStatus::hidden;
}

std::string_view to_string(HoldReason reason) {
  switch (reason) {
    case HoldReason::safeguarding:
      return "safeguarding";
    case HoldReason::contact_details:
      return "contact_details";
    case HoldReason::first_posts:
      return "first_posts";
  }
  return "";
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
  for (auto reason : kAllReasons) {
    for (const auto& word : words) {
      if (word == to_string(reason))
        out.push_back(reason);
    }
  }
  return out;
}

}  // namespace cairn::store
