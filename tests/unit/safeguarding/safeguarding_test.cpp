#include <gtest/gtest.h>

#include "safeguarding/contact_details.hpp"
#include "safeguarding/watched_words.hpp"

namespace cairn::safeguarding {
namespace {

WatchedWords real_list() {
  auto words =
      WatchedWords::load(std::string(CAIRN_SOURCE_DIR) + "/content/safeguarding/watched-words.txt");
  EXPECT_TRUE(words.ok());
  return words.value();
}

TEST(WatchedWords, FindsPhrasesWhateverTheCaseAndPunctuation) {
  auto words = real_list();
  EXPECT_TRUE(words.matches("Some days I just want to DIE."));
  EXPECT_TRUE(words.matches("i've been thinking about suicide"));
  EXPECT_TRUE(words.matches("I can't go on like this"));
  EXPECT_TRUE(words.matches("I cant go on"));
  EXPECT_TRUE(words.matches("thoughts of self-harm"));
  EXPECT_TRUE(words.matches("I want to\nend   my life"));
}

TEST(WatchedWords, RespectsWordBoundaries) {
  auto words = WatchedWords::parse("die\ncut myself\n");
  EXPECT_FALSE(words.matches("My diet has changed"));
  EXPECT_FALSE(words.matches("The studies were long"));
  EXPECT_TRUE(words.matches("I might die"));
}

TEST(WatchedWords, OrdinaryPostsAreNotHeld) {
  auto words = real_list();
  EXPECT_FALSE(
      words.matches("My mum started intrathecal chemotherapy through an Ommaya reservoir."));
  EXPECT_FALSE(words.matches("Does anyone have tips for the lumbar puncture?"));
}

TEST(WatchedWords, CommentsAndBlankLinesAreIgnored) {
  auto words = WatchedWords::parse("# a comment\n\n  overdose  # trailing\n");
  EXPECT_EQ(words.size(), 1u);
  EXPECT_EQ(words.find_in("an OVERDOSE")[0], "overdose");
}

TEST(ContactDetails, FindsPhoneNumbers) {
  EXPECT_TRUE(contains_phone_number("ring me on 07700 900123"));
  EXPECT_TRUE(contains_phone_number("+44 (0)20 7946 0000"));
  EXPECT_TRUE(contains_phone_number("0161-496-0000"));
  EXPECT_FALSE(contains_phone_number("I was diagnosed in 2023 at 54"));
  EXPECT_FALSE(contains_phone_number("Phase 2, 17 patients, 10 months"));
}

TEST(ContactDetails, FindsEmailAddresses) {
  EXPECT_TRUE(contains_email_address("write to jane.doe@example.co.uk please"));
  EXPECT_FALSE(contains_email_address("we met @ the hospital"));
  EXPECT_FALSE(contains_email_address("user@localhost"));
}

}  // namespace
}  // namespace cairn::safeguarding
