// Shared helpers for tests: temporary folders and the repository's paths.
#pragma once
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <functional>
#include <vector>

namespace toteuma::testing {

inline std::filesystem::path source_dir() { return TOTEUMA_SOURCE_DIR; }
inline std::filesystem::path demo_dir() { return source_dir() / "data" / "demo"; }

// A folder removed when the test ends.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> n{0};
    path_ = std::filesystem::temp_directory_path() /
            ("toteuma-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
    for (auto& f : cleanups_) f();
  }
  const std::filesystem::path& path() const { return path_; }

  // Runs when the test ends (a PostgreSQL schema dropped: test_db.h).
  void on_cleanup(std::function<void()> f) const { cleanups_.push_back(std::move(f)); }

 private:
  std::filesystem::path path_;
  mutable std::vector<std::function<void()>> cleanups_;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void spit(const std::filesystem::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << content;
}

}  // namespace toteuma::testing
