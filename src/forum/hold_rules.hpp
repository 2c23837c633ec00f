// Which new posts wait for a moderator, and why: safeguarding language first
// (the poster sees crisis support at once), then phone numbers and email
// addresses (the rules forbid sharing them), then a new member's first posts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "safeguarding/watched_word_rules.hpp"
#include "safeguarding/watched_words.hpp"
#include "store/forum_store.hpp"

namespace cairn::forum {

// The store keeps the reasons with the post, so the type lives there.
using store::HoldReason;
using store::HoldReasons;

// Posts of a member that wait until a moderator has approved this many.
inline constexpr int kPostsHeldForNewMembers = 2;

// For moderators: "Safeguarding", "Phone number or email", "New member".
std::string_view reason_title(HoldReason reason);

struct HoldDecision {
  HoldReasons reasons;                     // most urgent first; empty: the post is public at once
  std::vector<std::string> watched_words;  // the safeguarding ("hold") phrases found
  std::vector<std::string> flagged;        // "flag" phrases found: public, but queued for a look
  std::optional<std::string> blocked;      // a "block" phrase's message: the post is refused

  bool held() const { return !reasons.empty(); }
  bool safeguarding() const;
  // Queue order: 0 safeguarding, 2 contact details, 3 first posts (1 is reports).
  int priority() const;
  std::string stored() const;  // space-separated reason names
};

// `approved_posts`: the author's posts already public. Staff posts never wait
// (and are never blocked or flagged).
HoldDecision decide_hold(std::string_view text, const safeguarding::WatchedWordRules& rules,
                         int approved_posts, bool staff);
// With every phrase of a plain list as "hold".
HoldDecision decide_hold(std::string_view text, const safeguarding::WatchedWords& watched,
                         int approved_posts, bool staff);

}  // namespace cairn::forum
