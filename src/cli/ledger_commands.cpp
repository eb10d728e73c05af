// toteuma import ledger | ledger rows | ledger imports | table --kind follow-up.
// An import reads every file first (all rows checked, aggregated per unit, line and month);
// only when all are good does it write, in one transaction that replaces the months covered.
#include "cli/ledger_commands.h"

#include "cli/commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "core/finance/follow_up.h"
#include "core/finance/investment_table.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/finance/ledger.h"
#include "core/text.h"
#include "ingest/csv.h"
#include "ingest/ledger_reader.h"
#include "render/simple_table_render.h"
#include "render/table_render.h"
#include "store/store.h"
#include "web/app.h"

namespace toteuma {

namespace {

namespace fs = std::filesystem;

Lang lang_of(const std::string& lang, const Dataset& d) { return lang.empty() ? d.primary().primary : *parse_lang(lang); }

std::string month_text(int ym) { return fmt::format("{:04}-{:02}", ledger::ym_year(ym), ledger::ym_month(ym)); }

// "2025-03" → year_month.
int parse_month_arg(const std::string& s) {
  auto p = ledger::parse_period(s);
  if (!p || p->month == 0 || s.size() != 7)
    throw std::runtime_error("--month: expected YYYY-MM / odotettiin VVVV-KK / ÅÅÅÅ-MM förväntades: " + s);
  return ledger::year_month(p->year, p->month);
}

std::string now_utc() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

ledger::Mapping mapping_of(const LedgerOptions& o) {
  ledger::Mapping m;
  if (!o.mapping.empty()) m = ledger::parse_mapping(read_file(o.mapping), o.mapping);
  if (o.encoding == "utf-8") m.encoding = ledger::Encoding::utf8;
  else if (o.encoding == "windows-1252") m.encoding = ledger::Encoding::cp1252;
  return m;
}

// Removes temporary copies unless released (on success the store has moved them into place).
struct TempFiles {
  std::vector<std::string> paths;
  ~TempFiles() {
    std::error_code ec;
    for (const auto& p : paths) fs::remove(p, ec);
  }
};

std::string reason_text(const std::string& reason, Lang lang) { return tr("ledger.reason." + reason, lang); }

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

int cmd_import_ledger(const LedgerOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = d.primary().primary;
  ledger::Mapping mapping = mapping_of(o);
  ledger::Target target(d, mapping);
  auto lstore = open_sqlite_ledger_store(o.db);
  std::string dir = lstore->source_dir();

  // Read everything first: any bad row throws here, before anything is written.
  TempFiles temps;
  std::vector<ledger::FileResult> results;
  for (std::size_t i = 0; i < o.files.size(); ++i) {
    ledger::ReadOptions ro;
    ro.suspense = o.suspense;
    ro.threads = o.threads;
    ro.copy_to = (fs::path(dir) / fmt::format(".incoming-{}-{}", ::getpid(), i)).string();
    temps.paths.push_back(ro.copy_to);
    results.push_back(ledger::read_ledger(o.files[i], target, ro));
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
  LedgerImport imp;
  std::string month_list;
  std::map<int, std::string> month_of;
  for (int ym : months) {
    month_of[ym] = month_text(ym);
    imp.months.push_back(month_of[ym]);
    month_list += (month_list.empty() ? "" : ",") + month_of[ym];
  }
  std::map<std::tuple<int, int, int>, Cents> sums;  // (ym, unit, line), over the files
  std::string mapping_text = ledger::mapping_to_toml(mapping);
  std::string who = cli_actor().user, when = now_utc();
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
    imp.records.push_back({0, 0, r.file, r.sha256, when, who, fm, r.size, r.rows, r.skipped_rows, r.suspense_rows, r.total,
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
  std::string files, months_text;
  for (const auto& r : imp.records) files += (files.empty() ? "" : ",") + r.file_name;
  for (const auto& m : imp.months) months_text += (months_text.empty() ? "" : ",") + m;
  AuditEntry audit = cli_audit("import", "ledger/" + files, std::nullopt,
                               fmt::format("months={};figures={}", months_text, imp.actuals.size()));
  std::int64_t batch = lstore->save_import(imp, &audit);
  temps.paths.clear();  // moved into place (or removed as duplicates) by the store

  auto money = [](Cents c) { return format_euros(c, " "); };
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    out << fmt::format(fmt::runtime(tr("ledger.imported", lang)), r.file, r.rows, imp.records[i].months,
                       money(r.total), money(r.income), money(r.costs))
        << "\n";
    if (r.skipped_rows) out << fmt::format(fmt::runtime(tr("ledger.skipped", lang)), r.skipped_rows, money(r.skipped_total)) << "\n";
    if (r.suspense_rows) {
      out << fmt::format(fmt::runtime(tr("ledger.suspense", lang)), r.suspense_rows, money(r.suspense_total)) << "\n";
      for (const auto& s : r.suspense)
        out << fmt::format(fmt::runtime(tr("ledger.suspense_item", lang)), month_text(s.ym), s.cost_center, s.account,
                           reason_text(std::string(ledger::to_string(s.reason)), lang), s.rows, money(s.amount))
            << "\n";
    }
  }
  out << fmt::format(fmt::runtime(tr("ledger.stored", lang)), o.db, batch, imp.actuals.size(), month_list) << "\n";
  return 0;
}

int cmd_ledger_rows(const LedgerOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_of(o.lang, d);
  int ym = parse_month_arg(o.month);
  int year = ledger::ym_year(ym), month = ledger::ym_month(ym);
  std::string sc = ledger_scenario_id(year, month);
  auto lstore = open_sqlite_ledger_store(o.db);
  auto actuals = monthly_actuals(*lstore, year);
  std::erase_if(actuals, [&](const MonthlyActual& a) { return a.month != month; });
  if (actuals.empty() && lstore->suspense(o.month).empty())
    throw std::runtime_error(fmt::format(fmt::runtime(tr("ledger.no_month", lang)), o.month));
  attach_ledger_months(d, actuals);  // the month as figures, to roll up as the follow-up does
  auto money = [](Cents c) { return format_euros(c, " "); };

  std::vector<std::pair<std::string, ledger::SourceRow>> rows;  // (file name, row)
  auto read_source = [&](const std::string& sha, const ledger::Target* t_in, const ledger::RowFilter& filter) {
    auto src = lstore->source(sha);
    std::string path = lstore->source_path(sha);
    if (!src || !fs::exists(path))
      throw std::runtime_error(fmt::format(fmt::runtime(tr("ledger.source_missing", lang)), src ? src->file_name : sha, path));
    ledger::Mapping m = ledger::parse_mapping(src->mapping, "(mapping of " + src->file_name + ")");
    std::unique_ptr<ledger::Target> own;
    if (!t_in) own = std::make_unique<ledger::Target>(d, m);
    const ledger::Target& t = t_in ? *t_in : *own;
    std::vector<ledger::BlockStart> blocks;
    for (const auto& [off, line] : src->blocks) blocks.push_back({off, line});
    for (auto& r : ledger::read_ledger_rows(path, src->format, src->block_size, blocks, t, filter)) rows.push_back({src->file_name, std::move(r)});
  };

  std::optional<Cents> figure;
  if (o.suspense) {
    std::map<std::string, std::vector<std::uint64_t>> by_source;
    for (const auto& e : lstore->suspense(o.month)) {
      auto& bits = by_source[e.sha256];
      bits.resize(std::max(bits.size(), e.blocks.size()));
      for (std::size_t i = 0; i < e.blocks.size(); ++i) bits[i] |= e.blocks[i];
      figure = checked_add(figure.value_or(0), e.amount);
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
    if (!d.has_unit(o.unit)) throw std::runtime_error(fmt::format(fmt::runtime(tr("err.unknown_unit", lang)), o.unit));
    const Line* line = find_line(d.chart, o.line);
    if (!line) throw std::runtime_error("unknown line / tuntematon rivi / okänd rad: " + o.line);
    Ledger ledger(d);
    std::set<std::pair<std::string, std::string>> keys;
    collect_keys(ledger, org, o.unit, line->id, sc, keys);
    figure = ledger.value(org, o.unit, line->id, sc);
    std::map<std::string, std::vector<std::uint64_t>> by_source;
    for (const auto& e : lstore->index(o.month)) {
      if (!keys.count({e.unit, e.line})) continue;
      auto& bits = by_source[e.sha256];
      bits.resize(std::max(bits.size(), e.blocks.size()));
      for (std::size_t i = 0; i < e.blocks.size(); ++i) bits[i] |= e.blocks[i];
    }
    for (const auto& [sha, bits] : by_source) {
      auto src = lstore->source(sha);
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
  Cents sum = 0;
  for (const auto& [file, r] : rows) {
    out << fmt::format("{}:{}: {}\n", file, r.line, r.text);
    sum = checked_add(sum, r.amount);
  }
  out << fmt::format(fmt::runtime(tr("ledger.rows_total", lang)), rows.size(), money(sum)) << "\n";
  if (!o.suspense) {
    out << fmt::format(fmt::runtime(tr("ledger.figure", lang)), o.unit, o.line, o.month, figure ? money(*figure) : "–") << "\n";
    if (figure.value_or(0) != sum) out << tr("ledger.figure_differs", lang) << "\n";
  }
  return 0;
}

int cmd_ledger_imports(const LedgerOptions& o, std::ostream& out) {
  auto lstore = open_sqlite_ledger_store(o.db);
  out << "id;batch;imported_at;imported_by;file;size;sha256;months;rows;total;income;costs;skipped_rows;skipped_total;"
         "suspense_rows;suspense_total\n";
  for (const auto& r : lstore->imports())
    out << fmt::format("{};{};{};{};{};{};{};{};{};{};{};{};{};{};{};{}\n", r.id, r.batch, r.imported_at, r.imported_by,
                       csv_field(r.file_name), r.size, r.sha256, r.months, r.rows, cents_to_plain(r.total),
                       cents_to_plain(r.income), cents_to_plain(r.costs), r.skipped_rows, cents_to_plain(r.skipped_total),
                       r.suspense_rows, cents_to_plain(r.suspense_total));
  return 0;
}

namespace {

// The month of a follow-up: --month (1–12 or YYYY-MM of --year), else the latest imported.
int follow_up_month(const LedgerOptions& o, const std::vector<MonthlyActual>& actuals) {
  if (o.month.empty()) {
    auto months = ledger_months(actuals, o.year);
    return months.empty() ? 12 : months.back();
  }
  if (o.month.size() == 7) {
    int ym = parse_month_arg(o.month);
    if (ledger::ym_year(ym) != o.year) throw std::runtime_error("--month: not in --year / ei vuodelta / inte från året");
    return ledger::ym_month(ym);
  }
  auto m = ledger::parse_month(o.month);
  if (!m) throw std::runtime_error("--month: expected 1–12 or YYYY-MM / odotettiin 1–12 / 1–12 förväntades: " + o.month);
  return *m;
}

}  // namespace

int cmd_table_investment_follow_up(const LedgerOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_of(o.lang, d);
  auto store = open_sqlite_ledger_store(o.db);
  int month = follow_up_month(o, monthly_actuals(*store, o.year));
  write_investment_table(out, o.format, d, o.unit, lang,
                         investment_follow_up_table(d, monthly_investment_actuals(*store, o.year), o.unit, o.year, month, lang));
  return 0;
}

int cmd_table_follow_up(const LedgerOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_of(o.lang, d);
  auto actuals = monthly_actuals(*open_sqlite_ledger_store(o.db), o.year);
  int month = follow_up_month(o, actuals);
  auto closed = open_sqlite_ledger_store(o.db)->closed_months();
  FollowUp fu = build_follow_up({d, actuals, closed.count(o.year) ? closed.at(o.year) : 0}, o.unit, o.year, month, lang);
  std::string status = fu.closed ? fmt::format(fmt::runtime(tr("followup.closed", lang)), fu.closed, o.year)
                                 : fmt::format(fmt::runtime(tr("followup.none_closed", lang)), o.year);
  if (o.format == "csv") {
    out << kUtf8Bom << render_csv(fu.summary) << "\n" << render_simple_csv(fu.forecast_parts) << "\n" << render_simple_csv(fu.realisation)
        << "\n" << render_csv(fu.monthly);
  } else if (o.format == "html") {
    out << render_html_document(lang, fu.summary.unit_name, fu.summary.title, fu.summary.responsible,
                                "<p>" + html_escape(status) + "</p>\n" + render_html_table(fu.summary) +
                                    render_simple_html(fu.forecast_parts) + render_simple_html(fu.realisation) +
                                    render_html_table(fu.monthly));
  } else {
    out << status << "\n\n" << render_text(fu.summary) << "\n" << render_simple_text(fu.forecast_parts) << "\n"
        << render_simple_text(fu.realisation) << render_text(fu.monthly);
  }
  return 0;
}

int cmd_ledger_close(const LedgerOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_of(o.lang, d);
  auto store = open_sqlite_ledger_store(o.db);
  auto months = ledger_months(monthly_actuals(*store, o.year), o.year);
  if (months.empty()) throw std::runtime_error(fmt::format(fmt::runtime(tr("followup.no_ledger", lang)), o.year));
  int month = 0;
  if (o.month != "0") {
    auto m = ledger::parse_month(o.month);
    if (!m) throw std::runtime_error("--month: expected 0–12 / odotettiin 0–12 / 0–12 förväntades: " + o.month);
    month = *m;
  }
  store->set_closed(cli_actor(), o.year, month);
  out << (month ? fmt::format(fmt::runtime(tr("followup.closed", lang)), month, o.year)
                : fmt::format(fmt::runtime(tr("followup.none_closed", lang)), o.year))
      << "\n";
  return 0;
}

}  // namespace toteuma
