// The time, behind an interface so tests can choose the instant.
#pragma once

#include <chrono>

namespace cairn {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
};

// A clock that stands still until moved: for tests.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::chrono::system_clock::time_point t) : t_(t) {}
  std::chrono::system_clock::time_point now() const override { return t_; }
  void set(std::chrono::system_clock::time_point t) { t_ = t; }
  void advance(std::chrono::system_clock::duration d) { t_ += d; }

 private:
  std::chrono::system_clock::time_point t_;
};

}  // namespace cairn
