// The general-ledger side of the SQLite store: one transaction per import, replacing the
// months it covers (figures, index, suspense), and the kept source files beside the database.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <bit>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>

#include <signal.h>

#include "store/ledger_files.h"
#include "store/audit_rows.h"
#include "store/sql_db.h"
#include "store/store.h"

namespace toteuma {

namespace {

namespace fs = std::filesystem;

// A bitset as ranges of set bits: "0-3,7" (short for the runs of a date-ordered export).
std::string bits_text(const std::vector<std::uint64_t>& bits) {
  std::string out;
  std::int64_t n = static_cast<std::int64_t>(bits.size()) * 64, b = 0;
  // The next set (or clear) bit at or after i, n if none.
  auto next = [&](std::int64_t i, bool set) {
    while (i < n) {
      std::uint64_t w = bits[static_cast<std::size_t>(i >> 6)];
      if (!set) w = ~w;
      w >>= (i & 63);
      if (w) return std::min(n, i + std::countr_zero(w));
      i = (i | 63) + 1;
    }
    return n;
  };
  while ((b = next(b, true)) < n) {
    std::int64_t e = next(b, false) - 1;
    if (!out.empty()) out += ',';
    out += std::to_string(b);
    if (e > b) out += '-' + std::to_string(e);
    b = e + 1;
  }
  return out;
}

std::vector<std::uint64_t> bits_of(std::string_view s) {
  std::vector<std::uint64_t> out;
  while (!s.empty()) {
    auto comma = s.find(',');
    std::string item(s.substr(0, comma));
    s = comma == std::string_view::npos ? std::string_view() : s.substr(comma + 1);
    auto dash = item.find('-');
    std::int64_t from = std::stoll(item.substr(0, dash)), to = dash == std::string::npos ? from : std::stoll(item.substr(dash + 1));
    for (std::int64_t i = from; i <= to; ++i) {
      if (static_cast<std::size_t>(i >> 6) >= out.size()) out.resize(static_cast<std::size_t>(i >> 6) + 1);
      out[static_cast<std::size_t>(i >> 6)] |= 1ull << (i & 63);
    }
  }
  return out;
}

std::string blocks_text(const std::vector<std::pair<std::int64_t, std::int64_t>>& blocks) {
  std::string out;
  for (const auto& [off, line] : blocks) {
    if (!out.empty()) out += ',';
    out += off < 0 ? std::string("-") : fmt::format("{}:{}", off, line);
  }
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> blocks_of(const std::string& s) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  std::size_t pos = 0;
  while (pos <= s.size() && !s.empty()) {
    std::size_t comma = s.find(',', pos);
    std::string item = s.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    auto colon = item.find(':');
    if (item == "-" || colon == std::string::npos) out.push_back({-1, -1});
    else out.push_back({std::stoll(item.substr(0, colon)), std::stoll(item.substr(colon + 1))});
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

// Opening the dataset store first applies the migrations.
const std::string& migrated(const std::string& path) {
  open_store(path);
  return path;
}

class SqlLedgerStore final : public LedgerStore {
 public:
  explicit SqlLedgerStore(const std::string& path) : path_(path), db_(migrated(path)) {
    db_.pragma("foreign_keys=ON");
    db_.pragma("synchronous=NORMAL");
  }

  std::string source_dir() override { return ledger_files_dir(db_); }

  std::string source_path(const std::string& sha256) override {
    if (db_.dialect() == sql::Dialect::sqlite) return (fs::path(path_ + ".ledger") / sha256).string();
    return ledger_file_path(db_, sha256);
  }

  std::int64_t save_import(const LedgerImport& imp, const AuditEntry* audit) override {
    std::vector<std::string> orphans;
    std::int64_t batch = 0;
    {
      sql::Transaction tx(db_);
      remove_leftovers();
      {
        auto st = db_.prepare("SELECT COALESCE(MAX(batch), 0) + 1, COALESCE(MAX(id), 0) FROM ledger_import");
        st.step();
        batch = st.int64(0);
        next_id_ = st.int64(1);
      }
      for (const auto& month : imp.months)
        for (const char* table : {"ledger_actual", "ledger_investment", "ledger_index", "ledger_suspense"})  // fixed names
          db_.prepare(std::string("DELETE FROM ") + table + " WHERE month = ?").bind(1, month).run();
      {
        // Many rows: batched inserts on SQLite, COPY on PostgreSQL (sql_db.h copy_rows).
        std::vector<std::vector<std::optional<std::string>>> rows;
        rows.reserve(imp.actuals.size());
        for (const LedgerActual& a : imp.actuals) rows.push_back({a.month, a.unit, a.line, std::to_string(a.amount)});
        db_.copy_rows("ledger_actual", {"month", "unit_id", "line_id", "amount_cents"}, rows);
      }
      {
        auto st = db_.prepare(
            "INSERT INTO ledger_investment (month, project_id, kind, amount_cents, row_count) VALUES (?, ?, ?, ?, ?)");
        for (const auto& i : imp.investments)
          st.bind(1, i.month).bind(2, i.project).bind(3, i.kind).bind(4, i.amount).bind(5, i.rows).run();
      }
      {
        auto st = db_.prepare(
            "INSERT INTO ledger_source (sha256, file_name, format, size, block_size, mapping, blocks) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO UPDATE SET file_name = excluded.file_name, "
            "mapping = excluded.mapping, blocks = excluded.blocks, block_size = excluded.block_size");
        for (const auto& s : imp.sources)
          st.bind(1, s.sha256)
              .bind(2, s.file_name)
              .bind(3, s.format)
              .bind(4, s.size)
              .bind(5, s.block_size)
              .bind(6, s.mapping)
              .bind(7, blocks_text(s.blocks))
              .run();
      }
      {
        std::map<std::pair<std::string, std::string>, std::string> packed;  // (month, sha) → entries
        for (const auto& e : imp.index) {
          std::string& p = packed[{e.month, e.sha256}];
          p += e.unit;
          p += '\t';
          p += e.line;
          p += '\t';
          p += std::to_string(e.rows);
          p += '\t';
          p += bits_text(e.blocks);
          p += '\n';
        }
        auto st = db_.prepare("INSERT INTO ledger_index (month, sha256, entries) VALUES (?, ?, ?)");
        for (const auto& [key, entries] : packed) st.bind(1, key.first).bind(2, key.second).bind(3, entries).run();
      }
      {
        auto st = db_.prepare(
            "INSERT INTO ledger_suspense (month, sha256, cost_center, account, reason, row_count, amount_cents, blocks) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (const auto& e : imp.suspense)
          st.bind(1, e.month)
              .bind(2, e.sha256)
              .bind(3, e.cost_center)
              .bind(4, e.account)
              .bind(5, e.reason)
              .bind(6, e.rows)
              .bind(7, e.amount)
              .bind(8, bits_text(e.blocks))
              .run();
      }
      {
        auto st = db_.prepare("INSERT INTO ledger_import VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (const auto& r : imp.records)
          st.bind(1, ++next_id_)
              .bind(2, batch)
              .bind(3, r.file_name)
              .bind(4, r.sha256)
              .bind(5, r.size)
              .bind(6, r.imported_at)
              .bind(7, r.imported_by)
              .bind(8, r.months)
              .bind(9, r.rows)
              .bind(10, r.total)
              .bind(11, r.income)
              .bind(12, r.costs)
              .bind(13, r.skipped_rows)
              .bind(14, r.skipped_total)
              .bind(15, r.suspense_rows)
              .bind(16, r.suspense_total)
              .run();
      }
      // Sources no figure needs any more (their months were all replaced) are forgotten.
      {
        auto st = db_.prepare(
            "SELECT sha256 FROM ledger_source WHERE sha256 NOT IN (SELECT sha256 FROM ledger_index) "
            "AND sha256 NOT IN (SELECT sha256 FROM ledger_suspense)");
        while (st.step()) orphans.push_back(st.text(0));
      }
      for (const auto& sha : orphans) db_.prepare("DELETE FROM ledger_source WHERE sha256 = ?").bind(1, sha).run();
      // The kept files are in place before the commit, so a committed index never lacks its file.
      for (std::size_t i = 0; i < imp.sources.size() && i < imp.source_copies.size(); ++i)
        keep_ledger_file(db_, imp.sources[i].sha256, imp.source_copies[i], true);
      if (db_.dialect() == sql::Dialect::postgres)
        for (const auto& sha : orphans) forget_ledger_file(db_, sha);
      if (audit) insert_audit(db_, *audit);
      tx.commit();
    }
    if (db_.dialect() == sql::Dialect::sqlite)
      for (const auto& sha : orphans) forget_ledger_file(db_, sha);  // after the commit: a rollback keeps them
    return batch;
  }

  std::map<int, int> closed_months() override {
    std::map<int, int> out;
    auto st = db_.prepare("SELECT year, through_month FROM ledger_close WHERE through_month > 0");
    while (st.step()) out[static_cast<int>(st.int64(0))] = static_cast<int>(st.int64(1));
    return out;
  }

  void set_closed(const Actor& by, int year, int through_month) override {
    if (year < 1900 || year > 2200 || through_month < 0 || through_month > 12)
      throw StoreError(fmt::format("invalid closing {}/{} / virheellinen sulkeminen / ogiltig stängning", through_month, year));
    sql::Transaction tx(db_);
    std::optional<std::string> before;
    {
      auto st = db_.prepare("SELECT through_month FROM ledger_close WHERE year = ?");
      if (st.bind(1, std::int64_t{year}).step()) before = std::to_string(st.int64(0));
    }
    std::string at = sql::utc_now_iso();
    db_.prepare(
           "INSERT INTO ledger_close (year, through_month, closed_by, closed_at) VALUES (?, ?, ?, ?) "
           "ON CONFLICT (year) DO UPDATE SET through_month = excluded.through_month, closed_by = excluded.closed_by, "
           "closed_at = excluded.closed_at")
        .bind(1, std::int64_t{year})
        .bind(2, std::int64_t{through_month})
        .bind(3, by.user)
        .bind(4, at)
        .run();
    insert_audit(db_, {0, at, by.user, "ledger_close", std::to_string(year), before, std::to_string(through_month), "", by.via});
    tx.commit();
  }

  // What killed imports left beside the database: copies being read (".incoming-<pid>-<n>" of a
  // process that is gone) and kept files no source names (moved into place by a transaction that
  // never committed, or left when a process died between its commit and their removal). Runs in
  // the import's write transaction, so no other import is between moving a file and committing.
  void remove_leftovers() {
    fs::path dir = ledger_files_dir(db_);
    std::error_code ec;
    std::set<std::string> known;
    for (auto st = db_.prepare("SELECT sha256 FROM ledger_source"); st.step();) known.insert(st.text(0));
    auto is_hash = [](const std::string& n) {
      return n.size() == 64 && std::all_of(n.begin(), n.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
    };
    std::vector<fs::path> gone;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      std::string name = e.path().filename().string();
      if (name.starts_with(".incoming-")) {
        long pid = std::strtol(name.c_str() + 10, nullptr, 10);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) gone.push_back(e.path());
      } else if (is_hash(name) && !known.count(name) && db_.dialect() == sql::Dialect::sqlite) {  // a cache is only a cache
        gone.push_back(e.path());
      }
    }
    for (const auto& p : gone) fs::remove(p, ec);
  }

  std::vector<LedgerImportRecord> imports() override {
    std::vector<LedgerImportRecord> out;
    auto st = db_.prepare(
        "SELECT id, batch, file_name, sha256, size, imported_at, imported_by, months, row_count, total_cents, income_cents, "
        "costs_cents, skipped_rows, skipped_cents, suspense_rows, suspense_cents FROM ledger_import ORDER BY id");
    while (st.step()) {
      LedgerImportRecord r;
      r.id = st.int64(0);
      r.batch = st.int64(1);
      r.file_name = st.text(2);
      r.sha256 = st.text(3);
      r.size = st.int64(4);
      r.imported_at = st.text(5);
      r.imported_by = st.text(6);
      r.months = st.text(7);
      r.rows = st.int64(8);
      r.total = st.int64(9);
      r.income = st.int64(10);
      r.costs = st.int64(11);
      r.skipped_rows = st.int64(12);
      r.skipped_total = st.int64(13);
      r.suspense_rows = st.int64(14);
      r.suspense_total = st.int64(15);
      out.push_back(std::move(r));
    }
    return out;
  }

  std::vector<LedgerActual> actuals(int year) override {
    std::vector<LedgerActual> out;
    auto st = db_.prepare(
        "SELECT month, unit_id, line_id, amount_cents FROM ledger_actual WHERE month >= ? AND month < ? "
        "ORDER BY month, unit_id, line_id");
    st.bind(1, year ? fmt::format("{:04}", year) : std::string()).bind(2, year ? fmt::format("{:04}", year + 1) : std::string("~"));
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.int64(3)});
    return out;
  }

  std::vector<LedgerInvestmentActual> investment_actuals(int year) override {
    std::vector<LedgerInvestmentActual> out;
    auto st = db_.prepare(
        "SELECT month, project_id, kind, amount_cents, row_count FROM ledger_investment WHERE month >= ? AND month < ? "
        "ORDER BY month, project_id, kind");
    st.bind(1, year ? fmt::format("{:04}", year) : std::string()).bind(2, year ? fmt::format("{:04}", year + 1) : std::string("~"));
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.int64(3), st.int64(4)});
    return out;
  }

