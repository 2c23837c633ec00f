#include "app/access_log.hpp"

#include <chrono>

#include "accounts/account_mail.hpp"
#include "core/iso_time.hpp"
#include "helpline/nurse_inbox.hpp"

namespace cairn::app {

std::string access_log_line(const http::Request& request, int status, std::size_t bytes,
                            std::chrono::microseconds elapsed) {
  std::string when = iso_date_time(std::chrono::system_clock::now());
  // Paths are logged printable-only, so a hostile path cannot forge log lines.
  std::string path;
  for (char c : request.path.substr(0, 200)) {
    path += (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) ? '?' : c;
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
  char line[512];
  std::snprintf(line, sizeof line, "%s %s %s %s %d %zu %.1fms %s", when.c_str(),
                request.remote_address.c_str(), request.method.c_str(), path.c_str(), status, bytes,
                static_cast<double>(elapsed.count()) / 1000.0, request.request_id.c_str());
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
