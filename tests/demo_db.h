// The demo dataset loaded into a fresh database, as `toteuma load data/demo` does.
#pragma once
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "test_util.h"

namespace toteuma::testing {

// Loads data/demo into <tmp>/demo.db and returns its path.
inline std::string load_demo_db(const TempDir& tmp) {
  CommandOptions o;
  o.db = (tmp.path() / "demo.db").string();
  o.dir = demo_dir().string();
  std::ostringstream sink;
  cmd_load(o, sink);
  return o.db;
}

}  // namespace toteuma::testing
