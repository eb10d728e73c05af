// `toteuma copy-db`: a whole database to another backend (store/copy_db.h), then proven: both are
// dumped (`toteuma dump`) and the folders must be byte for byte the same.
#include <fmt/format.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>

#include "cli/commands.h"
#include "ingest/dataset_files.h"
#include "store/copy_db.h"
#include "store/sql_db.h"
#include "store/store.h"

namespace toteuma {

namespace fs = std::filesystem;

namespace {

// Every file of a folder by its relative name, with its bytes.
std::map<std::string, std::string> files_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    out[fs::relative(e.path(), dir).string()] = std::string(std::istreambuf_iterator<char>(in), {});
  }
  return out;
}

}  // namespace

int cmd_copy_db(const std::string& from, const std::string& to, bool replace, std::ostream& out) {
  CopySummary s = copy_db(from, to, replace);
  fs::path work = fs::temp_directory_path() / fmt::format("toteuma-copy-db-{}", ::getpid());
  fs::remove_all(work);
  struct Cleanup {
    fs::path p;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(p, ec);
    }
  } cleanup{work};
  dump_dataset_dir(open_store(from)->read(), (work / "from").string());
  dump_dataset_dir(open_store(to)->read(), (work / "to").string());
  auto a = files_of(work / "from"), b = files_of(work / "to");
  for (const auto& [name, bytes] : a)
    if (!b.count(name) || b[name] != bytes)
      throw std::runtime_error(fmt::format("copy-db: the dumps differ at {} / vedokset eroavat / dumparna skiljer sig", name));
  if (a.size() != b.size()) throw std::runtime_error("copy-db: the dumps differ / vedokset eroavat / dumparna skiljer sig");
  out << fmt::format("{} → {}: {} tables / taulua / tabeller, {} rows / riviä / rader, {} ledger files / pääkirjatiedostoa / "
                     "huvudboksfiler; dumps identical ({} files) / vedokset samat / dumparna lika\n",
                     sql::redacted(from), sql::redacted(to), s.tables, s.rows, s.ledger_files, a.size());
  return 0;
}

}  // namespace toteuma
