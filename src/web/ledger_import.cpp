// Moved from cli/ledger_commands.cpp so the web runs exactly the command line's import and
// drill-down (docs/LEDGER.md).
#include "web/ledger_import.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <tuple>

#include "core/finance/follow_up.h"
#include "core/finance/investments.h"
#include "core/finance/ledger.h"
#include "core/finance/org.h"
#include "core/format.h"
#include "core/i18n.h"
#include "ingest/csv.h"
#include "store/sql_db.h"

namespace toteuma {

namespace {

namespace fs = std::filesystem;

std::string month_text(int ym) { return fmt::format("{:04}-{:02}", ledger::ym_year(ym), ledger::ym_month(ym)); }

// Removes temporary copies unless released (on success the store has moved them into place).
struct TempFiles {
  std::vector<std::string> paths;
  ~TempFiles() {
    std::error_code ec;
    for (const auto& p : paths) fs::remove(p, ec);
  }
};

std::string reason_text(const std::string& reason, Lang lang) { return tr("ledger.reason." + reason, lang); }

std::string money(Cents c) { return format_euros(c, " "); }

const Line* find_line(const Chart& chart, const std::string& s) {
  if (const Line* l = chart.find(s)) return l;
  std::string f = ledger::fold_name(s);
  for (const Line& l : chart.lines())
    if (ledger::fold_name(l.name.fi) == f || ledger::fold_name(l.name.sv) == f) return &l;
  return nullptr;
}

// The (unit, line) figures a value is computed from, mirroring Ledger::value: a unit holding
// the line uses its own figures (a total through its formula), otherwise its sub-units'.
void collect_keys(const Ledger& ledger, const OrgView& org, const std::string& unit, const std::string& line,
                  const std::string& sc, std::set<std::pair<std::string, std::string>>& keys, int depth = 0) {
  if (depth > 64) return;
  const Chart& chart = ledger.dataset().chart;
  if (ledger.has_own(unit, line, sc)) {
    const Line* l = chart.find(line);
    bool parts_own = false;
    if (l)
      for (const auto& t : l->formula) parts_own = parts_own || ledger.has_own(unit, t.line, sc);
    if (!parts_own) {
      keys.insert({unit, line});
      return;
    }
    for (const auto& t : l->formula) collect_keys(ledger, org, unit, t.line, sc, keys, depth + 1);
    return;
  }
  for (const UnitVersion* c : org.children(unit)) collect_keys(ledger, org, c->id, line, sc, keys, depth + 1);
}

}  // namespace

LedgerImportDone import_ledger_files(const Dataset& d, LedgerStore& store, const std::vector<LedgerFileIn>& files,
                                     const ledger::Mapping& mapping, bool suspense, unsigned threads, const Actor& by) {
  ledger::Target target(d, mapping);
  std::string dir = store.source_dir();

  // Read everything first: any bad row throws here, before anything is written.
  TempFiles temps;
  LedgerImportDone done;
  auto& results = done.results;
  for (std::size_t i = 0; i < files.size(); ++i) {
    ledger::ReadOptions ro;
    ro.suspense = suspense;
    ro.threads = threads;
    ro.copy_to = (fs::path(dir) / fmt::format(".incoming-{}-{}", ::getpid(), i)).string();
    temps.paths.push_back(ro.copy_to);
    try {
      results.push_back(ledger::read_ledger(files[i].path, target, ro));
    } catch (const InputError& e) {
      if (e.file == files[i].name) throw;
      // An upload's own name, not its temporary path (also in the further errors the message lists).
      std::string message = e.message;
      for (auto at = message.find(e.file); at != std::string::npos; at = message.find(e.file, at + files[i].name.size()))
        message.replace(at, e.file.size(), files[i].name);
      throw InputError(files[i].name, e.line, e.column, message);
    }
    results.back().file = files[i].name;
    for (std::size_t k = 0; k + 1 < results.size(); ++k)
      if (results[k].sha256 == results.back().sha256)
        throw std::runtime_error(fmt::format("{} and {} are the same file: it would count twice / sama tiedosto kahdesti / samma fil två gånger",
                                             results[k].file, results.back().file));
  }

  // The months the files cover are replaced whole.
  std::set<int> months;
  for (const auto& r : results) {
    for (const auto& a : r.aggregates) months.insert(a.ym);
    for (const auto& s : r.suspense) months.insert(s.ym);
  }
  LedgerImport& imp = done.imp;
  std::map<int, std::string> month_of;
  for (int ym : months) {
    month_of[ym] = month_text(ym);
    imp.months.push_back(month_of[ym]);
  }
  std::map<std::tuple<int, int, int>, Cents> sums;  // (ym, unit, line), over the files
  std::string mapping_text = ledger::mapping_to_toml(mapping);
  std::string when = sql::utc_now_iso();
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    LedgerSource src{r.sha256, r.file, r.format, r.size, r.block_size, mapping_text, {}};
    for (const auto& b : r.blocks) src.blocks.push_back({b.offset, b.line});
    imp.sources.push_back(std::move(src));
    imp.source_copies.push_back(temps.paths[i]);
    std::set<int> file_months;
    for (const auto& a : r.aggregates) {
      auto& cell = sums[{a.ym, a.unit, a.line}];
      cell = checked_add(cell, a.amount);
      file_months.insert(a.ym);
      imp.index.push_back({month_of[a.ym], target.unit_ids()[static_cast<std::size_t>(a.unit)],
                           target.line_ids()[static_cast<std::size_t>(a.line)], r.sha256, a.rows, a.blocks});
    }
    for (const auto& s : r.suspense) {
      file_months.insert(s.ym);
      imp.suspense.push_back({month_text(s.ym), r.sha256, s.cost_center, s.account, std::string(ledger::to_string(s.reason)),
                              s.rows, s.amount, s.blocks});
    }
    std::string fm;
    for (int ym : file_months) fm += (fm.empty() ? "" : ",") + month_text(ym);
    imp.records.push_back({0, 0, r.file, r.sha256, when, by.user, fm, r.size, r.rows, r.skipped_rows, r.suspense_rows, r.total,
                           r.income, r.costs, r.skipped_total, r.suspense_total});
  }
  std::map<std::tuple<int, int, int>, std::pair<Cents, std::int64_t>> projects;  // (ym, project, line), over the files
  for (const auto& r : results)
    for (const auto& i : r.investments) {
      auto& [amount, rows] = projects[{i.ym, i.project, i.line}];
      amount = checked_add(amount, i.amount);
      rows += i.rows;
    }
  for (const auto& [key, sum] : projects) {
    auto [ym, project, line] = key;
    const std::string& line_id = target.line_ids()[static_cast<std::size_t>(line)];
    std::string kind = line_id == kInvestmentGrantsLine ? "grants" : line_id == kAssetSalesLine ? "asset_sales" : "expenditure";
    imp.investments.push_back({month_of[ym], target.project_ids()[static_cast<std::size_t>(project)], kind, sum.first, sum.second});
  }
  for (const auto& [key, amount] : sums) {
    auto [ym, unit, line] = key;
    imp.actuals.push_back({month_of[ym], target.unit_ids()[static_cast<std::size_t>(unit)],
                           target.line_ids()[static_cast<std::size_t>(line)], amount});
  }
  std::sort(imp.actuals.begin(), imp.actuals.end(), [](const LedgerActual& a, const LedgerActual& b) {
    return std::tie(a.month, a.unit, a.line) < std::tie(b.month, b.unit, b.line);  // the table's key order
  });
  std::string names, months_text;
  for (const auto& r : imp.records) names += (names.empty() ? "" : ",") + r.file_name;
  for (const auto& m : imp.months) months_text += (months_text.empty() ? "" : ",") + m;
  AuditEntry audit{0, "", by.user, "import", "ledger/" + names, std::nullopt,
                   fmt::format("months={};figures={}", months_text, imp.actuals.size()), "", by.via};
  done.batch = store.save_import(imp, &audit);
  temps.paths.clear();  // moved into place (or removed as duplicates) by the store
  return done;
}

