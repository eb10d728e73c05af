#include "background.h"

#include <sched.h>

namespace toteuma::http::detail {

Background::Background(unsigned threads) {
  for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

Background::~Background() {
  std::deque<std::function<void()>> dropped;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    dropped.swap(jobs_);
  }
  wake_.notify_all();
  dropped.clear();  // outside the lock: a job's captures may take long to free
  for (auto& t : threads_) t.join();
}

void Background::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
}

void Background::work() {
  // SCHED_BATCH (same CPU share, no wake-up preemption): the slow jobs and the Chromium they start
  // (it inherits the policy) no longer preempt a request thread each time they wake, which they
  // do thousands of times a print; a request thread waking for /healthz is run first. Best effort.
  sched_param none{};
  ::sched_setscheduler(0, SCHED_BATCH, &none);
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace toteuma::http::detail
