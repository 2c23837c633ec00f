// `serve --clock-file PATH`: the time is the instant written in PATH
// ("2026-06-01T08:59:00Z"), read again whenever the file changes, so a test or a
// rehearsal can choose when it is (a review reminder's Monday, a revision's go-live
// time) and move it on. Never for a live site.
#pragma once

#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace cairn::app {

class FileClock final : public Clock {
 public:
  // invalid_input naming the file when it cannot be read as an instant.
  static Result<std::unique_ptr<FileClock>> open(std::filesystem::path file);
  // The file's instant; the last one read while the file cannot be read.
  std::chrono::system_clock::time_point now() const override;

 private:
  FileClock(std::filesystem::path file, std::chrono::system_clock::time_point t)
      : file_(std::move(file)), last_(t) {}
  std::filesystem::path file_;
  mutable std::mutex mutex_;
  mutable std::chrono::system_clock::time_point last_;
  mutable std::filesystem::file_time_type read_at_{};
};

}  // namespace cairn::app
