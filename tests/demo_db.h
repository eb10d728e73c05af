// The demo dataset loaded into a fresh database, as `toteuma load data/demo` does.
#pragma once
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "cli/ledger_commands.h"
#include "test_db.h"
#include "test_util.h"

namespace toteuma::testing {

// Loads data/demo into the database `db` (a file or a URL) and returns it.
inline std::string load_demo_at(const std::string& db) {
  CommandOptions o;
  o.db = db;
  o.dir = demo_dir().string();
  std::ostringstream sink;
  cmd_load(o, sink);
  return o.db;
}

// Loads data/demo into the test's database "demo" (test_db.h: a file, or a PostgreSQL schema).
inline std::string load_demo_db(const TempDir& tmp) { return load_demo_at(test_db(tmp, "demo")); }

// Imports the demo ledger (data/demo/ledger, January–September 2025) into `db`, as
// scripts/demo.sh does; returns the command's exit status.
inline int import_demo_ledger(const std::string& db) {
  LedgerOptions o;
  o.db = db;
  o.files = {(demo_dir() / "ledger" / "ledger-2025-01-09.csv").string()};
  o.mapping = (demo_dir() / "ledger" / "mapping.toml").string();
  std::ostringstream sink;
  return cmd_import_ledger(o, sink);
}

}  // namespace toteuma::testing
