#include "background.h"

#include <linux/capability.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
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

namespace {

// Chromium raises some of its threads when it may (nice −8 for its browser and compositing
// threads; as root it may), which put them ahead of the request threads again. A program started
// from this thread gets CAP_SYS_NICE only from its bounding set, inheritable set or ambient set
// (capabilities are per thread): it is taken out of all three, so what starts here cannot raise
// itself with it. Best effort: dropping from the bounding set needs CAP_SETPCAP (root has it).
// RLIMIT_NICE, per process, is left to the server's owner (it is 0 unless set).
void drop_raising() {
  ::prctl(PR_CAPBSET_DROP, CAP_SYS_NICE, 0, 0, 0);
  ::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, CAP_SYS_NICE, 0, 0);
  __user_cap_header_struct head{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
  if (::syscall(SYS_capget, &head, data) == 0 && (data[0].inheritable & (1u << CAP_SYS_NICE)) != 0) {
    data[0].inheritable &= ~(1u << CAP_SYS_NICE);
    ::syscall(SYS_capset, &head, data);
  }
}

}  // namespace

void Background::work() {
  // SCHED_BATCH (same CPU share, no wake-up preemption): the slow jobs and the Chromium they start
  // (it inherits the policy) no longer preempt a request thread each time they wake, which they
  // do thousands of times a print; a request thread waking for /healthz is run first. Best effort.
  sched_param none{};
  ::sched_setscheduler(0, SCHED_BATCH, &none);
  // And ten steps nicer (weight ~1/10 of a request thread's), Chromium unable to raise itself
  // back: while the cores are busy printing, a request thread still gets them first (/healthz at
  // most ~20 ms while 8 PDFs are made, bench/documents). An idle machine prints as fast. Only ever
  // lowered (raising needs a privilege); Linux keeps nice per thread, and Chromium inherits it.
  drop_raising();
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
