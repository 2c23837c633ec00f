// Watched words with actions: hold, block with a message, flag.
#include "safeguarding/watched_word_rules.hpp"

#include <gtest/gtest.h>

namespace cairn::safeguarding {
namespace {

TEST(WatchedWordRules, EachActionIsFoundAsWholeWordsIgnoringCase) {
  WatchedWordRules rules({{"end my life", WordAction::hold, ""},
                          {"miracle cure", WordAction::block, "No adverts, please."},
                          {"herbal", WordAction::flag, ""}});
  auto s = rules.screen("A MIRACLE cure! Herbal tea. I want to end my life.");
  EXPECT_EQ(s.held, std::vector<std::string>{"end my life"});
  EXPECT_EQ(s.flagged, std::vector<std::string>{"herbal"});
  EXPECT_EQ(s.block, "No adverts, please.");
  auto none = rules.screen("Herbalists and miracles");
  EXPECT_TRUE(none.held.empty() && none.flagged.empty() && !none.block);
}

TEST(WatchedWordRules, AdminsInputIsChecked) {
  EXPECT_FALSE(check_watched_word({" !! ", WordAction::hold, ""}).ok());
  EXPECT_FALSE(check_watched_word({"spam", WordAction::block, ""}).ok());
  EXPECT_FALSE(check_watched_word({std::string(101, 'a'), WordAction::flag, ""}).ok());
  EXPECT_TRUE(check_watched_word({"spam", WordAction::block, "No spam."}).ok());
  EXPECT_EQ(parse_word_action("flag"), WordAction::flag);
  EXPECT_FALSE(parse_word_action("delete"));
}

}  // namespace
}  // namespace cairn::safeguarding
