#include "http/body_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>

namespace cairn::http {

int FileSpan::fd() const {
  return file ? file->fd() : -1;
}

std::shared_ptr<BodyFile> BodyFile::create(const std::filesystem::path& dir) {
  int fd = dir.empty() ? -1 : ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    fd = ::memfd_create("cairn-bodies", MFD_CLOEXEC);
  if (fd < 0)
    return nullptr;
  return std::shared_ptr<BodyFile>(new BodyFile(fd));
}

BodyFile::~BodyFile() {
  ::close(fd_);
}

FileSpan BodyFile::append(std::string_view bytes) {
  std::uint64_t start = size_;
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n =
        ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(start + done));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return {};
    done += static_cast<std::size_t>(n);
  }
  size_ += bytes.size();
  return FileSpan{shared_from_this(), start, bytes.size()};
}

}  // namespace cairn::http
