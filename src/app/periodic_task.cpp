#include "app/periodic_task.hpp"

#include <exception>
#include <ostream>

namespace cairn::app {

PeriodicTask::PeriodicTask(std::string name, std::chrono::milliseconds first,
                           std::chrono::milliseconds every, std::function<void()> run,
                           std::ostream& log)
    : thread_([this, name = std::move(name), first, every, run = std::move(run), &log] {
        std::unique_lock lock(mutex_);
        for (auto wait = first; !stop_; wait = every) {
          wake_.wait_for(lock, wait, [this] { return stop_; });
          if (stop_)
            break;
          lock.unlock();
          try {
            run();
          } catch (const std::exception& e) {
            log << "cairn: " << name << " failed: " << e.what() << "\n";
          }
          lock.lock();
        }
      }) {}

PeriodicTask::~PeriodicTask() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

}  // namespace cairn::app
