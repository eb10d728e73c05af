// Where the kept ledger source files live (issue 18 item 2). SQLite: a folder beside the database
// file ("<db>.ledger/<sha256>"), as backups expect. PostgreSQL: in the database itself (table
// ledger_file, 1 MiB chunks), so every server instance can show any figure's rows; each instance
// reads them through a local cache folder of the same content-addressed names.
#pragma once
#include <string>

#include "store/sql_db.h"

namespace toteuma {

// The folder of kept (SQLite) or cached (PostgreSQL) files, created when missing. The cache is
// TOTEUMA_CACHE_DIR or a folder in the system's temporary directory.
std::string ledger_files_dir(sql::Db& db);
// Keeps the file at `path` as `sha256` (nothing when already kept). SQLite: `move` renames the file
// into the folder (else it is copied); PostgreSQL: its bytes go into the database in the current
// transaction, and the file is moved into the cache.
void keep_ledger_file(sql::Db& db, const std::string& sha256, const std::string& path, bool move);
// Forgets a kept file (PostgreSQL: in the current transaction; the cached copy stays until pruned).
void forget_ledger_file(sql::Db& db, const std::string& sha256);
// A readable local path of a kept file ("" when it is not kept): SQLite's own file; PostgreSQL's
// cached copy, written from the database the first time.
std::string ledger_file_path(sql::Db& db, const std::string& sha256);

}  // namespace toteuma
