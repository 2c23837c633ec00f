#include "search/snippet.hpp"

#include <gtest/gtest.h>

namespace cairn::search {
namespace {

std::string marked(std::string_view word) {
  return std::string(kHighlightStart) + std::string(word) + std::string(kHighlightEnd);
}

TEST(SnippetHtml, HighlightsBecomeMarkAndTextIsEscaped) {
  // Xapian escapes & < > itself; quotes it leaves.
  std::string xapian = "&lt;script&gt;alert(\"x\")&lt;/script&gt; " + marked("csf") + " &amp; 'q'";
  EXPECT_EQ(snippet_html(xapian).str(),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>csf</mark> &amp; &#39;q&#39;");
}

TEST(SnippetHtml, EscapedEntitiesInTheTextStayEscaped) {
  // The document text literally contained "&lt;b&gt;": Xapian gives "&amp;lt;b&amp;gt;".
  EXPECT_EQ(snippet_html("&amp;lt;b&amp;gt;").str(), "&amp;lt;b&amp;gt;");
}

TEST(SnippetHtml, UnbalancedMarkersStillGiveBalancedMarkup) {
  EXPECT_EQ(snippet_html(std::string(kHighlightStart) + "a").str(), "<mark>a</mark>");
  EXPECT_EQ(snippet_html("a" + std::string(kHighlightEnd)).str(), "a");
}

TEST(LeadingHtml, ShortTextsWholeLongOnesCutAtASpace) {
  EXPECT_EQ(leading_html("All about <xylophones>.", 220).str(), "All about &lt;xylophones&gt;.");
  EXPECT_EQ(leading_html("Steroids ease headaches and swelling.", 20).str(), "Steroids ease\u2026");
  // No space to cut at: cut between characters, never inside one ("\u00e9" is two bytes).
  EXPECT_EQ(leading_html("caf\u00e9caf\u00e9", 4).str(), "caf\u2026");
}

TEST(WithoutMarkers, DocumentTextCannotCarryHighlightMarkers) {
  EXPECT_EQ(without_markers(marked("x") + "y"), "xy");
}

}  // namespace
}  // namespace cairn::search

namespace cairn::search {
namespace {

TEST(SentenceStart, ASnippetCutMidSentenceGetsItsSentenceBack) {
  std::string text =
      "Treatment for LM usually aims to ease symptoms. Treatment does not usually cure LM. "
      "Your team will talk to you.";
  std::string cut = "\u2026" + marked("cure") + " LM. Your team will talk to you.";
  EXPECT_EQ(from_sentence_start(cut, text, 110),
            "Treatment does not usually " + marked("cure") + " LM. Your team will talk to you.");
  // A colon ends a lead-in too; the text put back is escaped as Xapian escapes.
  std::string amp = "Risks: side & more with an Ommaya reservoir in place.";
  EXPECT_EQ(from_sentence_start("\u2026with an " + marked("Ommaya") + " reservoir", amp, 110),
            "side &amp; more with an " + marked("Ommaya") + " reservoir");
}

TEST(SentenceStart, LeavesWholeSentencesAndFarStartsAlone) {
  std::string text = "Headache is the most common symptom. Feeling sick is also common.";
  std::string whole = marked("Headache") + " is the most common symptom.";
  EXPECT_EQ(from_sentence_start(whole, text, 110), whole);  // no leading "…": nothing cut
  std::string far(500, 'a');
  far += " then the word cure appears.";
  std::string snippet = "\u2026the word " + marked("cure") + " appears.";
  EXPECT_EQ(from_sentence_start(snippet, far, 110), snippet);
  EXPECT_EQ(from_sentence_start("\u2026not in the text", text, 110), "\u2026not in the text");
}

}  // namespace
}  // namespace cairn::search
