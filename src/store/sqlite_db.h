// Thin RAII wrapper over the SQLite C API: prepared statements only, bound parameters only.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace toteuma::sqlite {

class Stmt;

class Db {
 public:
  explicit Db(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  // For fixed SQL without parameters (schema, pragmas, BEGIN/COMMIT).
  void exec(std::string_view sql);
  Stmt prepare(std::string_view sql);
  sqlite3* handle() { return db_; }
  [[noreturn]] void fail(const std::string& what);

 private:
  sqlite3* db_ = nullptr;
};

class Stmt {
 public:
  Stmt(Db& db, std::string_view sql);
  ~Stmt();
  Stmt(Stmt&& o) noexcept : db_(o.db_), st_(o.st_) { o.st_ = nullptr; }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind_null(int i);
  Stmt& bind(int i, const std::optional<std::string>& v) { return v ? bind(i, *v) : bind_null(i); }
  Stmt& bind(int i, const std::optional<std::int64_t>& v) { return v ? bind(i, *v) : bind_null(i); }
  // Returns true while a row is available.
  bool step();
  // Runs to completion and resets for reuse with new bindings.
  void run();
  void reset();

  std::string text(int col) const;
  std::optional<std::string> opt_text(int col) const;
  std::int64_t int64(int col) const;
  std::optional<std::int64_t> opt_int64(int col) const;

 private:
  Db* db_;
  sqlite3_stmt* st_ = nullptr;
};

// Commits on commit(); rolls back when destroyed without it (an exception, an early return).
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  void commit();

 private:
  Db& db_;
  bool nested_;
  bool done_ = false;
};

// The current time as stored in audit rows and records: UTC, "2025-10-03T12:34:56Z".
std::string utc_now_iso();

}  // namespace toteuma::sqlite
