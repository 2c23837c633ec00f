// Splits a page body into Markdown runs and ":::expander Title" ... ":::" blocks,
// ignoring markers inside fenced code. Internal to cairn_content.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cairn::content {

struct BodyBlock {
  bool expander = false;
  std::string title;     // expanders only
  std::string markdown;  // the text inside
  int line = 1;          // body line (1-based) where the block starts
};

struct BodyProblem {
  int line;  // body line, 1-based
  std::string message;
};

struct SplitBody {
  std::vector<BodyBlock> blocks;
  std::vector<BodyProblem> problems;  // the blocks are still usable when there are some
};

SplitBody split_body(std::string_view markdown);

}  // namespace cairn::content
