#include "app/periodic_task.hpp"

#include <exception>
#include <ostream>

namespace cairn::app {

PeriodicTask::PeriodicTask(std::string name, std::chrono::milliseconds every,
                           std::function<void()> run, std::ostream& log)
    : thread_([this, name = std::move(name), every, run = std::move(run), &log] {
        std::unique_lock lock(mutex_);
        while (!stop_) {
          wake_.wait_for(lock, every);
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
