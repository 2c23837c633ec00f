#include "content/body_blocks.hpp"

#include "core/text.hpp"

namespace cairn::content {

namespace {

struct Fence {
  char mark = 0;  // '`' or '~'; 0 when not in a fence
  size_t length = 0;
};

// A fence line: up to three spaces, then three or more ` or ~.
Fence fence_at(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~'))
    return {};
  char mark = line[i];
  size_t n = 0;
  while (i + n < line.size() && line[i + n] == mark) ++n;
  if (n < 3)
    return {};
  // A backtick fence's info string may not contain backticks.
  if (mark == '`' && line.find('`', i + n) != std::string_view::npos)
    return {};
  return {mark, n};
}

bool closes(const Fence& open, std::string_view line) {
  Fence f = fence_at(line);
  if (f.mark != open.mark || f.length < open.length)
    return false;
  size_t start = line.find(open.mark);
  return trim(line.substr(start + f.length)).empty();
}

}  // namespace

SplitBody split_body(std::string_view markdown) {
  SplitBody out;
  BodyBlock current;
  Fence fence;
  auto finish = [&](int next_line) {
    if (current.expander || !trim(current.markdown).empty())
      out.blocks.push_back(current);
    current = BodyBlock{};
    current.line = next_line;
  };

  int line_no = 0;
  size_t pos = 0;
  while (pos < markdown.size()) {
    size_t end = markdown.find('\n', pos);
    if (end == std::string_view::npos)
      end = markdown.size();
    std::string_view line = markdown.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);

    if (fence.mark) {
      if (closes(fence, line))
        fence = {};
    } else if (Fence f = fence_at(line); f.mark) {
      fence = f;
    } else if (line.substr(0, 3) == ":::") {
      std::string_view rest = line.substr(3);
      if (trim(rest).empty()) {
        if (current.expander) {
          finish(line_no + 1);
        } else {
          out.problems.push_back({line_no, "':::' closes no expander"});
        }
        continue;
      }
      if (rest.substr(0, 8) == "expander" && (rest.size() == 8 || rest[8] == ' ')) {
        std::string title(trim(rest.substr(8)));
        if (current.expander) {
          out.problems.push_back({line_no, "expanders cannot be nested: close '" + current.title +
                                               "' with ':::' first"});
          continue;
        }
        if (title.empty()) {
          out.problems.push_back({line_no, "an expander needs a title: ':::expander Title'"});
        }
        finish(line_no);
        current.expander = true;
        current.title = title;
        continue;
      }
      out.problems.push_back({line_no, "unknown block '" + std::string(trim(line)) +
                                           "' (expanders are written ':::expander Title')"});
      continue;
    }
    current.markdown.append(line);
    current.markdown += '\n';
  }
  if (current.expander) {
    out.problems.push_back({current.line, "expander '" + current.title +
                                              "' is never closed: add a line ':::' after it"});
  }
  finish(line_no + 1);
  return out;
}

}  // namespace cairn::content