std::vector<std::string> ledger_import_report(const LedgerImportDone& done, Lang lang) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < done.results.size(); ++i) {
    const auto& r = done.results[i];
    out.push_back(fmt::format(fmt::runtime(tr("ledger.imported", lang)), r.file, r.rows, done.imp.records[i].months, money(r.total),
                              money(r.income), money(r.costs)));
    if (r.skipped_rows) out.push_back(fmt::format(fmt::runtime(tr("ledger.skipped", lang)), r.skipped_rows, money(r.skipped_total)));
    if (r.suspense_rows) {
      out.push_back(fmt::format(fmt::runtime(tr("ledger.suspense", lang)), r.suspense_rows, money(r.suspense_total)));
      for (const auto& s : r.suspense)
        out.push_back(fmt::format(fmt::runtime(tr("ledger.suspense_item", lang)), month_text(s.ym), s.cost_center, s.account,
                                  reason_text(std::string(ledger::to_string(s.reason)), lang), s.rows, money(s.amount)));
    }
  }
  return out;
}

std::optional<std::string> last_ledger_mapping(LedgerStore& store) {
  auto records = store.imports();
  if (records.empty()) return std::nullopt;
  auto newest = std::max_element(records.begin(), records.end(),
                                 [](const LedgerImportRecord& a, const LedgerImportRecord& b) { return a.id < b.id; });
  auto src = store.source(newest->sha256);
  if (!src) return std::nullopt;
  return src->mapping;
}

