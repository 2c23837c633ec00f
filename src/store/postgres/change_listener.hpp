// Wakes a node when another one records a change: a connection of its own,
// outside the pool, that LISTENs on the channel the change feed's trigger
// NOTIFYs at each commit (migrations.cpp). The sequence number still says what
// changed; a notice only says "look now", so a lost one costs at most a wait.
#pragma once

#include <libpq-fe.h>

#include <chrono>
#include <mutex>
#include <string>

namespace cairn::store::postgres {

inline constexpr const char* kChangeChannel = "cairn_changes";

class ChangeListener {
 public:
  explicit ChangeListener(std::string url) : url_(std::move(url)) {}
  ~ChangeListener();
  ChangeListener(const ChangeListener&) = delete;
  ChangeListener& operator=(const ChangeListener&) = delete;

  // Returns when a change notice comes or after `at_most`; true for a notice.
  // With the server unreachable it waits `at_most` and tries again next time.
  bool wait(std::chrono::milliseconds at_most);

 private:
  bool listening();
  void drop();

  std::string url_;
  std::mutex mutex_;  // one waiter at a time
  PGconn* conn_ = nullptr;
};

}  // namespace cairn::store::postgres
