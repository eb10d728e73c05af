// The backup file (backup.h): a zip of the online backup of the database, the ledger files it
// refers to and a manifest of SHA-256 checksums; restored only when every part checks out.
#include "store/backup.h"

#include <fmt/format.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <vector>

#include "core/i18n.h"
#include "store/copy_db.h"
#include "store/migrations.h"
#include "store/sha256.h"
#include "store/audit_rows.h"
#include "store/sql_db.h"
#include <sqlite3.h>

namespace toteuma {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr const char* kManifest = "toteuma-backup.json";
constexpr const char* kDbEntry = "toteuma.db";
constexpr const char* kFormat = "toteuma-backup";
constexpr int kVersion = 1;

// A message in English, Finnish and Swedish: `en` is the English format, `key` the catalogue's.
template <typename... Args>
std::string three(const char* en, const char* key, const Args&... args) {
  return fmt::format(fmt::runtime(en), args...) + " / " + fmt::format(fmt::runtime(tr(key, Lang::fi)), args...) + " / " +
         fmt::format(fmt::runtime(tr(key, Lang::sv)), args...);
}

// A folder beside `near` (so renames out of it stay on one file system), removed at the end.
struct WorkDir {
  fs::path path;
  explicit WorkDir(const std::string& near) : path(near + ".tmp-" + std::to_string(::getpid())) {
    fs::remove_all(path);
    fs::create_directories(path / "ledger");
  }
  ~WorkDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
};

bool is_sha256(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Copies `from` into `to` page by page in one step (one read transaction on `from`, one write
// transaction on `to`): a consistent copy while others write, and all or nothing for `to`.
void copy_database(sql::Db& from, sql::Db& to) {
  for (int attempt = 0;; ++attempt) {
    sqlite3_backup* b = sqlite3_backup_init(to.sqlite_handle(), "main", from.sqlite_handle(), "main");
    if (!b) to.fail("backup");
    int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc == SQLITE_DONE) return;
    if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || attempt >= 50) to.fail("backup copy");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

std::vector<std::string> ledger_shas(sql::Db& db) {
  std::vector<std::string> out;
  auto st = db.prepare("SELECT sha256 FROM ledger_source ORDER BY sha256");
  while (st.step()) out.push_back(st.text(0));
  return out;
}

int schema_of(sql::Db& db) {
  auto st = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migration");
  st.step();
  return static_cast<int>(st.int64(0));
}

std::string ledger_dir(const std::string& db) { return db + ".ledger"; }

}  // namespace

BackupSummary write_backup(const std::string& db, const std::string& file) {
  if (sql::is_postgres_url(db)) {
    // PostgreSQL: first copied into a SQLite file (one repeatable-read transaction), so a backup
    // has one format whichever backend wrote it, and restores into either.
    WorkDir stage(file + ".pg");
    std::string local = (stage.path / kDbEntry).string();
    copy_db(db, local, false);
    return write_backup(local, file);
  }
  if (!fs::is_regular_file(db)) throw StoreError(three("{}: no such database", "backup.no_db", db));
  open_store(db);  // a Toteuma database, migrated
  WorkDir work(file);
  const std::string copy = (work.path / kDbEntry).string();
  BackupSummary sum;
  json files = json::array();
  // The ledger files are content-addressed and only ever added, or removed once no figure needs
  // them; a file removed between the copy and its reading means the copy is already old: again.
  for (int attempt = 0;; ++attempt) {
    files = json::array();
    sum = {};
    fs::remove(copy);
    std::vector<std::string> shas;
    {
      sql::Db from(db), to(copy);
      copy_database(from, to);
      to.exec("PRAGMA journal_mode=DELETE");  // one self-contained file
      sum.schema_version = schema_of(to);
      shas = ledger_shas(to);
    }
    bool complete = true;
    for (const auto& sha : shas) {
      fs::path kept = fs::path(ledger_dir(db)) / sha;
      if (!fs::is_regular_file(kept)) {
        complete = false;
        break;
      }
      std::int64_t size = 0;
      if (sha256_of_file(kept.string(), &size) != sha)
        throw StoreError(three("{}: the kept ledger file is damaged (its SHA-256 is not its name)", "backup.ledger_damaged",
                               kept.string()));
      files.push_back({{"name", "ledger/" + sha}, {"size", size}, {"sha256", sha}, {"path", kept.string()}});
      ++sum.ledger_files;
      sum.ledger_bytes += size;
    }
    if (complete) break;
    if (attempt >= 3)
      throw StoreError(three("{}: a ledger file the database refers to is missing", "backup.ledger_missing", ledger_dir(db)));
  }
  std::int64_t db_size = 0;
  std::string db_sha = sha256_of_file(copy, &db_size);
  sum.db_bytes = db_size;
  files.insert(files.begin(), json{{"name", kDbEntry}, {"size", db_size}, {"sha256", db_sha}, {"path", copy}});

  json manifest = {{"format", kFormat},
                   {"version", kVersion},
                   {"created", sql::utc_now_iso()},
                   {"schema_version", sum.schema_version},
                   {"files", json::array()}};
  for (const auto& f : files) manifest["files"].push_back({{"name", f["name"]}, {"size", f["size"]}, {"sha256", f["sha256"]}});
  const std::string manifest_text = manifest.dump(2) + "\n";

  const std::string part = file + ".part";
  int err = 0;
  zip_t* z = zip_open(part.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) throw StoreError(three("{}: cannot write", "backup.cannot_write", part));
  auto add = [&](const std::string& name, zip_source_t* src) {
    if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (src) zip_source_free(src);
      std::string why = zip_strerror(z);
      zip_discard(z);
      fs::remove(part);
      throw StoreError(three("{}: cannot write", "backup.cannot_write", part) + ": " + why);
    }
  };
  add(kManifest, zip_source_buffer(z, manifest_text.data(), manifest_text.size(), 0));
  for (const auto& f : files)
    add(f["name"].get<std::string>(), zip_source_file(z, f["path"].get<std::string>().c_str(), 0, 0));
  if (zip_close(z) != 0) {
    std::string why = zip_strerror(z);
    zip_discard(z);
    fs::remove(part);
    throw StoreError(three("{}: cannot write", "backup.cannot_write", part) + ": " + why);
  }
  fs::rename(part, file);
  return sum;
}

namespace {

// The backup's zip, read entry by entry; every failure is a BackupError naming the file.
class Archive {
 public:
  explicit Archive(std::string file) : file_(std::move(file)) {
    if (!fs::is_regular_file(file_)) throw BackupError(three("{}: no such file", "backup.no_file", file_));
    int err = 0;
    z_ = zip_open(file_.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z_) throw BackupError(three("{}: not a Toteuma backup (not a zip archive, or a damaged one)", "backup.not_zip", file_));
  }
  ~Archive() { zip_discard(z_); }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  std::vector<std::string> names() {
    std::vector<std::string> out;
    zip_int64_t n = zip_get_num_entries(z_, 0);
    for (zip_int64_t i = 0; i < n; ++i) out.emplace_back(zip_get_name(z_, static_cast<zip_uint64_t>(i), 0));
    return out;
  }

