#pragma once
// Reads and parses records on a second core while the caller writes them, through a small queue of batches.
// Imports use it so parsing (encoding, CSV, phone numbers) and the store's writes overlap.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace waihu::util {

template <typename Item>
class BatchPipeline {
 public:
  /// `produce_one(item)` fills the next item and returns false at the end; it runs on the pipeline's thread.
  explicit BatchPipeline(std::function<bool(Item&)> produce_one)
      : thread_([this, produce_one = std::move(produce_one)] { produce(produce_one); }) {}
  ~BatchPipeline() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  BatchPipeline(const BatchPipeline&) = delete;
  BatchPipeline& operator=(const BatchPipeline&) = delete;

  /// The next batch; false at the end. Rethrows what the producing thread threw.
  bool next(std::vector<Item>& batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !queue_.empty() || done_; });
    if (!queue_.empty()) {
      batch = std::move(queue_.front());
      queue_.pop_front();
      changed_.notify_all();
      return true;
    }
    if (error_) std::rethrow_exception(error_);
    return false;
  }

 private:
  static constexpr size_t kBatch = 512, kMaxQueued = 16;
  void produce(const std::function<bool(Item&)>& produce_one) {
    try {
      std::vector<Item> batch;
      bool more = true;
      while (more) {
        Item item{};
        more = produce_one(item);
        if (more) batch.push_back(std::move(item));
        if (batch.size() == kBatch || (!more && !batch.empty())) {
          std::unique_lock lock(mutex_);
          changed_.wait(lock, [&] { return queue_.size() < kMaxQueued || stop_; });
          if (stop_) return;
          queue_.push_back(std::move(batch));
          batch.clear();
          changed_.notify_all();
        }
      }
    } catch (...) {
      std::lock_guard lock(mutex_);
      error_ = std::current_exception();
    }
    std::lock_guard lock(mutex_);
    done_ = true;
    changed_.notify_all();
  }
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<Item>> queue_;
  bool done_ = false, stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace waihu::util
