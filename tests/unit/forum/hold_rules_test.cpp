#include "forum/hold_rules.hpp"

#include <gtest/gtest.h>

namespace cairn::forum {
namespace {

safeguarding::WatchedWords watched() {
  auto w = safeguarding::WatchedWords::load(std::string(CAIRN_SOURCE_DIR) +
                                            "/content/safeguarding/watched-words.txt");
  EXPECT_TRUE(w) << w.error().message;
  return std::move(w.value());
}

TEST(HoldRules, AnEstablishedMembersOrdinaryPostIsPublic) {
  auto d = decide_hold("Chemo went fine today, thanks all.", watched(), 2, false);
  EXPECT_FALSE(d.held());
}

TEST(HoldRules, ANewMembersFirstTwoPostsWait) {
  auto w = watched();
  EXPECT_EQ(decide_hold("Hello", w, 0, false).stored(), "first_posts");
  EXPECT_EQ(decide_hold("Hello again", w, 1, false).stored(), "first_posts");
  EXPECT_FALSE(decide_hold("Third", w, 2, false).held());
}

TEST(HoldRules, SafeguardingLanguageWaitsFirstInTheQueue) {
  auto d = decide_hold("Some days I want to die.", watched(), 5, false);
  ASSERT_TRUE(d.held());
  EXPECT_TRUE(d.safeguarding());
  EXPECT_EQ(d.priority(), 0);
  EXPECT_EQ(d.watched_words, std::vector<std::string>{"want to die"});
}

TEST(HoldRules, PhoneNumbersAndEmailsWait) {
  auto w = watched();
  for (std::string text : {"Ring me on 07700 900123", "I'm jo.bloggs@example.com"}) {
    auto d = decide_hold(text, w, 5, false);
    ASSERT_TRUE(d.held()) << text;
    EXPECT_EQ(d.stored(), "contact_details");
    EXPECT_EQ(d.priority(), 2);
  }
}

TEST(HoldRules, EveryReasonIsKeptMostUrgentFirst) {
  auto d = decide_hold("I want to end my life, call 07700 900123", watched(), 0, false);
  EXPECT_EQ(d.stored(), "safeguarding contact_details first_posts");
  EXPECT_EQ(store::parse_hold_reasons(d.stored()), d.reasons);
  EXPECT_EQ(d.priority(), 0);
}

TEST(HoldRules, StaffPostsNeverWait) {
  auto d = decide_hold("If you feel suicidal, call Samaritans on 116 123.", watched(), 0, true);
  EXPECT_FALSE(d.held());
}

}  // namespace
}  // namespace cairn::forum
