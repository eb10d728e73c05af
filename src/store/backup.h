// A full backup of a Toteuma database and its kept ledger files in one file, taken while the
// server writes, and its all-or-nothing restore (issue 13; the format is in docs/BACKUP.md).
//
// The file is a zip archive:
//   toteuma-backup.json  manifest: format "toteuma-backup", version 1, created (UTC), the
//                        schema version, and every other entry's name, size and SHA-256
//   toteuma.db           the database as SQLite's online backup copied it (one consistent moment:
//                        dataset, users, grants, sessions, audit trail, section states, frozen
//                        versions with their files, ledger actuals, imports and index)
//   ledger/<sha256>      every ledger source file that copy refers to (the `<db>.ledger/` folder)
#pragma once
#include <cstdint>
#include <string>

#include "core/workplace/workflow.h"
#include "store/store.h"

namespace toteuma {

// A backup that cannot be restored: damaged, foreign or from a newer Toteuma. The message names
// the file (and the entry) in English, Finnish and Swedish.
struct BackupError : StoreError {
  using StoreError::StoreError;
};

struct BackupSummary {
  int schema_version = 0;
  std::int64_t db_bytes = 0;
  int ledger_files = 0;
  std::int64_t ledger_bytes = 0;
};

// Writes the backup of `db` to `file` (via `file`.part, renamed when complete). Safe while other
// connections write: the database is copied by sqlite3_backup in one step.
BackupSummary write_backup(const std::string& db, const std::string& file);

// Checks the whole backup (manifest, every entry's size and SHA-256, the database's integrity
// and schema, every ledger file the database refers to) before anything changes, then replaces
// `db` and its ledger files with the backup's in one step, adding `audit` to the restored trail.
// On any error (BackupError for a bad file) the target is unchanged.
BackupSummary restore_backup(const std::string& file, const std::string& db, const AuditEntry& audit);

}  // namespace toteuma
