// Persistence behind an interface: SQLite is the embedded default; a PostgreSQL store will
// implement the same interface (keep the SQL portable: plain types, no engine extensions).
#pragma once
#include <memory>
#include <stdexcept>
#include <string>

#include "core/dataset.h"

namespace toteuma {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Store {
 public:
  virtual ~Store() = default;
  // The whole dataset, in canonical order.
  virtual Dataset read() = 0;
  // Replaces everything in one transaction: on any error nothing changes.
  virtual void replace(const Dataset& d) = 0;
  // True when no dataset has been stored yet.
  virtual bool empty() = 0;
  // Highest migration applied.
  virtual int schema_version() = 0;
};

// Opens (creating if needed) a SQLite database file in WAL mode and applies migrations.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

}  // namespace toteuma
