#include <gtest/gtest.h>

#include <string>

#include "content/line_diff.hpp"

namespace cairn::content {
namespace {

// "-a +b  c" style: one token per line, for short expectations.
std::string describe(const std::vector<DiffLine>& lines) {
  std::string out;
  for (const auto& l : lines) {
    if (!out.empty())
      out += ' ';
    out += l.kind == DiffKind::same ? " " : l.kind == DiffKind::removed ? "-" : "+";
    out += l.text;
  }
  return out;
}

TEST(LineDiff, SameTextsHaveNoChanges) {
  auto lines = diff_lines("a\nb\nc\n", "a\nb\nc\n");
  EXPECT_EQ(describe(lines), " a  b  c");
  EXPECT_TRUE(diff_hunks(lines).empty());
}

TEST(LineDiff, FindsAddedRemovedAndChangedLines) {
  EXPECT_EQ(describe(diff_lines("a\nb\nc\n", "a\nx\nc\n")), " a -b +x  c");
  EXPECT_EQ(describe(diff_lines("a\nc\n", "a\nb\nc\n")), " a +b  c");
  EXPECT_EQ(describe(diff_lines("a\nb\nc\n", "a\nc\n")), " a -b  c");
  EXPECT_EQ(describe(diff_lines("", "a\n")), "+a");
  EXPECT_EQ(describe(diff_lines("a\n", "")), "-a");
}

TEST(LineDiff, KeepsTheLongestCommonLines) {
  // Moving one line is one removal and one addition, not a rewrite of everything.
  auto lines = diff_lines("1\n2\n3\n4\n5\n", "2\n3\n4\n5\n1\n");
  EXPECT_EQ(describe(lines), "-1  2  3  4  5 +1");
}

TEST(LineDiff, NumbersLinesOnBothSides) {
  auto lines = diff_lines("a\nb\nc\n", "a\nx\ny\nc\n");
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[1].kind, DiffKind::removed);
  EXPECT_EQ(lines[1].old_line, 2);
  EXPECT_EQ(lines[1].new_line, 0);
  EXPECT_EQ(lines[3].kind, DiffKind::added);
  EXPECT_EQ(lines[3].new_line, 3);
  EXPECT_EQ(lines[4].old_line, 3);
  EXPECT_EQ(lines[4].new_line, 4);
}

TEST(LineDiff, WindowsLineEndingsMatchUnixOnes) {
  EXPECT_EQ(describe(diff_lines("a\r\nb\r\n", "a\nb\n")), " a  b");
}

TEST(LineDiff, HunksShowContextAndCountTheLinesLeftOut) {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 10 ? std::string("ten") : std::to_string(i)) + "\n";
  }
  auto hunks = diff_hunks(diff_lines(before, after), 2);
  ASSERT_EQ(hunks.size(), 1u);
  EXPECT_EQ(hunks[0].skipped, 7);
  EXPECT_EQ(describe(hunks[0].lines), " 8  9 -10 +ten  11  12");
}

TEST(LineDiff, SeparateChangesMakeSeparateHunks) {
  std::string before, after;
  for (int i = 1; i <= 30; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 5 || i == 25 ? "changed" : std::to_string(i)) + std::string("\n");
  }
  auto hunks = diff_hunks(diff_lines(before, after), 3);
  ASSERT_EQ(hunks.size(), 2u);
  EXPECT_EQ(hunks[0].skipped, 1);
  EXPECT_EQ(hunks[1].skipped, 13);
}

TEST(LineDiff, HugeRewritesFallBackToRemovedThenAdded) {
  std::string before, after;
  for (int i = 0; i < 3000; ++i) {
    before += "old " + std::to_string(i) + "\n";
    after += "new " + std::to_string(i) + "\n";
  }
  auto lines = diff_lines(before, after);
  ASSERT_EQ(lines.size(), 6000u);
  EXPECT_EQ(lines.front().kind, DiffKind::removed);
  EXPECT_EQ(lines.back().kind, DiffKind::added);
}

}  // namespace
}  // namespace cairn::content
