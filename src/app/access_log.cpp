#include "app/access_log.hpp"

#include <chrono>

#include "accounts/account_mail.hpp"
#include "core/iso_time.hpp"
#include "helpline/nurse_inbox.hpp"

namespace cairn::app {

namespace {

// The time to the second, formatted once a second per thread: a line is
// written for every request.
const std::string& now_for_log() {
  thread_local std::int64_t second = -1;
  thread_local std::string text;
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (now.time_since_epoch().count() != second) {
    second = now.time_since_epoch().count();
    text = iso_date_time(now);
  }
  return text;
}

}  // namespace

std::string access_log_line(const http::Request& request, int status, std::size_t bytes,
                            std::chrono::microseconds elapsed) {
  const std::string& when = now_for_log();
  // Paths are logged printable-only, so a hostile path cannot forge log lines.
  std::string path(std::string_view(request.path).substr(0, 200));
  for (char& c : path) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
      c = '?';
  }
  // A private answer link, a reset or a confirmation link is as good as a
  // password: its token stays out of the log.
  for (std::string_view secret :
       {helpline::kAnswerPath, accounts::kResetPasswordPath, accounts::kConfirmEmailPath}) {
    if (path.starts_with(secret) && path.size() > secret.size()) {
      path = std::string(secret) + "[private]";
      break;
    }
  }
  // "2026-12-03T12:00:00Z 127.0.0.1 GET /path 200 50362 0.1ms 1a2b3c4d5e6f"
  auto tenths = (elapsed.count() + 50) / 100;  // of a millisecond, rounded
  std::string line;
  line.reserve(96 + path.size());
  line.append(when).append(" ").append(request.remote_address).append(" ");
  line.append(request.method).append(" ").append(path).append(" ");
  line.append(std::to_string(status)).append(" ").append(std::to_string(bytes)).append(" ");
  line.append(std::to_string(tenths / 10)).append(".").append(std::to_string(tenths % 10));
  line.append("ms ").append(request.request_id);
  return line;
}

void AccessLog::write(const http::Request& request, int status, std::size_t bytes,
                      std::chrono::microseconds elapsed) {
  std::string line = access_log_line(request, status, bytes, elapsed);
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  buffer_ += line;
  buffer_ += '\n';
  if (buffer_.size() > 16384 || now - last_flush_ > std::chrono::milliseconds(100)) {
    std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
    std::fflush(out_);
    buffer_.clear();
    last_flush_ = now;
  }
}

void AccessLog::flush() {
  std::lock_guard lock(mutex_);
  if (!buffer_.empty()) {
    std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
    buffer_.clear();
  }
  std::fflush(out_);
  last_flush_ = std::chrono::steady_clock::now();
}

}  // namespace cairn::app
