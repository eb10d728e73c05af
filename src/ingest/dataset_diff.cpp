#include "ingest/dataset_diff.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "ingest/dataset_files.h"

namespace toteuma {

namespace {

namespace fs = std::filesystem;

// A folder under the system's temporary directory, removed when it goes out of scope.
struct ScratchDir {
  fs::path path;
  ScratchDir() {
    static std::atomic<int> n{0};
    path = fs::temp_directory_path() / ("toteuma-compare-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
};

// Every file of a dataset's dump: relative path → its records. A CSV file's records are its
// rows after the header (a newline inside quotes stays in its row); any other file (a text, the
// municipality) is one record.
std::map<std::string, std::multiset<std::string>> records_of(const Dataset& d) {
  ScratchDir dir;
  dump_dataset_dir(d, dir.path);
  std::map<std::string, std::multiset<std::string>> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path)) {
    if (!entry.is_regular_file()) continue;
    std::string rel = fs::relative(entry.path(), dir.path).generic_string();
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    auto& recs = out[rel];
    if (entry.path().extension() != ".csv") {
      recs.insert(text);
      continue;
    }
    std::string rec;
    bool quoted = false, header = true;
    for (char c : text) {
      if (c == '"') quoted = !quoted;
      if ((c == '\n' && !quoted)) {
        if (!rec.empty() && rec.back() == '\r') rec.pop_back();
        if (!header) recs.insert(rec);
        header = false;
        rec.clear();
      } else {
        rec += c;
      }
    }
    if (!rec.empty() && !header) recs.insert(rec);
  }
  return out;
}

// A record as an example: texts by their path (unit/year/section.lang), rows shortened.
std::string example_of(const std::string& file, const std::string& record) {
  if (file.rfind("narratives/", 0) == 0) {
    std::string key = file.substr(11);
    if (key.size() > 3 && key.ends_with(".md")) key.resize(key.size() - 3);
    return key;
  }
  if (file.find('.') != std::string::npos && !file.ends_with(".csv")) return file;
  std::string s = record.substr(0, 80);
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return record.size() > 80 ? s + "…" : s;
}

}  // namespace

DatasetComparison compare_for_replace(const Dataset& stored, const Dataset& incoming) {
  auto old_files = records_of(stored), new_files = records_of(incoming);
  DatasetComparison out;
  out.changed = old_files != new_files;
  std::map<std::string, DatasetLoss> by_file;
  for (const auto& [file, recs] : old_files) {
    auto other = new_files.find(file);
    // The texts are one file each: counted together as "narratives".
    std::string group = file.rfind("narratives/", 0) == 0 ? "narratives" : file;
    for (auto it = recs.begin(); it != recs.end(); it = recs.upper_bound(*it)) {
      std::size_t have = recs.count(*it), keep = other == new_files.end() ? 0 : other->second.count(*it);
      if (keep >= have) continue;
      DatasetLoss& loss = by_file[group];
      loss.file = group;
      loss.count += static_cast<int>(have - keep);
      if (loss.examples.size() < 3) loss.examples.push_back(example_of(file, *it));
    }
  }
  for (auto& [file, loss] : by_file) out.lost.push_back(std::move(loss));
  return out;
}

}  // namespace toteuma
