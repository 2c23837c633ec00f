#include "trials/json_scan.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cairn::trials {
namespace {

// Every character that ends a plain run, at every place in and around an 8-byte word.
TEST(JsonScan, FindsTheFirstQuoteBackslashOrControlCharacterWherever) {
  std::string specials = std::string("\"\\\n\t\x01\x1f") + '\0';
  for (char special : specials) {
    for (std::size_t at = 0; at < 20; ++at) {
      std::string text(24, 'a');
      text[at] = special;
      text[at + 2] = '"';  // a later one never wins
      for (std::size_t from = 0; from <= at; ++from) {
        EXPECT_EQ(find_json_special(text, from), at)
            << "character " << int(special) << " at " << at << " from " << from;
      }
    }
  }
}

TEST(JsonScan, PassesOverPlainTextAndUtf8) {
  std::string text = "Leuk\xC3\xA4mie ~ 100% \x7F caf\xC3\xA9 and more plain text";
  EXPECT_EQ(find_json_special(text, 0), text.size());
  EXPECT_EQ(find_json_special(text + "\"", 3), text.size());
  EXPECT_EQ(find_json_special("", 0), 0u);
  EXPECT_EQ(find_json_special("abc", 3), 3u);
}

TEST(JsonScan, TellsAsciiFromTextWithOtherCharacters) {
  EXPECT_TRUE(is_ascii(""));
  EXPECT_TRUE(is_ascii("plain text that is longer than one word \x7F"));
  for (std::size_t at = 0; at < 20; ++at) {
    std::string text(20, 'a');
    text[at] = '\xC3';
    EXPECT_FALSE(is_ascii(text)) << at;
  }
}

}  // namespace
}  // namespace cairn::trials
