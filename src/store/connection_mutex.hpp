// The lock behind a store's one database connection (SQLite or PostgreSQL):
// one thread at a time. Not re-entrant on purpose: a thread that holds the
// connection passes its handle down, and one that asks twice gets an error
// instead of a deadlock.
#pragma once

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace cairn::store {

class ConnectionMutex {
 public:
  // Held for its lifetime; neither copied nor moved, so it stays in the scope
  // that took it.
  class Lock {
   public:
    explicit Lock(ConnectionMutex& mutex) : held_(mutex) {
      // Only this thread ever stores its own id, so reading it unlocked is safe.
      if (held_.owner_.load(std::memory_order_relaxed) == std::this_thread::get_id())
        throw std::logic_error("database connection asked for twice by one thread");
      held_.mutex_.lock();
      held_.owner_.store(std::this_thread::get_id(), std::memory_order_relaxed);
    }
    ~Lock() {
      held_.owner_.store(std::thread::id(), std::memory_order_relaxed);
      held_.mutex_.unlock();
    }
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

   private:
    ConnectionMutex& held_;
  };

 private:
  std::mutex mutex_;
  std::atomic<std::thread::id> owner_{};
};

}  // namespace cairn::store
