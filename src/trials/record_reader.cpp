#include "trials/record_reader.hpp"

#include <algorithm>
#include <cstring>

#include "core/text.hpp"

namespace cairn::trials {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// For the last line of an NDJSON file, which has no newline to vouch for it.
bool looks_complete(std::string_view text) {
  int depth = 0;
  bool in_string = false, escape = false;
  for (char c : text) {
    if (in_string) {
      if (escape) {
        escape = false;
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return !in_string && depth <= 0;
}

std::string too_large_message(std::size_t max) {
  return "record is larger than " + std::to_string(max >> 20) + " MB";
}

}  // namespace

RecordReader::Shape RecordReader::shape_for(const std::filesystem::path& file) {
  std::string ext = to_lower_ascii(file.extension().string());
  return ext == ".ndjson" || ext == ".jsonl" ? Shape::ndjson : Shape::json;
}

RecordReader::RecordReader(std::istream& in, Shape shape, std::size_t max_record_bytes)
    : in_(in), shape_(shape), max_record_bytes_(max_record_bytes), chunk_(kChunkBytes) {}

bool RecordReader::fill() {
  if (!in_)
    return false;
  in_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
  end_ = static_cast<std::size_t>(in_.gcount());
  pos_ = 0;
  if (!started_) {
    started_ = true;
    peak_ = std::max(peak_, chunk_.size());
    if (end_ >= 3 && std::memcmp(chunk_.data(), "\xEF\xBB\xBF", 3) == 0)
      pos_ = 3;  // UTF-8 BOM
  }
  return pos_ < end_;
}

int RecordReader::peek_nonspace() {
  for (;;) {
    if (pos_ == end_ && !fill())
      return -1;
    char c = chunk_[pos_];
    if (!is_space(c))
      return static_cast<unsigned char>(c);
    if (c == '\n')
      ++line_;
    ++pos_;
  }
}

void RecordReader::keep(std::string* out, const char* from, const char* to) {
  if (out == nullptr || too_large_)
    return;
  auto n = static_cast<std::size_t>(to - from);
  if (out->size() + n > max_record_bytes_) {
    too_large_ = true;
    out->clear();
    out->shrink_to_fit();
    return;
  }
  out->append(from, n);
  peak_ = std::max(peak_, chunk_.size() + out->capacity());
}

namespace {

// What a scan knows of where it is inside a JSON value, and what one more character makes of
// it. Plain values only, so the compiler can keep them in registers through the character loop;
// the key being read is kept apart for the same reason.
struct ScanState {
  int depth;
  bool watch_studies;
  bool in_string = false, escape = false;
  bool expect_key = false, in_key = false, after_studies_colon = false;
};

enum class ScanStep { more, value_ends, studies_open };

// Inside a string only a backslash and the closing quote count; the characters of a top-level
// key are kept (up to 16, enough to tell "studies") to watch for the studies of an API page.
inline ScanStep string_char(ScanState& s, std::string& key, char c) {
  if (s.escape) {
    s.escape = false;
  } else if (c == '\\') {
    s.escape = true;
  } else if (c == '"') {
    s.in_string = false;
    if (s.in_key)
      s.in_key = s.expect_key = false;
    if (s.depth == 0)
      return ScanStep::value_ends;
  } else if (s.in_key && key.size() < 16) {
    key += c;
  }
  return ScanStep::more;
}

// Outside strings: brackets open and close, and in the top object a key's string follows
// '{' or ','; `"studies"` then ':' then '[' opens an API page's studies.
inline ScanStep structure_char(ScanState& s, std::string& key, char c) {
  switch (c) {
    case '"':
      s.in_string = true;
      s.after_studies_colon = false;
      if (s.watch_studies && s.depth == 1 && s.expect_key) {
        s.in_key = true;
        key.clear();
      }
      break;
    case '{':
    case '[':
      if (s.after_studies_colon && c == '[')
        return ScanStep::studies_open;
      s.after_studies_colon = false;
      if (++s.depth == 1)
        s.expect_key = c == '{';
      break;
    case '}':
    case ']':
      s.after_studies_colon = false;
      if (--s.depth <= 0)
        return ScanStep::value_ends;
      break;
    case ',':
      s.after_studies_colon = false;
      if (s.depth == 1)
        s.expect_key = true;
      break;
    case ':':
      if (s.watch_studies && s.depth == 1)
        s.after_studies_colon = key == "studies";
      break;
    default:
      if (!is_space(c))
        s.after_studies_colon = false;
  }
  return ScanStep::more;
}

}  // namespace

// A value that ends in its own way: a record that grew too large is reported as such.
inline RecordReader::Cut RecordReader::ended(Cut cut) const {
  return too_large_ && cut == Cut::complete ? Cut::too_large : cut;
}

// A number, true, false or null: it runs to the next delimiter or the end of the input.
RecordReader::Cut RecordReader::scan_scalar(std::string* out) {
  for (;;) {
    if (pos_ == end_ && !fill())
      return ended(Cut::complete);
    const char* begin = chunk_.data() + pos_;
    const char* end = chunk_.data() + end_;
    for (const char* p = begin; p < end; ++p) {
      char c = *p;
      if (c == ',' || c == ']' || c == '}' || is_space(c)) {
        keep(out, begin, p);
        pos_ = static_cast<std::size_t>(p - chunk_.data());
        return ended(Cut::complete);
      }
    }
    keep(out, begin, end);
    pos_ = end_;
  }
}

// One JSON value from the current position, told apart by counting brackets
// outside strings. `depth` > 0 continues inside an already opened container.
// With watch_studies, stops just after `"studies": [` in the top object.
RecordReader::Cut RecordReader::scan(std::string* out, int depth, bool watch_studies) {
  too_large_ = false;
  if (depth == 0) {
    int first = peek_nonspace();
    if (first != '{' && first != '[' && first != '"')
      return scan_scalar(out);
  }
  ScanState state{depth, watch_studies};
  std::string key;
  for (;;) {
    if (pos_ == end_ && !fill())
      return Cut::cut_short;
    const char* begin = chunk_.data() + pos_;
    const char* end = chunk_.data() + end_;
    const char* p = begin;
    while (p < end) {
      char c = *p++;
      if (c == '\n')
        ++line_;
      ScanStep step = state.in_string ? string_char(state, key, c) : structure_char(state, key, c);
      if (step == ScanStep::more)
        continue;
      pos_ = static_cast<std::size_t>(p - chunk_.data());
      if (step == ScanStep::studies_open)
        return Cut::studies_page;
      keep(out, begin, p);
      return ended(Cut::complete);
    }
    keep(out, begin, p);
    pos_ = end_;
  }
}

bool RecordReader::finish(RecordText& out, Cut cut) {
  switch (cut) {
    case Cut::complete:
      return true;
    case Cut::too_large:
      out.text.clear();
      out.problem = too_large_message(max_record_bytes_);
      return true;
    case Cut::cut_short:
    case Cut::studies_page:
      break;
  }
  out.text.clear();
  out.problem = "record is cut short: the file ends inside it";
  where_ = Where::done;
  return true;
}

bool RecordReader::next(RecordText& out) {
  out.text.clear();
  out.problem.clear();
  return shape_ == Shape::ndjson ? next_line(out) : next_json(out);
}

bool RecordReader::next_json(RecordText& out) {
  for (;;) {
    switch (where_) {
      case Where::done:
        return false;
      case Where::top: {
        int c = peek_nonspace();
        if (c < 0) {
          where_ = Where::done;
          return false;
        }
        if (c == '[') {
          ++pos_;
          where_ = Where::array;
          continue;
        }
        out.index = ++index_;
        out.line = line_;
        if (c != '{') {
          out.problem = std::string("not a study record: expected '{' or '[' but found '") +
                        static_cast<char>(c) + "'";
          where_ = Where::done;
          return true;
        }
        Cut cut = scan(&out.text, 0, true);
        if (cut == Cut::studies_page) {
          // The page wrapper is not a record: its studies are.
          --index_;
          out.text.clear();
          where_ = Where::page;
          continue;
        }
        return finish(out, cut);
      }
      case Where::array:
      case Where::page: {
        int c = peek_nonspace();
        if (c < 0) {
          out.index = index_ + 1;
          out.line = line_;
          out.problem = "file ends before its list of records is closed: it may be cut short";
          where_ = Where::done;
          return true;
        }
        if (c == ']') {
          ++pos_;
          where_ = where_ == Where::page ? Where::after_page : Where::top;
          continue;
        }
        if (c == ',') {
          ++pos_;
          continue;
        }
        out.index = ++index_;
        out.line = line_;
        return finish(out, scan(&out.text, 0, false));
      }
      case Where::after_page: {
        // The rest of the page ({"nextPageToken": ..., "totalCount": ...}) holds no studies.
        if (scan(nullptr, 1, false) != Cut::complete) {
          out.index = index_ + 1;
          out.line = line_;
          out.problem = "file ends before the end of its page of studies: it may be cut short";
          where_ = Where::done;
          return true;
        }
        where_ = Where::top;
        continue;
      }
    }
  }
}

bool RecordReader::next_line(RecordText& out) {
  while (where_ != Where::done) {
    out.text.clear();
    too_large_ = false;
    std::size_t start_line = line_;
    bool ended_by_newline = false;
    for (;;) {
      if (pos_ == end_ && !fill())
        break;
      const char* begin = chunk_.data() + pos_;
      const char* end = chunk_.data() + end_;
      const auto* newline =
          static_cast<const char*>(std::memchr(begin, '\n', static_cast<std::size_t>(end - begin)));
      if (newline != nullptr) {
        keep(&out.text, begin, newline);
        pos_ = static_cast<std::size_t>(newline - chunk_.data()) + 1;
        ++line_;
        ended_by_newline = true;
        break;
      }
      keep(&out.text, begin, end);
      pos_ = end_;
    }
    if (!ended_by_newline)
      where_ = Where::done;
    if (!out.text.empty() && out.text.back() == '\r')
      out.text.pop_back();
    if (!too_large_ && trim(out.text).empty())
      continue;
    out.index = ++index_;
    out.line = start_line;
    if (too_large_) {
      out.text.clear();
      out.problem = too_large_message(max_record_bytes_);
    } else if (!ended_by_newline && !looks_complete(out.text)) {
      out.text.clear();
      out.problem = "record is cut short: the file ends inside it";
    }
    return true;
  }
  return false;
}

Result<std::vector<std::filesystem::path>> record_files(
    const std::vector<std::filesystem::path>& paths) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& path : paths) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      return make_error(Errc::not_found, "no such file or folder: " + path.string());
    }
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<fs::path> found;
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec))
        continue;
      std::string ext = to_lower_ascii(it->path().extension().string());
      if (ext == ".json" || ext == ".ndjson" || ext == ".jsonl")
        found.push_back(it->path());
    }
    if (ec)
      return make_error(Errc::unavailable,
                        "cannot read folder " + path.string() + ": " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace cairn::trials
