#include "trials/json_filter.hpp"

#include <gtest/gtest.h>

namespace cairn::trials {
namespace {

using nlohmann::json;

bool keep_all(int, std::string_view) {
  return true;
}
bool keep_only_a(int, std::string_view key) {
  return key == "a";
}

json parse_all(std::string_view text) {
  auto parsed = parse_json_filtered(text, keep_all);
  EXPECT_TRUE(parsed) << text << ": " << (parsed ? "" : parsed.error().message);
  return parsed ? *parsed : json();
}

std::string error_of(std::string_view text) {
  auto parsed = parse_json_filtered(text, keep_all);
  return parsed ? "<parsed>" : parsed.error().message;
}

TEST(JsonFilter, ReadsWhatNlohmannReads) {
  for (std::string_view text :
       {R"({"a": [1, -2, 3.5, 1e3, -0.25E-2, true, false, null, "x"], "b": {}, "c": []})",
        R"("\u00e9\u20ac\ud83d\ude00 \"\\\/\b\f\n\r\t")", " 42 ", "[[[]]]",
        R"({"k":"Leukämie"})"}) {
    EXPECT_EQ(parse_all(text), json::parse(text)) << text;
  }
}

// Long strings are read eight bytes at a time: escapes, UTF-8 and the closing quote must be
// found wherever they fall in a word, in kept and skipped strings alike.
TEST(JsonFilter, ReadsLongStringsWithEscapesAnywhere) {
  for (std::size_t at = 0; at < 24; ++at) {
    for (std::string_view escape :
         {"\\\"", "\\n", "\\u00e9", "\u00e9", "\\\\", "caf\u00c3\u00a9"}) {
      std::string body = std::string(at, 'x') + std::string(escape) + std::string(17, 'y');
      std::string text = R"({"a": ")" + body + R"(", "b": ")" + body + R"("})";
      EXPECT_EQ(parse_all(text), json::parse(text)) << text;
      auto kept = parse_json_filtered(text, keep_only_a);
      ASSERT_TRUE(kept) << text;
      EXPECT_EQ(*kept, json::parse(R"({"a": ")" + body + R"("})")) << text;
    }
  }
}

TEST(JsonFilter, FindsControlCharactersAndBadUtf8InLongStrings) {
  std::string long_text(30, 'x');
  EXPECT_EQ(error_of("\"" + long_text + "\n\""),
            "invalid JSON at byte 31: control character in a string");
  EXPECT_EQ(error_of("[\"" + long_text + "\xC3\x28\"]"),
            "invalid JSON at byte 35: text is not UTF-8");
  EXPECT_FALSE(parse_json_filtered(R"({"b": ")" + long_text + "\t\"}", keep_only_a));
}

TEST(JsonFilter, BuildsOnlyTheMembersKept) {
  auto parsed = parse_json_filtered(R"({"a": {"a": 1, "b": 2}, "b": [1, {"a": 3}]})", keep_only_a);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, json::parse(R"({"a": {"a": 1}})"));
}

TEST(JsonFilter, TellsTheDepthOfEachMember) {
  auto keep_shallow = [](int depth, std::string_view) { return depth < 2; };
  auto parsed = parse_json_filtered(R"({"x": {"y": 1}, "z": 2})", keep_shallow);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, json::parse(R"({"x": {}, "z": 2})"));
}

TEST(JsonFilter, ChecksTheSyntaxOfSkippedValues) {
  EXPECT_FALSE(parse_json_filtered(R"({"b": [1, 2,]})", keep_only_a));
  EXPECT_FALSE(parse_json_filtered(R"({"b": "\q"})", keep_only_a));
  EXPECT_FALSE(parse_json_filtered(R"({"b": 01})", keep_only_a));
  EXPECT_FALSE(parse_json_filtered(R"({"b": tru})", keep_only_a));
}

TEST(JsonFilter, SaysWhereAndWhatIsWrong) {
  EXPECT_EQ(error_of(R"({"a" 1})"), "invalid JSON at byte 5: expected ':' after a key");
  EXPECT_EQ(error_of(R"({"a": 1)"), "invalid JSON at byte 7: expected ',' or '}'");
  EXPECT_EQ(error_of("[1] x"), "invalid JSON at byte 4: unexpected text after the end");
  EXPECT_EQ(error_of("\"a\nb\""), "invalid JSON at byte 2: control character in a string");
  EXPECT_EQ(error_of(R"("\ud800")"), "invalid JSON at byte 7: lone surrogate in \\u escape");
  EXPECT_EQ(error_of("\"\xC3\x28\""), "invalid JSON at byte 4: text is not UTF-8");
  EXPECT_EQ(error_of(""), "invalid JSON at byte 0: unexpected end of text");
}

TEST(JsonFilter, RefusesNestingDeepEnoughToExhaustTheStack) {
  std::string deep(100000, '[');
  EXPECT_NE(error_of(deep).find("nested too deeply"), std::string::npos);
}

}  // namespace
}  // namespace cairn::trials
