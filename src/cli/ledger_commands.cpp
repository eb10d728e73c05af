// toteuma import ledger | ledger rows | ledger imports | table --kind follow-up.
// An import reads every file first (all rows checked, aggregated per unit, line and month);
// only when all are good does it write, in one transaction that replaces the months covered.
#include "cli/ledger_commands.h"

#include "cli/commands.h"

#include <fmt/format.h>

#include <algorithm>
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
#include "web/ledger_import.h"

namespace toteuma {

namespace {

Lang lang_of(const std::string& lang, const Dataset& d) { return lang.empty() ? d.primary().primary : *parse_lang(lang); }

// "2025-03" → year_month.
int parse_month_arg(const std::string& s) {
  auto p = ledger::parse_period(s);
  if (!p || p->month == 0 || s.size() != 7)
    throw std::runtime_error("--month: expected YYYY-MM / odotettiin VVVV-KK / ÅÅÅÅ-MM förväntades: " + s);
  return ledger::year_month(p->year, p->month);
}

ledger::Mapping mapping_of(const LedgerOptions& o) {
  ledger::Mapping m;
  if (!o.mapping.empty()) m = ledger::parse_mapping(read_file(o.mapping), o.mapping);
  if (o.encoding == "utf-8") m.encoding = ledger::Encoding::utf8;
  else if (o.encoding == "windows-1252") m.encoding = ledger::Encoding::cp1252;
  return m;
}

}  // namespace

int cmd_import_ledger(const LedgerOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  auto lstore = open_ledger_store(o.db);
  std::vector<LedgerFileIn> files;
  for (const auto& f : o.files) files.push_back({f, f});
  auto done = import_ledger_files(d, *lstore, files, mapping_of(o), o.suspense, o.threads, cli_actor());
  Lang lang = d.primary().primary;
  for (const auto& line : ledger_import_report(done, lang)) out << line << "\n";
  std::string month_list;
  for (const auto& m : done.imp.months) month_list += (month_list.empty() ? "" : ",") + m;
  out << fmt::format(fmt::runtime(tr("ledger.stored", lang)), o.db, done.batch, done.imp.actuals.size(), month_list) << "\n";
  return 0;
}

int cmd_ledger_rows(const LedgerOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_of(o.lang, d);
  int ym = parse_month_arg(o.month);
  auto lstore = open_ledger_store(o.db);
  auto found = ledger_rows(std::move(d), *lstore, o.unit, o.line, ledger::ym_year(ym), ledger::ym_month(ym), o.suspense, lang);
  auto money = [](Cents c) { return format_euros(c, " "); };
  for (const auto& [file, r] : found.rows) out << fmt::format("{}:{}: {}\n", file, r.line, r.text);
  out << fmt::format(fmt::runtime(tr("ledger.rows_total", lang)), found.rows.size(), money(found.sum)) << "\n";
  if (!o.suspense) {
    out << fmt::format(fmt::runtime(tr("ledger.figure", lang)), o.unit, o.line, o.month, found.figure ? money(*found.figure) : "–")
        << "\n";
    if (found.figure.value_or(0) != found.sum) out << tr("ledger.figure_differs", lang) << "\n";
  }
  return 0;
}

int cmd_ledger_imports(const LedgerOptions& o, std::ostream& out) {
  auto lstore = open_ledger_store(o.db);
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
  auto store = open_ledger_store(o.db);
  int month = follow_up_month(o, monthly_actuals(*store, o.year));
  write_investment_table(out, o.format, d, o.unit, lang,
                         investment_follow_up_table(d, monthly_investment_actuals(*store, o.year), o.unit, o.year, month, lang));
  return 0;
}

int cmd_table_follow_up(const LedgerOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_of(o.lang, d);
  auto actuals = monthly_actuals(*open_ledger_store(o.db), o.year);
  int month = follow_up_month(o, actuals);
  auto closed = open_ledger_store(o.db)->closed_months();
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
  auto store = open_ledger_store(o.db);
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
