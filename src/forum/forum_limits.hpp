// How long a member may edit their own post, and how new members are slowed
// down (like Discourse's trust level 0): no links or images until two of their
// posts were approved, and one post every few minutes on their first day.
#pragma once

#include <chrono>

namespace cairn::forum {

using namespace std::chrono_literals;

struct ForumLimits {
  std::chrono::seconds edit_window = 30min;      // --forum-edit-minutes
  std::chrono::seconds new_member_gap = 2min;    // --forum-slow-mode SECONDS (0: off)
  std::chrono::seconds new_member_period = 24h;  // how long "new" lasts
};

// Posts a member needs approved before they may share links and images.
inline constexpr int kPostsBeforeLinks = 2;

}  // namespace cairn::forum
