// Line-by-line comparison of two revisions of a page, as editors read a
// change: lines removed, lines added, and a few unchanged lines around each
// change for context.
#pragma once

#include <string_view>
#include <vector>

namespace cairn::content {

enum class DiffKind { same, removed, added };

struct DiffLine {
  DiffKind kind = DiffKind::same;
  std::string_view text;  // without its line break; points into the compared texts
  int old_line = 0;       // 1-based; 0 for an added line
  int new_line = 0;       // 1-based; 0 for a removed line
};

// A shortest edit from `before` to `after` (longest common subsequence of lines,
// after trimming the common start and end). Within one change, removed lines
// come before added ones. Very large rewrites fall back to "all removed, all added".
std::vector<DiffLine> diff_lines(std::string_view before, std::string_view after);

struct DiffHunk {
  int skipped = 0;  // unchanged lines left out before this hunk
  std::vector<DiffLine> lines;
};

// The changes with `context` unchanged lines around each; nothing when the texts match.
std::vector<DiffHunk> diff_hunks(const std::vector<DiffLine>& lines, int context = 3);

}  // namespace cairn::content
