// One line per request: time, address, method, path (never the query string,
// which can hold what people searched for), status, size, time taken.
// Lines are buffered and written at most every 100 ms, off the hot path.
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include "http/message.hpp"

namespace cairn::app {

class AccessLog {
 public:
  explicit AccessLog(std::FILE* out) : out_(out) {}
  ~AccessLog() { flush(); }
  void write(const http::Request& request, int status, std::size_t bytes,
             std::chrono::microseconds elapsed);
  void flush();

 private:
  std::FILE* out_;
  std::mutex mutex_;
  std::string buffer_;
  std::chrono::steady_clock::time_point last_flush_ = std::chrono::steady_clock::now();
};

// The line for one request, without the newline.
std::string access_log_line(const http::Request& request, int status, std::size_t bytes,
                            std::chrono::microseconds elapsed);

}  // namespace cairn::app
