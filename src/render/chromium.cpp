#include "render/chromium.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sodium.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <tuple>
#include <vector>

#include "render/pdf.h"

extern char** environ;

namespace toteuma {
namespace fs = std::filesystem;
namespace {

std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

// The last lines of Chromium's stderr, less the D-Bus noise it always prints on a server.
std::string stderr_tail(const std::string& err) {
  std::vector<std::string> kept;
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line.find("dbus") == std::string::npos && line.find("DevTools listening") == std::string::npos)
      kept.push_back(line);
  std::string out;
  for (size_t i = kept.size() > 12 ? kept.size() - 12 : 0; i < kept.size(); ++i) out += "\n  " + kept[i];
  return out.empty() ? " (no stderr)" : ":" + out;
}

// A pipe whose ends are above fd 9, so that moving them onto fds 2–4 in the child never
// overwrites one before it is moved; both ends close on exec.
std::pair<int, int> high_pipe() {
  int p[2];
  if (::pipe2(p, O_CLOEXEC) != 0) throw PdfError(errno_text("pipe"));
  int out[2];
  for (int i = 0; i < 2; ++i) {
    out[i] = ::fcntl(p[i], F_DUPFD_CLOEXEC, 10);
    ::close(p[i]);
  }
  if (out[0] < 0 || out[1] < 0) {
    const std::string e = errno_text("pipe");
    for (int fd : out)
      if (fd >= 0) ::close(fd);
    throw PdfError(e);
  }
  return {out[0], out[1]};
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Writes all of `data`; a Chromium that died meanwhile gives EPIPE, not a SIGPIPE that would end
// a command-line process (the signal is blocked on this thread and a pending one taken back).
bool write_all(int fd, const std::string& data) {
  sigset_t pipe_set, old;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  ::pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
  bool ok = true;
  for (size_t done = 0; done < data.size();) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    done += static_cast<size_t>(n);
  }
  if (!ok) {
    timespec zero{0, 0};
    while (::sigtimedwait(&pipe_set, nullptr, &zero) > 0) {
    }
  }
  ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return ok;
}

std::string base64_decode(const std::string& in) {
  std::string out(in.size() / 4 * 3 + 3, '\0');
  size_t len = 0;
  if (::sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), in.data(), in.size(), nullptr, &len,
                          nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    throw PdfError("Chromium sent a PDF that is not base64");
  out.resize(len);
  return out;
}

}  // namespace

Chromium::Chromium(const std::string& executable) {
  const char* tmp = std::getenv("TMPDIR");
  std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/toteuma-chromium-XXXXXX";
  if (!::mkdtemp(templ.data())) throw PdfError(errno_text("cannot create a temporary directory"));
  dir_ = templ;
  // The child's ends, closed here once it has them (or when starting fails).
  struct ChildEnds {
    int fds[2] = {-1, -1};
    ~ChildEnds() {
      for (int& fd : fds) close_fd(fd);
    }
  } child;
  try {
    std::tie(child.fds[0], to_) = high_pipe();    // commands: Chromium reads fd 3
    std::tie(from_, child.fds[1]) = high_pipe();  // answers: Chromium writes fd 4
    // Its stderr goes to a file, read only when a print fails: nothing to drain while it idles.
    const fs::path err = dir_ / "stderr.log";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&actions, child.fds[0], 3);
    posix_spawn_file_actions_adddup2(&actions, child.fds[1], 4);
    // A kept Chromium lives as long as the server: it must not hold the server's sockets or
    // upload files (Asio and Beast open them without close-on-exec).
    posix_spawn_file_actions_addclosefrom_np(&actions, 5);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Its temporary files go in the private folder too (TMPDIR), so that removing the folder
    // takes everything: its lock socket's folder (org.chromium.Chromium.*), which it removes only
    // when it shuts down by itself, was left in /tmp by every Chromium killed.
    const fs::path tmp = dir_ / "tmp";
    std::error_code made;
    fs::create_directory(tmp, made);  // (were it not made, Chromium would report what it lacks)
    std::vector<std::string> env{"TMPDIR=" + tmp.string()};
    for (char** e = environ; *e; ++e)
      if (std::strncmp(*e, "TMPDIR=", 7) != 0) env.emplace_back(*e);
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    // Its own process group: stopping it kills the renderer and GPU helpers too.
    posix_spawnattr_setpgroup(&attr, 0);
    // A server may block or ignore signals in its threads; Chromium should start with the defaults.
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    const std::vector<std::string> args{
        executable,
        "--headless",
        "--no-sandbox",  // runs as root in containers, where the sandbox cannot start
        "--disable-gpu",
        "--remote-debugging-pipe",
        "--user-data-dir=" + (dir_ / "profile").string(),
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--mute-audio",
    };
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int rc = ::posix_spawn(&pid_, executable.c_str(), &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
      pid_ = -1;
      throw PdfError("cannot start " + executable + ": " + std::strerror(rc));
    }
    ::fcntl(from_, F_SETFL, O_NONBLOCK);
  } catch (...) {
    stop();
    throw;
  }
}

