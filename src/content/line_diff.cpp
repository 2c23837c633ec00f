#include "content/line_diff.hpp"

#include <algorithm>
#include <cstdint>

namespace cairn::content {

namespace {

// Beyond this many cells the table would pass ~16 MB; such rewrites are shown whole.
constexpr std::size_t kMaxTableCells = 4'000'000;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r'))
      line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos)
      break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

std::vector<DiffLine> diff_lines(std::string_view before, std::string_view after) {
  auto a = split_lines(before);
  auto b = split_lines(after);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;

  std::vector<DiffLine> out;
  int old_line = 0, new_line = 0;
  auto same = [&](std::string_view text) {
    out.push_back({DiffKind::same, text, ++old_line, ++new_line});
  };
  auto removed = [&](std::string_view text) {
    out.push_back({DiffKind::removed, text, ++old_line, 0});
  };
  auto added = [&](std::string_view text) {
    out.push_back({DiffKind::added, text, 0, ++new_line});
  };

  for (std::size_t i = 0; i < head; ++i) same(a[i]);
  if ((n + 1) * (m + 1) > kMaxTableCells) {
    for (std::size_t i = 0; i < n; ++i) removed(a[head + i]);
    for (std::size_t j = 0; j < m; ++j) added(b[head + j]);
  } else {
    // lcs[i][j]: the longest common subsequence of a's middle from i and b's from j.
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1
                                              : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    std::size_t i = 0, j = 0;
    std::vector<std::string_view> pending_added;
    auto flush_added = [&] {
      for (auto text : pending_added) added(text);
      pending_added.clear();
    };
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        flush_added();
        same(a[head + i]);
        ++i, ++j;
      } else if (j < m && (i == n || at(i, j + 1) > at(i + 1, j))) {
        pending_added.push_back(b[head + j++]);  // held so removals in this change come first
      } else {
        removed(a[head + i++]);
      }
    }
    flush_added();
  }
  for (std::size_t k = 0; k < tail; ++k) same(a[a.size() - tail + k]);
  return out;
}

std::vector<DiffHunk> diff_hunks(const std::vector<DiffLine>& lines, int context) {
  std::vector<DiffHunk> hunks;
  const int count = static_cast<int>(lines.size());
  std::vector<bool> shown(lines.size(), false);
  for (int k = 0; k < count; ++k) {
    if (lines[k].kind == DiffKind::same)
      continue;
    for (int c = std::max(0, k - context); c <= std::min(count - 1, k + context); ++c)
      shown[c] = true;
  }
  int skipped = 0;
  bool in_hunk = false;
  for (int k = 0; k < count; ++k) {
    if (!shown[k]) {
      ++skipped;
      in_hunk = false;
      continue;
    }
    if (!in_hunk) {
      hunks.push_back({skipped, {}});
      skipped = 0;
      in_hunk = true;
    }
    hunks.back().lines.push_back(lines[k]);
  }
  return hunks;
}

}  // namespace cairn::content
