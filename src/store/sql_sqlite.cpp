// The SQLite backend of sql::Db: the embedded default (a file in WAL mode, or ":memory:").
#include <sqlite3.h>

#include "store/sql_backends.h"
#include "store/store.h"

namespace toteuma::sql {
namespace {

class SqliteConn;

class SqliteStmt final : public StmtImpl {
 public:
  SqliteStmt(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st_, nullptr) != SQLITE_OK) fail("prepare");
  }
  ~SqliteStmt() override { sqlite3_finalize(st_); }
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;

  void bind_text(int i, std::string_view v) override {
    if (sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT) != SQLITE_OK) fail("bind");
  }
  void bind_int64(int i, std::int64_t v) override {
    if (sqlite3_bind_int64(st_, i, v) != SQLITE_OK) fail("bind");
  }
  void bind_blob(int i, std::string_view b) override {
    // A non-null pointer even for no bytes, so an empty file is an empty BLOB, not NULL.
    if (sqlite3_bind_blob64(st_, i, b.empty() ? "" : b.data(), b.size(), SQLITE_TRANSIENT) != SQLITE_OK) fail("bind");
  }
  void bind_null(int i) override {
    if (sqlite3_bind_null(st_, i) != SQLITE_OK) fail("bind");
  }
  bool step() override {
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail("step");
  }
  void reset() override {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  bool is_null(int col) const override { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  std::string text(int col) const override {
    const unsigned char* t = sqlite3_column_text(st_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(st_, col)))
             : std::string();
  }
  std::int64_t int64(int col) const override { return sqlite3_column_int64(st_, col); }
  std::string blob(int col) const override {
    const void* b = sqlite3_column_blob(st_, col);
    return b ? std::string(static_cast<const char*>(b), static_cast<std::size_t>(sqlite3_column_bytes(st_, col)))
             : std::string();
  }

 private:
  [[noreturn]] void fail(const std::string& what) const { throw StoreError(what + ": " + sqlite3_errmsg(db_)); }
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

class SqliteConn final : public Conn {
 public:
  explicit SqliteConn(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw StoreError(toteuma::msg("err.store.open", path, msg));
    }
    sqlite3_busy_timeout(db_, 5000);
  }
  ~SqliteConn() override { sqlite3_close(db_); }
  SqliteConn(const SqliteConn&) = delete;
  SqliteConn& operator=(const SqliteConn&) = delete;

  Dialect dialect() const override { return Dialect::sqlite; }
  void exec(std::string_view sql) override {
    char* err = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw StoreError("SQL failed: " + msg);
    }
  }
  std::unique_ptr<StmtImpl> prepare(std::string_view sql) override { return std::make_unique<SqliteStmt>(db_, sql); }
  bool in_transaction() override { return sqlite3_get_autocommit(db_) == 0; }
  std::int64_t changes() override { return sqlite3_changes64(db_); }
  std::string error() override { return sqlite3_errmsg(db_); }
  void copy_rows(const std::string& table, const std::vector<std::string>& columns,
                 const std::vector<std::vector<std::optional<std::string>>>& rows) override {
    // 64 rows a statement: SQLite's per-statement work is then paid once per 64 rows.
    constexpr std::size_t kRows = 64;
    std::string head = "INSERT INTO " + table + " (", marks = "(";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      head += (i ? ", " : "") + columns[i];
      marks += i ? ", ?" : "?";
    }
    head += ") VALUES ";
    marks += ")";
    auto statement = [&](std::size_t n) {
      std::string q = head;
      for (std::size_t i = 0; i < n; ++i) q += (i ? ", " : "") + marks;
      return SqliteStmt(db_, q);
    };
    auto insert = [&](SqliteStmt& st, std::size_t from, std::size_t n) {
      int p = 0;
      for (std::size_t r = from; r < from + n; ++r)
        for (const auto& v : rows[r]) {
          if (v) st.bind_text(++p, *v);
          else st.bind_null(++p);
        }
      while (st.step()) {
      }
      st.reset();
    };
    std::size_t r = 0;
    if (rows.size() >= kRows) {
      SqliteStmt many = statement(kRows);
      for (; r + kRows <= rows.size(); r += kRows) insert(many, r, kRows);
    }
    if (r < rows.size()) {
      SqliteStmt one = statement(1);
      for (; r < rows.size(); ++r) insert(one, r, 1);
    }
  }
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<Conn> open_sqlite(const std::string& path) { return std::make_unique<SqliteConn>(path); }

sqlite3* sqlite_handle_of(Conn& c) { return static_cast<SqliteConn&>(c).handle(); }

}  // namespace toteuma::sql