bool Chromium::alive() const {
  if (broken_ || pid_ <= 0) return false;
  siginfo_t info{};
  if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid_) return false;
  pollfd p{from_, POLLIN, 0};  // an idle Chromium sends nothing: anything readable is EOF or junk
  return ::poll(&p, 1, 0) == 0;
}

Chromium::~Chromium() { stop(); }

void Chromium::stop() {
  close_fd(to_);  // Chromium ends by itself when its command pipe closes; the kill makes sure
  if (pid_ > 0) {
    ::kill(-pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
  }
  close_fd(from_);
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
    dir_.clear();
  }
}

void Chromium::fail(const std::string& what) {
  broken_ = true;
  if (pid_ > 0) ::kill(-pid_, SIGKILL);  // before reading its stderr: nothing more is written
  std::string err;
  {
    std::ifstream f(dir_ / "stderr.log", std::ios::binary);
    err.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    if (err.size() > 65536) err.erase(0, err.size() - 65536);
  }
  std::string tail = stderr_tail(err);
  stop();
  throw PdfError(what + tail);
}

void Chromium::read_some() {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
  if (left <= 0) fail("Chromium did not finish within " + std::to_string(budget_.count()) + " s");
  pollfd p{from_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(std::min<long long>(left, 200))) < 0 && errno != EINTR) fail(errno_text("poll"));
  char buf[65536];
  ssize_t n;
  bool eof = false;
  for (;;) {
    n = ::read(from_, buf, sizeof buf);
    if (n > 0) {
      in_.append(buf, static_cast<size_t>(n));
      continue;
    }
    eof = n == 0;
    break;
  }
  if (!eof) return;
  // The answers' pipe closed: Chromium ended (or closed it). Wait briefly for its status.
  for (int i = 0; i < 40; ++i) {
    siginfo_t info{};
    if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid_) {
      if (info.si_code == CLD_EXITED && info.si_status == 0) fail("Chromium wrote no PDF");
      if (info.si_code == CLD_EXITED) fail("Chromium exited with status " + std::to_string(info.si_status));
      fail("Chromium was killed by signal " + std::to_string(info.si_status));
    }
    ::usleep(50000);
  }
  fail("Chromium closed its DevTools pipe");
}

void Chromium::send(const nlohmann::json& message) {
  if (!write_all(to_, message.dump() + '\0')) {
    // It died: read_some reports how (its exit status, its stderr).
    for (;;) read_some();
  }
}

