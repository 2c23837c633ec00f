// The small text helpers of core/text and core/safe_html.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/safe_html.hpp"
#include "core/text.hpp"

namespace cairn {
namespace {

TEST(EscapeHtml, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(escape_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
}

TEST(EscapeHtml, LeavesPlainTextAlone) {
  EXPECT_EQ(escape_html("Ommaya reservoir"), "Ommaya reservoir");
}

TEST(Slugify, MakesReadableAnchors) {
  EXPECT_EQ(slugify("How is LM treated?"), "how-is-lm-treated");
  EXPECT_EQ(slugify("  Leukaemia and lymphoma "), "leukaemia-and-lymphoma");
  EXPECT_EQ(slugify("What's next"), "whats-next");
}

TEST(UrlDecode, DecodesPercentAndPlus) {
  EXPECT_EQ(url_decode("a%20b+c", true), "a b c");
  EXPECT_EQ(url_decode("a%20b+c", false), "a b+c");
  EXPECT_EQ(url_decode("100%", true), "100%");
  EXPECT_EQ(url_decode("%zz", true), "%zz");
}

TEST(Utf8, RejectsBrokenSequences) {
  EXPECT_TRUE(is_valid_utf8("Leukämie"));
  EXPECT_FALSE(is_valid_utf8(std::string("\xC3", 1)));
  EXPECT_FALSE(is_valid_utf8(std::string("\xFF\xFE", 2)));
}

TEST(Split, KeepsEmptyParts) {
  auto parts = split("a,,b", ',');
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[1], "");
}

TEST(HexDigitValue, EitherCaseAndNothingElse) {
  struct Case {
    char c;
    int value;
  };
  for (auto [c, value] :
       {Case{'0', 0}, Case{'9', 9}, Case{'a', 10}, Case{'f', 15}, Case{'A', 10}, Case{'F', 15},
        Case{'g', -1}, Case{'G', -1}, Case{'/', -1}, Case{':', -1}, Case{'@', -1}, Case{'`', -1},
        Case{' ', -1}, Case{'\0', -1}, Case{'\xC3', -1}}) {
    EXPECT_EQ(hex_digit_value(c), value) << c;
  }
  static_assert(hex_digit_value('e') == 14);
}

TEST(AppendUtf8, EncodesEachLength) {
  struct Case {
    char32_t cp;
    std::string bytes;
  };
  for (const auto& c :
       {Case{U'A', "A"}, Case{0x7F, "\x7F"}, Case{0x80, "\xC2\x80"}, Case{0xE9, "\xC3\xA9"},
        Case{0x7FF, "\xDF\xBF"}, Case{0x800, "\xE0\xA0\x80"}, Case{0x20AC, "\xE2\x82\xAC"},
        Case{0xFFFD, "\xEF\xBF\xBD"}, Case{0xFFFF, "\xEF\xBF\xBF"},
        Case{0x10000, "\xF0\x90\x80\x80"}, Case{0x1F600, "\xF0\x9F\x98\x80"},
        Case{0x10FFFF, "\xF4\x8F\xBF\xBF"}}) {
    std::string out = "<";
    append_utf8(out, c.cp);
    EXPECT_EQ(out, "<" + c.bytes) << static_cast<unsigned>(c.cp);
  }
}

TEST(AppendUtf8, WritesNulAndSurrogatesAsTheyAre) {
  std::string out;
  append_utf8(out, 0);
  append_utf8(out, 0xD800);
  EXPECT_EQ(out, std::string("\0\xED\xA0\x80", 4));
}

TEST(AppendUtf8, PastTheLastCodePointIsTheReplacementCharacter) {
  std::string out;
  append_utf8(out, 0x110000);
  EXPECT_EQ(out, "\xEF\xBF\xBD");
}

TEST(SqueezeSpaces, OneSpaceBetweenWordsAndNoneAtTheEnds) {
  struct Case {
    std::string_view in;
    std::string_view out;
  };
  for (const auto& c : {Case{"", ""}, Case{"   ", ""}, Case{"Jo", "Jo"},
                        Case{"Jo Bloggs", "Jo Bloggs"}, Case{"  Jo \n\t Bloggs \r\n", "Jo Bloggs"},
                        Case{"a\n\nb\tc\rd", "a b c d"}, Case{"\n\nHeading\n", "Heading"}}) {
    EXPECT_EQ(squeeze_spaces(c.in), c.out) << c.in;
  }
}

TEST(SqueezeSpaces, OnlySpacesTabsAndLineBreaksAreSpace) {
  // Vertical tab, form feed and no-break space are kept: trim() first where they should go.
  EXPECT_EQ(squeeze_spaces("a \v b"), "a \v b");
  EXPECT_EQ(squeeze_spaces("\fa\xC2\xA0 b"), "\fa\xC2\xA0 b");
  EXPECT_EQ(squeeze_spaces(trim("\v a  b \f")), "a b");
}

TEST(PrintableForLog, LineBreaksAndEscapesCannotForgeALine) {
  EXPECT_EQ(printable_for_log("/about\nerror 1 GET /admin: x"), "/about\\x0aerror 1 GET /admin: x");
  EXPECT_EQ(printable_for_log("a\r\x1b[31m\x7f\\"), "a\\x0d\\x1b[31m\\x7f\\x5c");
  EXPECT_EQ(printable_for_log("caf\xc3\xa9 \xff"), "caf\xc3\xa9 \xff");
}

TEST(PrintableForLog, KeepsAtMostTheGivenBytes) {
  EXPECT_EQ(printable_for_log(std::string(500, 'a')).size(), 200u);
  EXPECT_EQ(printable_for_log("abcdef", 3), "abc");
}

}  // namespace
}  // namespace cairn
