#include "render/pdf.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <poppler/cpp/poppler-destination.h>
#include <poppler/cpp/poppler-document.h>
#include <sstream>
#include <vector>

extern char** environ;

namespace toteuma {
namespace fs = std::filesystem;
namespace {

std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

bool is_executable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// A name without a slash is looked up on PATH, like a shell would.
std::optional<std::string> resolve(const std::string& name) {
  if (name.find('/') != std::string::npos) return is_executable(name) ? std::optional(name) : std::nullopt;
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (fs::path candidate = fs::path(dir.empty() ? "." : dir) / name; is_executable(candidate)) return candidate;
  return std::nullopt;
}

std::string find_chromium(const PdfOptions& options) {
  if (!options.chromium.empty()) {
    if (auto found = resolve(options.chromium)) return *found;
    throw PdfError("Chromium not found: " + options.chromium);
  }
  if (const char* env = std::getenv("TOTEUMA_CHROMIUM"); env && *env) {
    if (auto found = resolve(env)) return *found;
    throw PdfError(std::string("Chromium not found: TOTEUMA_CHROMIUM=") + env);
  }
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    if (auto found = resolve(name)) return *found;
  throw PdfError("Chromium not found: set TOTEUMA_CHROMIUM or install chromium (scripts/install-deps.sh --browser)");
}

// The printed page may load nothing but itself: no local file (an <iframe src="file:///etc/...">
// in a narrative would print it), no network, no script. Inline styles, SVG and data: images stay.
std::string with_csp(const std::string& html) {
  static const std::string meta =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:; font-src data:\">";
  std::string lower(html.size(), ' ');
  std::transform(html.begin(), html.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  // Right after <head> (or <html>), before anything that could load; a meta CSP binds what follows it.
  for (const std::string tag : {"<head", "<html"}) {
    for (size_t at = lower.find(tag); at != std::string::npos; at = lower.find(tag, at + 1)) {
      const char next = at + tag.size() < lower.size() ? lower[at + tag.size()] : '\0';
      if (next != '>' && !std::isspace(static_cast<unsigned char>(next))) continue;  // not <header>
      size_t end = html.find('>', at);
      if (end == std::string::npos) break;
      return html.substr(0, end + 1) + meta + html.substr(end + 1);
    }
  }
  return meta + html;
}

// A private directory for one print (the HTML, Chromium's profile, the PDF), removed afterwards.
class TempDir {
 public:
  TempDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/toteuma-pdf-XXXXXX";
    if (!::mkdtemp(templ.data())) throw PdfError(errno_text("cannot create a temporary directory"));
    path_ = templ;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The last lines of Chromium's stderr, less the D-Bus noise it always prints on a server.
std::string stderr_tail(const std::string& err) {
  std::vector<std::string> kept;
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line.find("dbus") == std::string::npos) kept.push_back(line);
  std::string out;
  for (size_t i = kept.size() > 12 ? kept.size() - 12 : 0; i < kept.size(); ++i) out += "\n  " + kept[i];
  return out.empty() ? " (no stderr)" : ":" + out;
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Runs argv without a shell in its own process group; returns the exit status and stderr.
// The process group lets a timeout kill Chromium's helper processes too.
std::pair<int, std::string> run(const std::vector<std::string>& args, std::chrono::seconds timeout) {
  int pipefd[2];
  if (::pipe2(pipefd, O_CLOEXEC) != 0) throw PdfError(errno_text("pipe"));
  Fd read_end{pipefd[0]}, write_end{pipefd[1]};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, write_end.fd, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setpgroup(&attr, 0);
  // A server may block or ignore signals in its threads; Chromium should start with the defaults.
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  int rc = ::posix_spawn(&pid, args[0].c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) throw PdfError("cannot start " + args[0] + ": " + std::strerror(rc));
  ::close(write_end.fd);
  write_end.fd = -1;
  ::fcntl(read_end.fd, F_SETFL, O_NONBLOCK);

  std::string err;
  bool eof = false;
  auto drain = [&] {
    char buf[4096];
    ssize_t n;
    while ((n = ::read(read_end.fd, buf, sizeof buf)) > 0) err.append(buf, static_cast<size_t>(n));
    eof = eof || n == 0;
    if (err.size() > 65536) err.erase(0, err.size() - 65536);
  };
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool timed_out = false, reaped = false;
  for (;;) {
    pollfd p{eof ? -1 : read_end.fd, POLLIN, 0};  // after EOF poll only sleeps
    ::poll(&p, 1, 100);
    drain();
    // WNOWAIT leaves the exited leader unreaped, so its pid (the group id) cannot be reused
    // before the group's stragglers are killed below.
    siginfo_t info{};
    int w = ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
    if (w == 0 && info.si_pid == pid) break;
    if (w < 0 && errno == ECHILD) {  // the caller ignores SIGCHLD, so the child was reaped already
      reaped = true;
      break;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      timed_out = true;
      break;
    }
  }
  int status = 0;
  if (!reaped) {
    ::kill(-pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  drain();
  if (timed_out)
    throw PdfError("Chromium did not finish within " + std::to_string(timeout.count()) + " s" + stderr_tail(err));
  return {status, err};
}

std::string print_html(const std::string& html, const PdfOptions& options, const std::string& chromium) {
  TempDir dir;
  const fs::path page = dir.path() / "document.html", out = dir.path() / "document.pdf";
  {
    std::ofstream f(page, std::ios::binary);
    f << with_csp(html);
    if (!f.flush()) throw PdfError("cannot write " + page.string());
  }
  const std::vector<std::string> args{
      chromium,
      "--headless",
      "--no-sandbox",  // runs as root in containers, where the sandbox cannot start
      "--disable-gpu",
      "--no-pdf-header-footer",  // the footer comes from print.css's @page margin boxes
      "--generate-pdf-document-outline",
      "--print-to-pdf=" + out.string(),
      "--user-data-dir=" + (dir.path() / "profile").string(),
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-extensions",
      "--hide-scrollbars",
      "file://" + page.string(),
  };
  auto [status, err] = run(args, options.timeout);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string how = WIFEXITED(status) ? "exited with status " + std::to_string(WEXITSTATUS(status))
                                        : "was killed by signal " + std::to_string(WTERMSIG(status));
    throw PdfError("Chromium " + how + stderr_tail(err));
  }
  std::ifstream f(out, std::ios::binary);
  std::string pdf((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (pdf.rfind("%PDF-", 0) != 0) throw PdfError("Chromium wrote no PDF" + stderr_tail(err));
  return pdf;
}

}  // namespace

// Named destinations rather than the outline or the text: Chromium writes one destination per
// anchor that a link points to, named by the element's id, so an id maps to its page exactly,
// whatever the heading's text or how often it recurs. The outline is keyed by titles, and a text
// search would be fooled by the TOC and by repeated headings.
AnchorPages pdf_anchor_pages(const std::string& pdf) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!doc) throw PdfError("cannot read the PDF Chromium wrote");
  AnchorPages pages;
  for (const auto& [name, dest] : doc->create_destination_map())
    if (dest.page_number() > 0) pages[name] = dest.page_number();
  return pages;
}

std::string render_pdf(const std::function<std::string(const AnchorPages&)>& html_for_pages,
                       const PdfOptions& options) {
  const std::string chromium = find_chromium(options);
  AnchorPages pages;
  std::string html = html_for_pages(pages);
  std::string pdf = print_html(html, options, chromium);
  // Filling in page numbers rarely moves a heading (only if the TOC grows a page), so one
  // reprint normally settles it; a third print covers that case.
  for (int print = 1; print < 3; ++print) {
    AnchorPages found = pdf_anchor_pages(pdf);
    if (found == pages) break;
    pages = std::move(found);
    std::string next = html_for_pages(pages);
    if (next == html) break;
    html = std::move(next);
    pdf = print_html(html, options, chromium);
  }
  return pdf;
}

}  // namespace toteuma
