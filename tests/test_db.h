// A fresh database for a test: a file in its TempDir, or a PostgreSQL schema of its own.
#pragma once
#include <cctype>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "store/sql_db.h"
#include "test_util.h"

namespace toteuma::testing {

// The backend the tests run on: SQLite files, or PostgreSQL when ctest runs a test with the prefix
// "pg:" (TOTEUMA_TEST_BACKEND=postgres; the cluster's URL in TOTEUMA_TEST_PG_URL, scripts/test.sh).
inline bool on_postgres() {
  const char* b = std::getenv("TOTEUMA_TEST_BACKEND");
  return b && std::string(b) == "postgres";
}

inline std::string test_pg_url() {
  const char* u = std::getenv("TOTEUMA_TEST_PG_URL");
  if (!u || !*u) throw std::runtime_error("TOTEUMA_TEST_PG_URL is not set: start a cluster (scripts/pg-cluster.sh) or run ctest -LE postgres");
  return u;
}

// A database named `name`: <tmp>/<name>.db, or on PostgreSQL a schema of its own (the URL sets
// search_path), dropped when `tmp` goes, so tests run side by side on one cluster.
inline std::string test_db(const TempDir& tmp, const std::string& name) {
  if (!on_postgres()) return (tmp.path() / (name + ".db")).string();
  const std::string dir = tmp.path().filename().string();
  std::string schema = "t" + dir.substr(dir.find('-') + 1) + "_" + name;
  for (char& c : schema)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  const std::string base = test_pg_url();
  sql::Db(base).exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
  tmp.on_cleanup([base, schema] {
    try {
      sql::Db(base).exec("DROP SCHEMA " + schema + " CASCADE");
    } catch (...) {
      // The cluster is thrown away after the run anyway.
    }
  });
  return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

}  // namespace toteuma::testing
