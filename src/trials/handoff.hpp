// Hands batches of work from one thread to another, a few at a time: import and
// the finder's load read and parse on one thread while another writes or indexes.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>

namespace cairn::trials {

template <class Batch>
class Handoff {
 public:
  // `ahead` batches may wait: enough to keep the taker busy without holding much.
  explicit Handoff(std::size_t ahead = 2) : ahead_(ahead) {}

  // Waits for room; false once the taker has stopped, so the giver stops too.
  bool give(Batch batch) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return batches_.size() < ahead_ || stopped_; });
    if (stopped_)
      return false;
    batches_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }
  // The next batch; nothing once the giver has finished and all are taken.
  std::optional<Batch> take() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !batches_.empty() || finished_; });
    if (batches_.empty())
      return std::nullopt;
    Batch batch = std::move(batches_.front());
    batches_.pop_front();
    room_.notify_one();
    return batch;
  }
  // The giver is done, with the exception that ended it if one did.
  void finish(std::exception_ptr error = nullptr) {
    std::lock_guard lock(mutex_);
    finished_ = true;
    error_ = error;
    ready_.notify_all();
  }
  // The taker gives up (it threw): the giver's next give() fails.
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    room_.notify_all();
  }
  std::exception_ptr error() {
    std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  std::size_t ahead_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<Batch> batches_;
  bool finished_ = false;
  bool stopped_ = false;
  std::exception_ptr error_;
};

}  // namespace cairn::trials
