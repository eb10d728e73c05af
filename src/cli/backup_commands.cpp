// `toteuma backup` and `toteuma restore`: the whole database with its kept ledger files in one
// file (store/backup.h, docs/BACKUP.md).
#include <fmt/format.h>

#include <filesystem>

#include "cli/commands.h"
#include "store/backup.h"

namespace toteuma {

int cmd_backup(const CommandOptions& o, std::ostream& out) {
  BackupSummary s = write_backup(o.db, o.file);
  out << fmt::format("{}: {} ({} bytes, schema {}), {} ledger files ({} bytes)\n", o.file, o.db, s.db_bytes,
                     s.schema_version, s.ledger_files, s.ledger_bytes);
  return 0;
}

int cmd_restore(const CommandOptions& o, std::ostream& out) {
  std::string from = std::filesystem::absolute(o.file).lexically_normal().string();
  BackupSummary s = restore_backup(o.file, o.db, cli_audit("restore", from, std::nullopt, std::nullopt));
  out << fmt::format("{}: restored from {} ({} bytes, schema {}), {} ledger files\n", o.db, o.file, s.db_bytes,
                     s.schema_version, s.ledger_files);
  return 0;
}

}  // namespace toteuma