std::optional<nlohmann::json> Chromium::next_message() {
  for (;;) {
    size_t end = in_.find('\0', scanned_);
    if (end == std::string::npos) {
      scanned_ = in_.size();  // a long answer (the PDF) arrives in many reads: scan each byte once
      return std::nullopt;
    }
    auto message = nlohmann::json::parse(in_.begin(), in_.begin() + static_cast<std::ptrdiff_t>(end), nullptr, false);
    in_.erase(0, end + 1);
    scanned_ = 0;
    if (message.is_discarded() || !message.is_object()) fail("Chromium sent a message that is not JSON");
    if (!message.contains("id")) {
      events_.push_back(std::move(message));
      continue;
    }
    return message;
  }
}

nlohmann::json Chromium::call(const std::string& method, nlohmann::json params, const std::string& session) {
  const long id = next_id_++;
  nlohmann::json message{{"id", id}, {"method", method}, {"params", std::move(params)}};
  if (!session.empty()) message["sessionId"] = session;
  send(message);
  for (;;) {
    while (auto answer = next_message()) {
      if (answer->value("id", 0L) != id) continue;  // calls are one at a time: no other answer is awaited
      if (answer->contains("error"))
        fail("Chromium refused " + method + ": " + (*answer)["error"].value("message", (*answer)["error"].dump()));
      return answer->value("result", nlohmann::json::object());
    }
    read_some();
  }
}

nlohmann::json Chromium::wait_event(const std::string& method, const std::string& session) {
  for (;;) {
    while (next_message()) {
    }
    while (!events_.empty()) {
      nlohmann::json e = std::move(events_.front());
      events_.pop_front();
      if (e.value("method", "") == method && e.value("sessionId", "") == session) return e;
    }
    read_some();
  }
}

std::string Chromium::print(const std::string& html, Clock::time_point deadline, std::chrono::seconds budget, bool tagged) {
  deadline_ = deadline;
  budget_ = budget;
  const fs::path page = dir_ / ("document-" + std::to_string(++prints_) + ".html");
  {
    std::ofstream f(page, std::ios::binary);
    f << html;
    if (!f.flush()) fail("cannot write " + page.string());
  }
  struct Remove {
    fs::path p;
    ~Remove() {
      std::error_code ec;
      fs::remove(p, ec);
    }
  } remove{page};
  events_.clear();
  const std::string target = call("Target.createTarget", {{"url", "about:blank"}}, "").value("targetId", "");
  const std::string session =
      call("Target.attachToTarget", {{"targetId", target}, {"flatten", true}}, "").value("sessionId", "");
  if (target.empty() || session.empty()) fail("Chromium opened no page to print");
  call("Page.enable", nlohmann::json::object(), session);
  nlohmann::json nav = call("Page.navigate", {{"url", "file://" + page.string()}}, session);
  if (nav.contains("errorText")) fail("Chromium could not open the page: " + nav.value("errorText", ""));
  // A load event may still be about:blank's (the new target's own page): wait until the loaded
  // page is ours and complete.
  const std::string loaded = "/" + page.filename().string() + " complete";
  for (;;) {
    wait_event("Page.loadEventFired", session);
    nlohmann::json state = call("Runtime.evaluate",
                                {{"expression", "location.pathname + ' ' + document.readyState"}, {"returnByValue", true}}, session);
    const std::string seen = state.contains("result") ? state["result"].value("value", "") : "";
    if (seen.size() >= loaded.size() && seen.compare(seen.size() - loaded.size(), loaded.size(), loaded) == 0) break;
  }
  // What --print-to-pdf --no-pdf-header-footer --generate-pdf-document-outline asks for.
  nlohmann::json pdf = call("Page.printToPDF",
                            {{"printBackground", true},
                             {"preferCSSPageSize", true},
                             {"displayHeaderFooter", false},
                             {"generateTaggedPDF", tagged},
                             {"generateDocumentOutline", tagged}},
                            session);
  call("Target.closeTarget", {{"targetId", target}}, "");
  std::string bytes = base64_decode(pdf.value("data", ""));
  if (bytes.rfind("%PDF-", 0) != 0) fail("Chromium wrote no PDF");
  return bytes;
}

}  // namespace toteuma
