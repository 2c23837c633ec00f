// A function run every so often on a thread of its own until the task is
// destroyed (which waits for a run in progress): the forum's daily digests,
// the daily trial sync. A failing run is logged and the next one tried as usual.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <iosfwd>
#include <mutex>
#include <string>
#include <thread>

namespace cairn::app {

class PeriodicTask {
 public:
  // The first run `every` after the start.
  PeriodicTask(std::string name, std::chrono::milliseconds every, std::function<void()> run,
               std::ostream& log)
      : PeriodicTask(std::move(name), every, every, std::move(run), log) {}
  // The first run `first` after the start, then `every` after the end of each.
  PeriodicTask(std::string name, std::chrono::milliseconds first, std::chrono::milliseconds every,
               std::function<void()> run, std::ostream& log);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace cairn::app
