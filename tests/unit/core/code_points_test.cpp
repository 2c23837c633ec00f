// decode_utf8 and decode_utf8_at: which bytes are read as code points, and which are refused.
#include "core/code_points.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace cairn {
namespace {

struct DecodeCase {
  std::string name;
  std::string bytes;
  std::optional<std::u32string> points;  // nothing: refused
};

class DecodeUtf8Test : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(DecodeUtf8Test, ReadsOrRefuses) {
  EXPECT_EQ(decode_utf8(GetParam().bytes), GetParam().points);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DecodeUtf8Test,
    ::testing::Values(DecodeCase{"Empty", "", U""}, DecodeCase{"Ascii", "Jo 42", U"Jo 42"},
                      DecodeCase{"TwoBytes", "Leuk\xC3\xA4mie", U"Leuk\u00E4mie"},
                      DecodeCase{"ThreeBytes", "\xE2\x82\xAC", U"\u20AC"},
                      DecodeCase{"FourBytes", "\xF0\x9F\x98\x80", U"\U0001F600"},
                      DecodeCase{"Nul", std::string("a\0b", 3), std::u32string(U"a\0b", 3)},
                      DecodeCase{"LastCodePoint", "\xF4\x8F\xBF\xBF", U"\U0010FFFF"},
                      DecodeCase{"BeyondLastCodePoint", "\xF4\x90\x80\x80", std::nullopt},
                      DecodeCase{"CutShort", "\xC3", std::nullopt},
                      DecodeCase{"LoneContinuation", "\x80", std::nullopt},
                      DecodeCase{"BadContinuation", "\xC3\x28", std::nullopt},
                      DecodeCase{"OverlongSlash", "\xC0\xAF", std::nullopt},
                      DecodeCase{"OverlongThreeBytes", "\xE0\x80\xAF", std::nullopt},
                      DecodeCase{"Surrogate", "\xED\xA0\x80", std::nullopt},
                      DecodeCase{"FiveByteLead", "\xF8\x88\x80\x80\x80", std::nullopt},
                      DecodeCase{"InvalidByte", "ok\xFF", std::nullopt}),
    [](const auto& info) { return info.param.name; });

TEST(DecodeUtf8, CountsCharactersNotBytes) {
  auto points = decode_utf8("Zo\xC3\xAB \xE2\x9C\x93");  // "Zoë ✓"
  ASSERT_TRUE(points);
  EXPECT_EQ(points->size(), 5u);
}

TEST(DecodeUtf8At, ReadsOneCharacterAndTellsItsLength) {
  std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // "aé€😀"
  struct Step {
    std::size_t at;
    std::size_t len;
    char32_t cp;
  };
  for (auto [at, len, cp] :
       {Step{0, 1, U'a'}, Step{1, 2, 0xE9}, Step{3, 3, 0x20AC}, Step{6, 4, 0x1F600}}) {
    char32_t got = 0;
    EXPECT_EQ(decode_utf8_at(text, at, got), len) << at;
    EXPECT_EQ(got, cp) << at;
  }
}

TEST(DecodeUtf8At, ZeroWhereTheBytesAreNotUtf8) {
  char32_t cp = 0;
  EXPECT_EQ(decode_utf8_at("\xC3\xA9", 1, cp), 0u);      // a continuation byte
  EXPECT_EQ(decode_utf8_at("x\xE2\x82", 1, cp), 0u);     // cut short
  EXPECT_EQ(decode_utf8_at("\xC0\xAF", 0, cp), 0u);      // overlong
  EXPECT_EQ(decode_utf8_at("\xED\xB0\x80", 0, cp), 0u);  // a surrogate
}

}  // namespace
}  // namespace cairn
