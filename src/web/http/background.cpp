#include "background.h"

#include <linux/capability.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

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
  // And ten steps nicer (weight ~1/10 of a request thread's): while the cores are busy printing,
  // a request thread still gets them first — /healthz answered in tens of ms at worst instead of
  // ~100 when two Chromiums share two cores with it. An idle machine prints as fast. Only ever
  // lowered (raising needs a privilege); Linux keeps nice per thread, and Chromium inherits it.
  // Chromium raises some of its threads when it may (nice −8, its browser and compositing threads;
  // as root it may), which put them ahead of the request threads again. Without CAP_SYS_NICE in
  // this thread's bounding set, nothing started from here may (a program run as root gets only
  // the bounding set's capabilities). Dropping needs CAP_SETPCAP; without it, Chromium may not
  // raise itself anyway.
  ::prctl(PR_CAPBSET_DROP, CAP_SYS_NICE, 0, 0, 0);
  errno = 0;
  const int nice_now = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
  if (errno == 0) ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), std::min(19, nice_now + kNicer));
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
