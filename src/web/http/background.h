// Internal to toteuma_http: the threads that run slow answers (Response::later) away from the
// request threads, in the order they came. The app bounds how many wait (web/pdf_jobs.h).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace toteuma::http::detail {

class Background {
 public:
  static constexpr int kNicer = 10;  // the jobs' threads' nice value above the server's
  explicit Background(unsigned threads);
  // Drops what still waits (their connections close), lets the running jobs finish, joins.
  ~Background();
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  void post(std::function<void()> job);

 private:
  void work();
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace toteuma::http::detail
