// Waiting, behind an interface so tests that pace or back off run at once: a
// monotonic "now" and a sleep that moves it on.
#pragma once

#include <chrono>
#include <thread>

namespace cairn {

class Sleeper {
 public:
  virtual ~Sleeper() = default;
  virtual std::chrono::steady_clock::time_point now() const = 0;
  virtual void sleep_for(std::chrono::milliseconds pause) = 0;
};

class ThreadSleeper final : public Sleeper {
 public:
  std::chrono::steady_clock::time_point now() const override {
    return std::chrono::steady_clock::now();
  }
  void sleep_for(std::chrono::milliseconds pause) override { std::this_thread::sleep_for(pause); }
};

}  // namespace cairn
