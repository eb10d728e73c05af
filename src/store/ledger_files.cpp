#include "store/ledger_files.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "store/store.h"

namespace toteuma {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChunk = 1 << 20;

bool in_database(sql::Db& db) { return db.dialect() == sql::Dialect::postgres; }

bool stored(sql::Db& db, const std::string& sha) {
  return db.prepare("SELECT 1 FROM ledger_file WHERE sha256 = ? AND chunk = 0").bind(1, sha).step();
}

}  // namespace

std::string ledger_files_dir(sql::Db& db) {
  fs::path dir;
  if (!in_database(db)) {
    dir = db.target() + ".ledger";
  } else {
    const char* c = std::getenv("TOTEUMA_CACHE_DIR");
    dir = c && *c ? fs::path(c) : fs::temp_directory_path() / ("toteuma-ledger-cache-" + std::to_string(::getuid()));
  }
  fs::create_directories(dir);
  return dir.string();
}

void keep_ledger_file(sql::Db& db, const std::string& sha, const std::string& path, bool move) {
  fs::path target = fs::path(ledger_files_dir(db)) / sha;
  std::error_code ec;
  if (in_database(db) && !stored(db, sha)) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw StoreError("cannot read " + path);
    auto st = db.prepare("INSERT INTO ledger_file (sha256, chunk, bytes) VALUES (?, ?, ?)");
    std::string buf(kChunk, '\0');
    std::int64_t n = 0;
    do {
      in.read(buf.data(), static_cast<std::streamsize>(kChunk));
      std::size_t got = static_cast<std::size_t>(in.gcount());
      if (got == 0 && n > 0) break;
      st.bind(1, sha).bind(2, n++).bind_blob(3, std::string_view(buf.data(), got)).run();
    } while (in);
  }
  if (fs::exists(target, ec)) {
    if (move) fs::remove(path, ec);
    return;
  }
  if (move) fs::rename(path, target);
  else fs::copy_file(path, target);
}

void forget_ledger_file(sql::Db& db, const std::string& sha) {
  if (in_database(db)) db.prepare("DELETE FROM ledger_file WHERE sha256 = ?").bind(1, sha).run();
  else {
    std::error_code ec;
    fs::remove(fs::path(db.target() + ".ledger") / sha, ec);
  }
}

std::string ledger_file_path(sql::Db& db, const std::string& sha) {
  fs::path target = fs::path(ledger_files_dir(db)) / sha;
  std::error_code ec;
  if (!in_database(db)) return fs::exists(target, ec) ? target.string() : "";
  auto size = db.prepare("SELECT size FROM ledger_source WHERE sha256 = ?");
  std::int64_t want = size.bind(1, sha).step() ? size.int64(0) : -1;
  if (fs::exists(target, ec) && static_cast<std::int64_t>(fs::file_size(target, ec)) == want) return target.string();
  if (!stored(db, sha)) return "";
  // Written beside, then renamed: another request or instance never reads half a file.
  static std::atomic<int> n{0};
  fs::path part = target.string() + ".part-" + std::to_string(::getpid()) + "-" + std::to_string(n++);
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    sql::ReadTransaction tx(db);
    auto st = db.prepare("SELECT bytes FROM ledger_file WHERE sha256 = ? ORDER BY chunk");
    st.bind(1, sha);
    while (st.step()) {
      std::string b = st.blob(0);
      out.write(b.data(), static_cast<std::streamsize>(b.size()));
    }
    if (!out) throw StoreError("cannot write " + part.string());
  }
  fs::rename(part, target);
  return target.string();
}

}  // namespace toteuma
