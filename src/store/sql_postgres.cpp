// The PostgreSQL backend of sql::Db (libpq): a shared database for several server instances.
// Statements keep their portable `?` text; each distinct text is prepared once per connection
// and kept (issue 20: no re-preparing per request). Values travel as text, bytea as binary.
#include <libpq-fe.h>

#include <charconv>
#include <unordered_map>

#include "store/sql_backends.h"
#include "store/store.h"

namespace toteuma::sql {
namespace {

// `?` → `$1`, `$2`, … outside string literals, quoted identifiers and comments.
std::string numbered(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      std::size_t end = sql.find(c, i + 1);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      std::size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

struct Result {
  PGresult* r = nullptr;
  Result() = default;
  explicit Result(PGresult* p) : r(p) {}
  ~Result() { PQclear(r); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  Result(Result&& o) noexcept : r(o.r) { o.r = nullptr; }
  Result& operator=(Result&& o) noexcept {
    std::swap(r, o.r);
    return *this;
  }
};

void no_notices(void*, const char*) {}

class PgConn final : public Conn {
 public:
  explicit PgConn(const std::string& url) : pg_(PQconnectdb(url.c_str())) {
    if (!pg_ || PQstatus(pg_) != CONNECTION_OK) {
      std::string msg = pg_ ? PQerrorMessage(pg_) : "out of memory";
      PQfinish(pg_);
      pg_ = nullptr;
      throw StoreError(toteuma::msg("err.store.open", redacted(url), msg));
    }
    PQsetNoticeProcessor(pg_, no_notices, nullptr);
    exec("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
    // Canonical order (dumps, documents) is byte order, as in SQLite: the database must sort so.
    // (An ICU database reports datcollate 'C' yet sorts by its ICU locale: the provider must be libc.)
    Result r(PQexec(pg_, PQserverVersion(pg_) >= 150000
                             ? "SELECT datcollate, datlocprovider FROM pg_database WHERE datname = current_database()"
                             : "SELECT datcollate, 'c' FROM pg_database WHERE datname = current_database()"));
    bool one = PQresultStatus(r.r) == PGRES_TUPLES_OK && PQntuples(r.r) == 1;
    std::string coll = one ? PQgetvalue(r.r, 0, 0) : "";
    if (one && std::string(PQgetvalue(r.r, 0, 1)) != "c") coll += " (" + std::string(PQgetvalue(r.r, 0, 1)) + ")";
    if (coll != "C" && coll != "POSIX" && coll.rfind("C.", 0) != 0) {
      PQfinish(pg_);
      pg_ = nullptr;
      throw StoreError(msg("err.store.collation", redacted(url), coll));
    }
  }
  ~PgConn() override { PQfinish(pg_); }
  PgConn(const PgConn&) = delete;
  PgConn& operator=(const PgConn&) = delete;

  Dialect dialect() const override { return Dialect::postgres; }
  void exec(std::string_view sql) override {
    Result r(PQexec(pg_, std::string(sql).c_str()));
    check(r.r, "SQL failed");
  }
  std::unique_ptr<StmtImpl> prepare(std::string_view sql) override;
  bool in_transaction() override {
    auto s = PQtransactionStatus(pg_);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
  }
  std::int64_t changes() override { return changes_; }
  std::string error() override { return PQerrorMessage(pg_); }
  void copy_rows(const std::string& table, const std::vector<std::string>& columns,
                 const std::vector<std::vector<std::optional<std::string>>>& rows) override;

  // Checks a result: a failure throws with the server's message.
  void check(PGresult* r, const char* what) {
    auto s = PQresultStatus(r);
    if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_COPY_IN) {
      const char* n = r ? PQcmdTuples(r) : "";
      if (n && *n) changes_ = std::atoll(n);
      return;
    }
    std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(pg_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    throw StoreError(std::string(what) + ": " + msg);
  }
  // The name of `sql` prepared on this connection, preparing it the first time.
  const std::string& prepared(const std::string& sql) {
    auto it = names_.find(sql);
    if (it != names_.end()) return it->second;
    std::string name = "t" + std::to_string(names_.size() + 1);
    Result r(PQprepare(pg_, name.c_str(), sql.c_str(), 0, nullptr));
    check(r.r, "prepare");
    return names_.emplace(sql, name).first->second;
  }
  PGconn* pg() { return pg_; }

 private:
  PGconn* pg_;
  std::unordered_map<std::string, std::string> names_;
  std::int64_t changes_ = 0;
};

class PgStmt final : public StmtImpl {
 public:
  PgStmt(PgConn& conn, std::string_view sql) : conn_(conn), sql_(numbered(sql)) {}

  void bind_text(int i, std::string_view v) override { set(i, std::string(v), 0); }
  void bind_int64(int i, std::int64_t v) override { set(i, std::to_string(v), 0); }
  void bind_blob(int i, std::string_view b) override { set(i, std::string(b), 1); }
  void bind_null(int i) override {
    slot(i);
    values_[i - 1].reset();
  }
  bool step() override {
    if (!res_.r) {
      const std::string& name = conn_.prepared(sql_);
      std::vector<const char*> vals(values_.size());
      std::vector<int> lens(values_.size()), fmts(values_.size());
      for (std::size_t i = 0; i < values_.size(); ++i) {
        vals[i] = values_[i] ? values_[i]->data() : nullptr;
        lens[i] = values_[i] ? static_cast<int>(values_[i]->size()) : 0;
        fmts[i] = formats_[i];
      }
      res_ = Result(PQexecPrepared(conn_.pg(), name.c_str(), static_cast<int>(vals.size()), vals.data(), lens.data(),
                                   fmts.data(), 0));
      conn_.check(res_.r, "step");
      row_ = -1;
      rows_ = PQresultStatus(res_.r) == PGRES_TUPLES_OK ? PQntuples(res_.r) : 0;
    }
    return ++row_ < rows_;
  }
  void reset() override {
    res_ = Result();
    values_.clear();
    formats_.clear();
  }
  bool is_null(int col) const override { return PQgetisnull(res_.r, row_, col) == 1; }
  std::string text(int col) const override {
    return std::string(PQgetvalue(res_.r, row_, col), static_cast<std::size_t>(PQgetlength(res_.r, row_, col)));
  }
  std::int64_t int64(int col) const override {
    const char* v = PQgetvalue(res_.r, row_, col);
    std::size_t n = static_cast<std::size_t>(PQgetlength(res_.r, row_, col));
    if (n == 1 && (*v == 't' || *v == 'f')) return *v == 't';  // a boolean expression
    std::int64_t x = 0;
    std::from_chars(v, v + n, x);  // NULL and text read as 0, as SQLite's column_int64 does
    return x;
  }
  std::string blob(int col) const override {
    // bytea in hex text form: \x0a1b…
    std::string_view v(PQgetvalue(res_.r, row_, col), static_cast<std::size_t>(PQgetlength(res_.r, row_, col)));
    if (v.rfind("\\x", 0) != 0) return std::string(v);
    std::string out;
    out.reserve((v.size() - 2) / 2);
    auto hex = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    for (std::size_t i = 2; i + 1 < v.size(); i += 2) out += static_cast<char>(hex(v[i]) << 4 | hex(v[i + 1]));
    return out;
  }

 private:
  void slot(int i) {
    if (i < 1) throw StoreError("bind: parameter " + std::to_string(i));
    if (values_.size() < static_cast<std::size_t>(i)) {
      values_.resize(static_cast<std::size_t>(i));
      formats_.resize(static_cast<std::size_t>(i), 0);
    }
  }
  void set(int i, std::string v, int format) {
    if (res_.r) reset_result_only();
    slot(i);
    values_[i - 1] = std::move(v);
    formats_[i - 1] = format;
  }
  void reset_result_only() { res_ = Result(); }

  PgConn& conn_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<int> formats_;
  Result res_;
  int row_ = -1, rows_ = 0;
};

std::unique_ptr<StmtImpl> PgConn::prepare(std::string_view sql) { return std::make_unique<PgStmt>(*this, sql); }

// COPY's text format: tab-separated, \N for NULL, backslash escapes.
void append_copy_field(std::string& out, const std::optional<std::string>& v) {
  if (!v) {
    out += "\\N";
    return;
  }
  for (char c : *v) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

void PgConn::copy_rows(const std::string& table, const std::vector<std::string>& columns,
                       const std::vector<std::vector<std::optional<std::string>>>& rows) {
  std::string sql = "COPY " + table + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
  {
    Result r(PQexec(pg_, (sql + ") FROM STDIN").c_str()));
    check(r.r, "copy");
  }
  std::string buf;
  auto flush = [&] {
    if (!buf.empty() && PQputCopyData(pg_, buf.data(), static_cast<int>(buf.size())) != 1)
      throw StoreError(std::string("copy: ") + PQerrorMessage(pg_));
    buf.clear();
  };
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) buf += '\t';
      append_copy_field(buf, row[i]);
    }
    buf += '\n';
    if (buf.size() > (1 << 20)) flush();
  }
  flush();
  if (PQputCopyEnd(pg_, nullptr) != 1) throw StoreError(std::string("copy: ") + PQerrorMessage(pg_));
  Result r(PQgetResult(pg_));
  check(r.r, "copy");
  while (PGresult* extra = PQgetResult(pg_)) PQclear(extra);
  changes_ = static_cast<std::int64_t>(rows.size());
}

}  // namespace

std::unique_ptr<Conn> open_postgres(const std::string& url) { return std::make_unique<PgConn>(url); }

}  // namespace toteuma::sql