  std::vector<LedgerIndexEntry> index(const std::string& month) override {
    std::vector<LedgerIndexEntry> out;
    auto st = db_.prepare("SELECT month, sha256, entries FROM ledger_index WHERE month = ? ORDER BY sha256");
    st.bind(1, month);
    while (st.step()) {
      std::string entries = st.text(2);
      std::string_view rest(entries);
      while (!rest.empty()) {
        auto nl = rest.find('\n');
        std::string_view item = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        std::string_view f[4];
        for (int i = 0; i < 4; ++i) {
          auto tab = i < 3 ? item.find('\t') : std::string_view::npos;
          f[i] = item.substr(0, tab);
          item = tab == std::string_view::npos ? std::string_view() : item.substr(tab + 1);
        }
        out.push_back({st.text(0), std::string(f[0]), std::string(f[1]), st.text(1), std::stoll(std::string(f[2])), bits_of(f[3])});
      }
    }
    return out;
  }

  std::vector<LedgerSuspenseEntry> suspense(const std::string& month) override {
    std::vector<LedgerSuspenseEntry> out;
    auto st = db_.prepare(
        "SELECT month, sha256, cost_center, account, reason, row_count, amount_cents, blocks FROM ledger_suspense "
        "WHERE month = ? OR ? = '' ORDER BY month, cost_center, account, reason");
    st.bind(1, month).bind(2, month);
    while (st.step())
      out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.int64(5), st.int64(6), bits_of(st.text(7))});
    return out;
  }

  std::optional<LedgerSource> source(const std::string& sha256) override {
    auto st = db_.prepare("SELECT sha256, file_name, format, size, block_size, mapping, blocks FROM ledger_source WHERE sha256 = ?");
    st.bind(1, sha256);
    if (!st.step()) return std::nullopt;
    return LedgerSource{st.text(0), st.text(1), st.text(2), st.int64(3), st.int64(4), st.text(5), blocks_of(st.text(6))};
  }

 private:
  std::string path_;
  sql::Db db_;
  std::int64_t next_id_ = 0;
};

}  // namespace

std::unique_ptr<LedgerStore> open_ledger_store(const std::string& path) {
  return std::make_unique<SqlLedgerStore>(path);
}

std::vector<MonthlyActual> monthly_actuals(LedgerStore& store, int year) {
  std::vector<MonthlyActual> out;
  for (const auto& a : store.actuals(year))  // month is "YYYY-MM" as written by save_import
    out.push_back({a.unit, a.line, std::stoi(a.month.substr(0, 4)), std::stoi(a.month.substr(5, 2)), a.amount});
  return out;
}

std::vector<MonthlyInvestmentActual> monthly_investment_actuals(LedgerStore& store, int year) {
  std::vector<MonthlyInvestmentActual> out;
  for (const auto& a : store.investment_actuals(year))
    if (auto kind = parse_investment_kind(a.kind))
      out.push_back({a.project, *kind, std::stoi(a.month.substr(0, 4)), std::stoi(a.month.substr(5, 2)), a.amount});
  return out;
}

}  // namespace toteuma
