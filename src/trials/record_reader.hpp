// Cuts ClinicalTrials.gov study records out of a file one at a time without
// reading the file whole: one study, an API page {"studies": [...]}, a JSON
// array, NDJSON, or several objects one after another.
#pragma once

#include <cstddef>
#include <filesystem>
#include <istream>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace cairn::trials {

struct RecordText {
  std::size_t index = 0;  // 1-based position of the record in its file
  std::size_t line = 0;   // line of the file where the record starts
  std::string text;       // the record's JSON, when it could be cut out
  std::string problem;    // otherwise, why not (the file is cut short, ...)
};

class RecordReader {
 public:
  enum class Shape {
    json,    // detected from the first character: object, page, array or a sequence
    ndjson,  // one record a line, so a broken line never takes its neighbours with it
  };
  static constexpr std::size_t kDefaultMaxRecordBytes = std::size_t{64} << 20;

  // .ndjson and .jsonl files are read a line at a time; everything else as JSON.
  static Shape shape_for(const std::filesystem::path& file);

  explicit RecordReader(std::istream& in, Shape shape = Shape::json,
                        std::size_t max_record_bytes = kDefaultMaxRecordBytes);

  // The next record or problem; false at the end of the input. After a cut-short
  // tail no more records follow.
  bool next(RecordText& out);

  // The most memory the reader has held at once: one chunk plus the largest record.
  std::size_t peak_buffer_bytes() const { return peak_; }

 private:
  enum class Cut { complete, cut_short, too_large, studies_page };
  enum class Where { top, array, page, after_page, done };

  bool fill();
  int peek_nonspace();
  Cut scan(std::string* out, int depth, bool watch_studies);
  Cut scan_scalar(std::string* out);
  Cut ended(Cut cut) const;
  bool next_json(RecordText& out);
  bool next_line(RecordText& out);
  bool finish(RecordText& out, Cut cut);
  void keep(std::string* out, const char* from, const char* to);

  std::istream& in_;
  Shape shape_;
  std::size_t max_record_bytes_;
  std::vector<char> chunk_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool started_ = false;
  bool too_large_ = false;
  std::size_t line_ = 1;
  std::size_t index_ = 0;
  std::size_t peak_ = 0;
  Where where_ = Where::top;
};

// The record files to read for the given paths: files as given, folders expanded
// to the *.json, *.ndjson and *.jsonl files in them (and below), sorted by path.
Result<std::vector<std::filesystem::path>> record_files(
    const std::vector<std::filesystem::path>& paths);

}  // namespace cairn::trials
