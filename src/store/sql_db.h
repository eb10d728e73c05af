// The one SQL layer of every store (issue 18): a connection to SQLite (a file path, ":memory:")
// or PostgreSQL (a "postgresql://" URL), prepared statements and bound parameters only.
// Statements are written once, in portable SQL with `?` parameters; the PostgreSQL backend
// numbers them ($1, $2, …). Where the engines differ the seam is here, not in the stores:
// pragmas (SQLite only), blobs (bytea), the write lock (BEGIN IMMEDIATE / an advisory lock),
// the migrations' identity columns (dialect_sql), bulk loading (Db::copy_rows).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace toteuma::sql {

enum class Dialect { sqlite, postgres };

// True for "postgresql://…" and "postgres://…" (libpq's URI forms).
bool is_postgres_url(std::string_view target);

class Stmt;

// What a backend does; Db and Stmt delegate here (sql_sqlite.cpp, sql_postgres.cpp).
class StmtImpl {
 public:
  virtual ~StmtImpl() = default;
  virtual void bind_text(int i, std::string_view v) = 0;
  virtual void bind_int64(int i, std::int64_t v) = 0;
  virtual void bind_blob(int i, std::string_view bytes) = 0;
  virtual void bind_null(int i) = 0;
  virtual bool step() = 0;
  virtual void reset() = 0;
  virtual bool is_null(int col) const = 0;
  virtual std::string text(int col) const = 0;
  virtual std::int64_t int64(int col) const = 0;
  virtual std::string blob(int col) const = 0;
};

class Conn {
 public:
  virtual ~Conn() = default;
  virtual Dialect dialect() const = 0;
  virtual void exec(std::string_view sql) = 0;
  virtual std::unique_ptr<StmtImpl> prepare(std::string_view sql) = 0;
  virtual bool in_transaction() = 0;
  virtual std::int64_t changes() = 0;
  virtual std::string error() = 0;
  // Bulk insert of rows given as text (nullopt = NULL) into `table`'s `columns`.
  virtual void copy_rows(const std::string& table, const std::vector<std::string>& columns,
                         const std::vector<std::vector<std::optional<std::string>>>& rows) = 0;
};

class Db {
 public:
  // A file path (created if missing), ":memory:", or a PostgreSQL URL.
  explicit Db(const std::string& target);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  Dialect dialect() const { return conn_->dialect(); }
  // For fixed SQL without parameters (schema, BEGIN/COMMIT).
  void exec(std::string_view sql);
  // A SQLite pragma ("foreign_keys=ON"); nothing on PostgreSQL, whose settings are the server's.
  void pragma(std::string_view setting);
  Stmt prepare(std::string_view sql);
  // The statement of `sql` prepared once on this connection and kept, for the reads every web
  // request makes (its session, its user): preparing them anew was a tenth of a page's time.
  // Use it through CachedStmt, which resets it afterwards (an unreset SQLite statement keeps its
  // read open); not reentrant: one use of a statement at a time, as the connection is.
  Stmt& cached(std::string_view sql);
  bool in_transaction() { return conn_->in_transaction(); }
  // Changes whenever another connection or process has committed a change to the data: SQLite's
  // PRAGMA data_version; on PostgreSQL the counter kept by the triggers of watch_changes().
  std::int64_t data_version();
  // PostgreSQL: every table of the schema bumps the data_version counter, once per transaction
  // that changes a row (run by the migrations; new tables get the trigger too). Nothing on SQLite.
  void watch_changes();
  // Rows changed by the last INSERT, UPDATE or DELETE.
  std::int64_t changes() { return conn_->changes(); }
  // Inserts many rows into one table fast (SQLite: one prepared insert; PostgreSQL: COPY).
  void copy_rows(const std::string& table, const std::vector<std::string>& columns,
                 const std::vector<std::vector<std::optional<std::string>>>& rows) {
    conn_->copy_rows(table, columns, rows);
  }
  // The SQLite handle (the online backup, the in-memory search index); StoreError on PostgreSQL.
  sqlite3* sqlite_handle();
  [[noreturn]] void fail(const std::string& what);
  const std::string& target() const { return target_; }