  // Streams an entry to `sink` (chunks); false when the entry is missing.
  template <typename Sink>
  bool read(const std::string& name, Sink&& sink) {
    zip_file_t* f = zip_fopen(z_, name.c_str(), 0);
    if (!f) return false;
    std::vector<char> buf(1 << 20);
    for (;;) {
      zip_int64_t got = zip_fread(f, buf.data(), buf.size());
      if (got < 0) {
        zip_fclose(f);
        throw damaged(name);
      }
      if (got == 0) break;
      sink(std::string_view(buf.data(), static_cast<std::size_t>(got)));
    }
    if (zip_fclose(f) != 0) throw damaged(name);
    return true;
  }

  BackupError damaged(const std::string& name) const {
    return BackupError(three("{}: entry {} is damaged", "backup.entry_damaged", file_, name));
  }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  zip_t* z_ = nullptr;
};

// An entry written to `path`, checked against the manifest's size and SHA-256.
void extract_checked(Archive& a, const json& entry, const fs::path& path) {
  const std::string name = entry.at("name").get<std::string>();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  Sha256 h;
  std::int64_t size = 0;
  if (!a.read(name, [&](std::string_view chunk) {
        h.add(chunk);
        size += static_cast<std::int64_t>(chunk.size());
        out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      }))
    throw BackupError(three("{}: entry {} is listed in the manifest but missing", "backup.entry_missing", a.file(), name));
  out.close();
  if (!out) throw StoreError(three("{}: cannot write", "backup.cannot_write", path.string()));
  if (size != entry.at("size").get<std::int64_t>() || h.hex() != entry.at("sha256").get<std::string>())
    throw BackupError(three("{}: entry {} is damaged (its size or SHA-256 differs from the manifest)", "backup.checksum",
                            a.file(), name));
}

}  // namespace

BackupSummary restore_backup(const std::string& file, const std::string& db, const AuditEntry& audit) {
  Archive a(file);
  auto foreign = [&](const std::string& why) {
    return BackupError(three("{}: not a Toteuma backup ({})", "backup.foreign", file, why));
  };
  std::string manifest_text;
  if (!a.read(kManifest, [&](std::string_view c) { manifest_text.append(c); })) throw foreign(std::string("no ") + kManifest);
  json m = json::parse(manifest_text, nullptr, false);
  if (m.is_discarded() || !m.is_object() || m.value("format", "") != kFormat) throw foreign(std::string(kManifest) + ": format");
  if (m.value("version", 0) != kVersion)
    throw BackupError(three("{}: backup format version {} is not supported (this Toteuma reads version {})", "backup.version",
                            file, m.value("version", 0), kVersion));
  if (!m.contains("files") || !m["files"].is_array()) throw foreign(std::string(kManifest) + ": files");

  // Every entry is named in the manifest and the manifest names only entries of the format.
  std::set<std::string> listed;
  for (const auto& f : m["files"]) {
    if (!f.is_object() || !f.contains("name") || !f["name"].is_string() || !f.contains("size") ||
        !f["size"].is_number_integer() || !f.contains("sha256") || !f["sha256"].is_string())
      throw foreign(std::string(kManifest) + ": files");
    std::string name = f["name"];
    bool ledger = name.rfind("ledger/", 0) == 0 && is_sha256(name.substr(7)) && f["sha256"] == name.substr(7);
    if (name != kDbEntry && !ledger) throw foreign("entry " + name);
    listed.insert(name);
  }
  if (!listed.count(kDbEntry)) throw foreign(std::string("no ") + kDbEntry);
  if (sql::is_postgres_url(db)) {
    // PostgreSQL: restored (checked, migrated, audited) into a SQLite file, then copied over the
    // database's content in one transaction.
    WorkDir stage((fs::temp_directory_path() / "toteuma-restore").string());
    std::string local = (stage.path / kDbEntry).string();
    BackupSummary sum = restore_backup(file, local, audit);
    copy_db(local, db, true);
    return sum;
  }
  for (const auto& name : a.names())
    if (name != kManifest && !listed.count(name)) throw foreign("entry " + name + " is not in the manifest");

  WorkDir work(db + ".restore");
  const fs::path copy = work.path / kDbEntry;
  std::set<std::string> shas;
  for (const auto& f : m["files"]) {
    std::string name = f["name"];
    if (name == kDbEntry) {
      extract_checked(a, f, copy);
    } else {
      extract_checked(a, f, work.path / name);
      shas.insert(name.substr(7));
    }
  }

  BackupSummary sum;
  {
    sql::Db check(copy.string());
    auto st = check.prepare("PRAGMA integrity_check");
    if (!st.step() || st.text(0) != "ok")
      throw BackupError(three("{}: entry {} is damaged", "backup.entry_damaged", file, kDbEntry));
    std::set<int> known;
    for (const auto& mig : migrations()) known.insert(mig.version);
    bool toteuma = check.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'").step();
    if (!toteuma) throw foreign(std::string(kDbEntry) + " has no schema_migration");
    auto versions = check.prepare("SELECT version FROM schema_migration");
    while (versions.step())
      if (!known.count(static_cast<int>(versions.int64(0))))
        throw BackupError(three("{}: made by a newer Toteuma (schema migration {} is unknown here)", "backup.newer", file,
                                versions.int64(0)));
  }
  open_store(copy.string());  // an older backup is brought up to this schema
  {
    sql::Db restored(copy.string());
    for (const auto& sha : ledger_shas(restored))
      if (!shas.count(sha))
        throw BackupError(three("{}: entry {} is missing", "backup.entry_missing_short", file, "ledger/" + sha));
    sum.schema_version = schema_of(restored);
    sql::Transaction tx(restored);
    AuditEntry row = audit;
    row.after = fmt::format("schema={};ledger_files={}", sum.schema_version, shas.size());
    insert_audit(restored, row);
    tx.commit();
  }
  sum.db_bytes = static_cast<std::int64_t>(fs::file_size(copy));
  sum.ledger_files = static_cast<int>(shas.size());

  // The ledger files first: they are named by their content, so adding them never changes what
  // the current database reads; then the database in one write transaction.
  fs::create_directories(ledger_dir(db));
  for (const auto& sha : shas) {
    fs::path to = fs::path(ledger_dir(db)) / sha;
    sum.ledger_bytes += static_cast<std::int64_t>(fs::file_size(work.path / "ledger" / sha));
    fs::rename(work.path / "ledger" / sha, to);
  }
  {
    sql::Db from(copy.string()), to(db);
    copy_database(from, to);
  }
  open_store(db);  // WAL and the pragmas as every store sets them
  // Kept files the restored database does not refer to belonged to the replaced one.
  for (const auto& entry : fs::directory_iterator(ledger_dir(db))) {
    std::string name = entry.path().filename().string();
    std::error_code ec;
    if (is_sha256(name) && !shas.count(name)) fs::remove(entry.path(), ec);
  }
  return sum;
}

}  // namespace toteuma
