#include <gtest/gtest.h>

#include "core/safe_html.hpp"
#include "core/text.hpp"

namespace cairn {
namespace {

TEST(EscapeHtml, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(escape_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
}

TEST(EscapeHtml, LeavesPlainTextAlone) { EXPECT_EQ(escape_html("Ommaya reservoir"), "Ommaya reservoir"); }

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

}  // namespace
}  // namespace cairn