LedgerRows ledger_rows(Dataset d, LedgerStore& store, const std::string& unit, const std::string& line_arg, int year, int month,
                       bool suspense, Lang lang) {
  std::string month_key = fmt::format("{:04}-{:02}", year, month);
  int ym = ledger::year_month(year, month);
  std::string sc = ledger_scenario_id(year, month);
  auto actuals = monthly_actuals(store, year);
  std::erase_if(actuals, [&](const MonthlyActual& a) { return a.month != month; });
  if (actuals.empty() && store.suspense(month_key).empty())
    throw std::runtime_error(fmt::format(fmt::runtime(tr("ledger.no_month", lang)), month_key));
  attach_ledger_months(d, actuals);  // the month as figures, to roll up as the follow-up does

  LedgerRows out;
  auto read_source = [&](const std::string& sha, const ledger::Target* t_in, const ledger::RowFilter& filter) {
    auto src = store.source(sha);
    std::string path = store.source_path(sha);
    if (!src || !fs::exists(path))
      throw std::runtime_error(fmt::format(fmt::runtime(tr("ledger.source_missing", lang)), src ? src->file_name : sha, path));
    ledger::Mapping m = ledger::parse_mapping(src->mapping, "(mapping of " + src->file_name + ")");
    std::unique_ptr<ledger::Target> own;
    if (!t_in) own = std::make_unique<ledger::Target>(d, m);
    const ledger::Target& t = t_in ? *t_in : *own;
    std::vector<ledger::BlockStart> blocks;
    for (const auto& [off, l] : src->blocks) blocks.push_back({off, l});
    for (auto& r : ledger::read_ledger_rows(path, src->format, src->block_size, blocks, t, filter))
      out.rows.push_back({src->file_name, std::move(r)});
  };

  if (suspense) {
    std::map<std::string, std::vector<std::uint64_t>> by_source;
    for (const auto& e : store.suspense(month_key)) {
      auto& bits = by_source[e.sha256];
      bits.resize(std::max(bits.size(), e.blocks.size()));
      for (std::size_t i = 0; i < e.blocks.size(); ++i) bits[i] |= e.blocks[i];
    }
    for (const auto& [sha, bits] : by_source) {
      ledger::RowFilter f;
      f.blocks = bits;
      f.suspense = true;
      f.suspense_ym = ym;
      read_source(sha, nullptr, f);
    }
  } else {
    // The organisation of the follow-up table: on the month's last day.
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int last = kDays[month - 1] + (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0));
    OrgView org(d.units, Date{year, month, last});
    if (!d.has_unit(unit)) throw std::runtime_error(fmt::format(fmt::runtime(tr("err.unknown_unit", lang)), unit));
    const Line* line = find_line(d.chart, line_arg);
    if (!line) throw std::runtime_error("unknown line / tuntematon rivi / okänd rad: " + line_arg);
    out.line = line->id;
    Ledger ledger(d);
    std::set<std::pair<std::string, std::string>> keys;
    collect_keys(ledger, org, unit, line->id, sc, keys);
    out.figure = ledger.value(org, unit, line->id, sc);
    std::map<std::string, std::vector<std::uint64_t>> by_source;
    for (const auto& e : store.index(month_key)) {
      if (!keys.count({e.unit, e.line})) continue;
      auto& bits = by_source[e.sha256];
      bits.resize(std::max(bits.size(), e.blocks.size()));
      for (std::size_t i = 0; i < e.blocks.size(); ++i) bits[i] |= e.blocks[i];
    }
    for (const auto& [sha, bits] : by_source) {
      auto src = store.source(sha);
      ledger::Mapping m = src ? ledger::parse_mapping(src->mapping, "(mapping)") : ledger::Mapping{};
      ledger::Target t(d, m);
      std::set<std::pair<int, int>> wanted;
      for (const auto& [u, l] : keys) wanted.insert({t.unit_index(u), t.line_index(l)});
      ledger::RowFilter f;
      f.blocks = bits;
      f.keep = [&](int u, int l, int row_ym) { return row_ym == ym && wanted.count({u, l}) > 0; };
      read_source(sha, &t, f);
    }
  }
  for (const auto& [file, r] : out.rows) out.sum = checked_add(out.sum, r.amount);
  return out;
}

}  // namespace toteuma
