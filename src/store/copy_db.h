// Moving a Toteuma database between backends (issue 18 item 4): `toteuma copy-db --from demo.db
// --to postgresql://…` and back. Every table (dataset, ledger, users, sessions, audit trail, section
// states, frozen versions with their files) and the kept ledger files, in one read transaction on
// the source and one write transaction on the target.
#pragma once
#include <cstdint>
#include <string>

namespace toteuma {

struct CopySummary {
  int tables = 0;
  std::int64_t rows = 0;
  int ledger_files = 0;
};

// Copies `from` into `to` (both migrated to this Toteuma's schema first). The target must hold no
// data unless `replace`, which empties it in the same transaction. On any error `to` is unchanged.
CopySummary copy_db(const std::string& from, const std::string& to, bool replace);

}  // namespace toteuma
