// Response bodies kept in a file as well as in a string, so the server can hand
// them to the socket with sendfile(2): the kernel sends the file's pages, with
// no copy from our memory per request. Cached pages are most of what a site
// sends, and at tens of kilobytes that copy was the largest single cost of
// serving one (bench/pages).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

namespace cairn::http {

class BodyFile;

// A run of bytes in a BodyFile, which it keeps open.
struct FileSpan {
  std::shared_ptr<const BodyFile> file;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  int fd() const;
};

class BodyFile : public std::enable_shared_from_this<BodyFile> {
 public:
  // An unnamed file in `dir` (O_TMPFILE: gone when closed), whose pages the
  // kernel reads in batches; else, or with no `dir`, an in-memory file (memfd),
  // which sendfile reads a page at a time (bench/pages: 0.63 of nginx against
  // 0.75 from a file on disk). Null when neither can be made: bodies then go
  // from memory.
  static std::shared_ptr<BodyFile> create(const std::filesystem::path& dir = {});
  ~BodyFile();
  BodyFile(const BodyFile&) = delete;
  BodyFile& operator=(const BodyFile&) = delete;

  // Appends `bytes` and returns where they are; an empty span when writing
  // failed. Called while building, before the file is shared with the server.
  FileSpan append(std::string_view bytes);
  int fd() const { return fd_; }

 private:
  explicit BodyFile(int fd) : fd_(fd) {}
  int fd_;
  std::uint64_t size_ = 0;
};

}  // namespace cairn::http
