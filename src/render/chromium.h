// One long-lived headless Chromium driven over the DevTools protocol on a pipe
// (--remote-debugging-pipe: it reads commands on fd 3 and writes answers on fd 4, each a JSON
// text ended by NUL). Starting Chromium costs ~1,7 s of CPU; a kept one prints a page in a
// fraction of that. Not thread-safe: one print at a time per instance (render/pdf.cpp keeps a pool).
#pragma once
#include <sys/types.h>

#include <chrono>
#include <deque>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace toteuma {

class Chromium {
 public:
  using Clock = std::chrono::steady_clock;
  // Starts `executable` (a resolved path) with a fresh profile in a private temp folder; throws
  // PdfError when it cannot be started.
  explicit Chromium(const std::string& executable);
  ~Chromium();  // kills Chromium's process group and removes the folder
  Chromium(const Chromium&) = delete;
  Chromium& operator=(const Chromium&) = delete;

  // Prints `html` (written to a file in the private folder and opened as file://) to PDF bytes,
  // as Chromium's --print-to-pdf would: CSS page size and margins, backgrounds, a tagged PDF with a
  // document outline, no header or footer of its own. Throws PdfError on failure or when
  // `deadline` passes; after a throw the instance is broken (usable() false) and must be dropped.
  // `tagged` false leaves out the tags and the outline (a print only read for its pages: the
  // same pages and destinations in about half the time of a long document).
  std::string print(const std::string& html, Clock::time_point deadline, std::chrono::seconds budget, bool tagged = true);
  bool usable() const { return !broken_; }
  // Still running and idle: not failed, not exited (OOM-killed while kept), nothing unread.
  bool alive() const;

 private:
  nlohmann::json call(const std::string& method, nlohmann::json params, const std::string& session);
  std::optional<nlohmann::json> next_message();  // the next answer in in_; events go to events_
  nlohmann::json wait_event(const std::string& method, const std::string& session);
  void send(const nlohmann::json& message);
  void read_some();  // one poll and read of both pipes; throws at EOF or at the deadline
  [[noreturn]] void fail(const std::string& what);  // kills, marks broken, throws with stderr's tail
  void stop();

  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;  // our ends: commands, answers
  std::string in_;
  size_t scanned_ = 0;  // bytes of in_ known to hold no NUL
  std::deque<nlohmann::json> events_;  // events read while waiting for an answer
  long next_id_ = 1;
  int prints_ = 0;
  bool broken_ = false;
  Clock::time_point deadline_;
  std::chrono::seconds budget_{60};
};

}  // namespace toteuma
