#include "store/copy_db.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <vector>

#include "core/i18n.h"
#include "store/ledger_files.h"
#include "store/sql_db.h"
#include "store/store.h"

namespace toteuma {

namespace {

// What the catalogue says, per engine: the tables, a table's columns (and which hold bytes), and
// the tables a table refers to.
struct Column {
  std::string name;
  bool bytes = false;
};

// Tables kept per database, not copied: its own migrations and change counter; ledger files go by
// store/ledger_files.h (a folder beside SQLite, chunks in PostgreSQL).
const std::set<std::string> kNotCopied = {"schema_migration", "data_change", "ledger_file"};

std::vector<std::string> tables(sql::Db& db) {
  auto st = db.prepare(db.dialect() == sql::Dialect::sqlite
                           ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                           : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
  std::vector<std::string> out;
  while (st.step())
    if (!kNotCopied.count(st.text(0))) out.push_back(st.text(0));
  return out;
}

std::vector<Column> columns(sql::Db& db, const std::string& table) {
  auto st = db.prepare(db.dialect() == sql::Dialect::sqlite
                           ? "SELECT name, type FROM pragma_table_info(?) ORDER BY cid"
                           : "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() "
                             "AND table_name = ? ORDER BY ordinal_position");
  st.bind(1, table);
  std::vector<Column> out;
  while (st.step()) {
    std::string type = st.text(1);
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.push_back({st.text(0), type == "blob" || type == "bytea"});
  }
  return out;
}

std::set<std::string> parents(sql::Db& db, const std::string& table) {
  auto st = db.prepare(db.dialect() == sql::Dialect::sqlite
                           ? "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)"
                           : "SELECT DISTINCT p.relname FROM pg_constraint c JOIN pg_class p ON p.oid = c.confrelid "
                             "WHERE c.contype = 'f' AND c.conrelid = CAST(CAST(? AS TEXT) AS regclass)");
  st.bind(1, table);
  std::set<std::string> out;
  while (st.step())
    if (st.text(0) != table) out.insert(st.text(0));
  return out;
}

// Parents before children, so every row's references exist when it is inserted.
std::vector<std::string> in_reference_order(sql::Db& db, const std::vector<std::string>& names) {
  std::map<std::string, std::set<std::string>> deps;
  for (const auto& t : names) deps[t] = parents(db, t);
  std::vector<std::string> out;
  std::set<std::string> done;
  std::function<void(const std::string&)> visit = [&](const std::string& t) {
    if (done.count(t) || !deps.count(t)) return;
    done.insert(t);
    for (const auto& p : deps[t]) visit(p);
    out.push_back(t);
  };
  for (const auto& t : names) visit(t);
  return out;
}

bool has_data(sql::Db& db, const std::vector<std::string>& names) {
  for (const auto& t : names)
    if (db.prepare("SELECT 1 FROM " + t + " LIMIT 1").step()) return true;  // names from the catalogue
  return false;
}

}  // namespace

CopySummary copy_db(const std::string& from, const std::string& to, bool replace) {
  if (from == to) throw StoreError(msg("err.copy_db.same", from));
  if (!sql::is_postgres_url(from) && !std::filesystem::is_regular_file(from)) throw StoreError(msg("err.copy_db.no_source", from));
  open_store(from);  // both migrated: the same tables on both sides
  open_store(to);
  sql::Db src(from), dst(to);
  CopySummary sum;
  sql::ReadTransaction read(src);
  sql::Transaction write(dst);
  std::vector<std::string> order = in_reference_order(src, tables(src));
  std::vector<std::string> target_order = in_reference_order(dst, tables(dst));
  if (order != target_order) throw StoreError("copy-db: the two databases have different tables");
  if (!replace && has_data(dst, order)) throw StoreError(msg("err.copy_db.not_empty", sql::redacted(to)));
  for (auto t = order.rbegin(); t != order.rend(); ++t) dst.exec("DELETE FROM " + *t);
  std::vector<std::string> old_files;
  if (replace && dst.dialect() == sql::Dialect::postgres) dst.exec("DELETE FROM ledger_file");

  for (const auto& table : order) {
    std::vector<Column> cols = columns(src, table);
    std::string names, marks;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      names += (i ? ", " : "") + cols[i].name;
      marks += i ? ", ?" : "?";
    }
    auto get = src.prepare("SELECT " + names + " FROM " + table);
    auto put = dst.prepare("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")");
    while (get.step()) {
      for (std::size_t i = 0; i < cols.size(); ++i) {
        int c = static_cast<int>(i);
        if (auto v = get.opt_text(c); !v) put.bind_null(c + 1);
        else if (cols[i].bytes) put.bind_blob(c + 1, get.blob(c));
        else put.bind(c + 1, *v);
      }
      put.run();
      ++sum.rows;
    }
    ++sum.tables;
    // Identity columns continue after the copied ids (PostgreSQL's sequences do not see them).
    if (dst.dialect() == sql::Dialect::postgres && std::any_of(cols.begin(), cols.end(), [](const Column& c) { return c.name == "id"; })) {
      auto seq = dst.prepare("SELECT pg_get_serial_sequence(CAST(? AS TEXT), 'id')");
      if (seq.bind(1, table).step() && seq.opt_text(0))
        dst.exec("SELECT setval('" + seq.text(0) + "', COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)");
    }
  }

  auto shas = src.prepare("SELECT sha256 FROM ledger_source ORDER BY sha256");
  while (shas.step()) {
    std::string path = ledger_file_path(src, shas.text(0));
    if (path.empty()) throw StoreError(msg("err.copy_db.ledger_missing", shas.text(0), sql::redacted(from)));
    keep_ledger_file(dst, shas.text(0), path, false);
    ++sum.ledger_files;
  }
  write.commit();
  return sum;
}

}  // namespace toteuma
