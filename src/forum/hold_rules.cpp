#include "forum/hold_rules.hpp"

#include "safeguarding/contact_details.hpp"

namespace cairn::forum {

std::string_view reason_title(HoldReason reason) {
  switch (reason) {
    case HoldReason::safeguarding:
      return "Safeguarding";
    case HoldReason::contact_details:
      return "Phone number or email";
    case HoldReason::first_posts:
      return "New member";
  }
  return "";
}

bool HoldDecision::safeguarding() const {
  return !reasons.empty() && reasons.front() == HoldReason::safeguarding;
}

int HoldDecision::priority() const {
  if (reasons.empty())
    return 0;
  switch (reasons.front()) {
    case HoldReason::safeguarding:
      return 0;
    case HoldReason::contact_details:
      return 2;
    case HoldReason::first_posts:
      return 3;
  }
  return 3;
}

std::string HoldDecision::stored() const {
  return store::to_string(reasons);
}

HoldDecision decide_hold(std::string_view text, const safeguarding::WatchedWords& watched,
                         int approved_posts, bool staff) {
  std::vector<safeguarding::WatchedWord> words;
  for (auto& phrase : watched.phrases())
    words.push_back({std::move(phrase), safeguarding::WordAction::hold, ""});
  return decide_hold(text, safeguarding::WatchedWordRules(std::move(words)), approved_posts, staff);
}

HoldDecision decide_hold(std::string_view text, const safeguarding::WatchedWordRules& rules,
                         int approved_posts, bool staff) {
  HoldDecision d;
  // Staff (moderators, nurses) may need to write about crisis support or give
  // the helpline's number; their posts never wait.
  if (staff)
    return d;
  auto screening = rules.screen(text);
  d.watched_words = std::move(screening.held);
  d.flagged = std::move(screening.flagged);
  d.blocked = std::move(screening.block);
  if (!d.watched_words.empty())
    d.reasons.push_back(HoldReason::safeguarding);
  if (safeguarding::contains_contact_details(text))
    d.reasons.push_back(HoldReason::contact_details);
  if (approved_posts < kPostsHeldForNewMembers)
    d.reasons.push_back(HoldReason::first_posts);
  return d;
}

}  // namespace cairn::forum