 private:
  std::string target_;
  std::unique_ptr<Conn> conn_;
  // After conn_: destroyed (finalised) before the connection closes.
  std::map<std::string, std::unique_ptr<Stmt>, std::less<>> cached_;
};

class Stmt {
 public:
  explicit Stmt(std::unique_ptr<StmtImpl> p) : p_(std::move(p)) {}
  Stmt(Stmt&&) noexcept = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, std::string_view v) { return p_->bind_text(i, v), *this; }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, std::int64_t v) { return p_->bind_int64(i, v), *this; }
  Stmt& bind_blob(int i, std::string_view bytes) { return p_->bind_blob(i, bytes), *this; }
  Stmt& bind_null(int i) { return p_->bind_null(i), *this; }
  Stmt& bind(int i, const std::optional<std::string>& v) { return v ? bind(i, *v) : bind_null(i); }
  Stmt& bind(int i, const std::optional<std::int64_t>& v) { return v ? bind(i, *v) : bind_null(i); }
  // Returns true while a row is available.
  bool step() { return p_->step(); }
  // Runs to completion and resets for reuse with new bindings.
  void run() {
    while (step()) {
    }
    reset();
  }
  void reset() { p_->reset(); }
  // Runs an INSERT … RETURNING id and gives the id (both engines: RETURNING, no last-row-id calls).
  std::int64_t run_returning_id() {
    std::int64_t id = step() ? int64(0) : 0;
    while (step()) {
    }
    reset();
    return id;
  }

  std::string text(int col) const { return p_->text(col); }
  std::optional<std::string> opt_text(int col) const {
    return p_->is_null(col) ? std::nullopt : std::optional<std::string>(p_->text(col));
  }
  std::int64_t int64(int col) const { return p_->int64(col); }
  std::optional<std::int64_t> opt_int64(int col) const {
    return p_->is_null(col) ? std::nullopt : std::optional<std::int64_t>(p_->int64(col));
  }
  std::string blob(int col) const { return p_->blob(col); }

 private:
  std::unique_ptr<StmtImpl> p_;
};

// A kept statement of Db::cached, reset when this goes (also on a throw).
class CachedStmt {
 public:
  CachedStmt(Db& db, std::string_view sql) : s_(db.cached(sql)) {}
  ~CachedStmt() { s_.reset(); }
  CachedStmt(const CachedStmt&) = delete;
  CachedStmt& operator=(const CachedStmt&) = delete;
  Stmt* operator->() { return &s_; }
  Stmt& operator*() { return s_; }

 private:
  Stmt& s_;
};

// A write transaction: commits on commit(); rolls back when destroyed without it (an exception, an
// early return). Writers are serialised across every connection and process: SQLite's BEGIN
// IMMEDIATE, PostgreSQL's transaction-scoped advisory lock (so a check-then-write is never raced
// by another server instance). Inside an open transaction it is a savepoint.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Db& db_;
  bool nested_;
  bool done_ = false;
};

// A read of several statements from one moment, without the write lock (every web request reads
// a user). Inside an open transaction it reads in that one.
class ReadTransaction {
 public:
  explicit ReadTransaction(Db& db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Db& db_;
  bool own_;
};

// A migration's SQL for a dialect: on PostgreSQL "id INTEGER PRIMARY KEY" (SQLite's row id) becomes
// an identity column and BLOB becomes BYTEA. Everything else is written portably.
std::string dialect_sql(std::string_view sql, Dialect d);

// A connection target fit for messages and logs: a URL's password replaced by ***.
std::string redacted(const std::string& target);

// The current time as stored in audit rows and records: UTC, "2025-10-03T12:34:56Z".
std::string utc_now_iso();

}  // namespace toteuma::sql
