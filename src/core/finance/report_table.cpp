#include "core/finance/report_table.h"

#include <fmt/format.h>

#include <set>

#include "core/i18n.h"

namespace toteuma {

std::optional<TableKind> parse_table_kind(const std::string& s) {
  if (s == "annual-report") return TableKind::annual_report;
  if (s == "budget") return TableKind::budget;
  return std::nullopt;
}

namespace {

std::string heading(const ColumnSpec& c, Lang lang) {
  switch (c.measure) {
    case Measure::budget: return fmt::format(fmt::runtime(tr("col.budget", lang)), c.year);
    case Measure::amendments: return tr("col.amendments", lang);
    case Measure::budget_after:
      return fmt::format(fmt::runtime(tr("col.budget_after", lang)), c.year);
    case Measure::actual: return fmt::format(fmt::runtime(tr("col.actual", lang)), c.year);
    case Measure::deviation: return tr("col.deviation", lang);
    case Measure::forecast: return fmt::format(fmt::runtime(tr("col.forecast", lang)), c.year);
    case Measure::plan: return fmt::format(fmt::runtime(tr("col.plan", lang)), c.year);
  }
  return {};
}

// A line is printed when the chart says always, when it has a figure in some column, or when
// another detail part of the same total has one (so an empty Maksutuotot shows beside
// Myyntituotot, while Valmistevarastojen muutos does not show just because Toimintatuotot,
// a total, has figures).
bool shown(const Chart& chart, const Line& l, const std::map<std::string, bool>& has_data) {
  if (l.show == LineShow::always || has_data.at(l.id)) return true;
  const Line* total = chart.parent_total(l.id);
  if (!total) return false;
  for (const auto& t : total->formula) {
    const Line* part = chart.find(t.line);
    if (part && part->kind == LineKind::detail && has_data.at(t.line)) return true;
  }
  return false;
}

}  // namespace

FigureTable build_table(const Ledger& ledger, const std::string& unit, int year, TableKind kind,
                        Lang lang) {
  const Dataset& d = ledger.dataset();
  Date on = kind == TableKind::annual_report ? Date::last_of_year(year) : Date::first_of_year(year);
  OrgView org(d.units, on);
  const UnitVersion* u = org.find(unit);
  if (!u) {
    bool exists = false;
    for (const auto& v : d.units) exists = exists || v.id == unit;
    throw TableError(exists ? msg("err.unit_not_valid", unit, to_display(on)) : msg("err.unknown_unit", unit), lang);
  }

  FigureTable t;
  t.kind = kind;
  t.lang = lang;
  t.year = year;
  t.unit = unit;
  t.unit_name = u->name.shown(lang);
  if (!u->responsible.in(lang).empty())
    t.responsible = fmt::format(fmt::runtime(tr("unit.responsible", lang)), u->responsible.in(lang));
  if (kind == TableKind::annual_report) {
    t.title = fmt::format(fmt::runtime(tr("table.annual_report", lang)), year);
    t.columns = {{Measure::budget, year, 0},
                 {Measure::amendments, year, 0},
                 {Measure::budget_after, year, 0},
                 {Measure::actual, year, 0},
                 {Measure::deviation, year, 0}};
    t.overrun = ledger.overrun(org, unit, year);
  } else {
    t.title = fmt::format(fmt::runtime(tr("table.budget", lang)), year, year + 1, year + 2);
    t.columns = {{Measure::actual, year - 2, 0},
                 {Measure::budget_after, year - 1, 0},
                 {Measure::budget, year, 0}};
    for (int py : {year + 1, year + 2}) {
      ColumnSpec c{Measure::plan, py, year};
      if (ledger.column_has_data(org, unit, c)) t.columns.push_back(c);
    }
  }
  if (!u->binding_line.empty())
    if (const Line* bl = d.chart.find(u->binding_line)) t.binding_line = bl->name.in(lang);
  for (const auto& c : t.columns) t.headings.push_back(heading(c, lang));

  std::map<std::string, bool> has_data;
  std::map<std::string, std::vector<std::optional<Cents>>> values;
  for (const Line& l : d.chart.lines()) {
    auto& vs = values[l.id];
    bool any = false;
    for (const auto& c : t.columns) {
      vs.push_back(ledger.measure(org, unit, l.id, c));
      any = any || vs.back().has_value();
    }
    has_data[l.id] = any;
  }
  std::set<std::string> shown_ids;
  for (const Line& l : d.chart.lines())
    if (shown(d.chart, l, has_data)) shown_ids.insert(l.id);
  for (const Line& l : d.chart.lines()) {
    if (!shown_ids.count(l.id)) continue;
    // A total whose parts are not printed (Henkilöstökulut held as one figure) reads as an
    // ordinary row, as in the seeds.
    LineKind kind = l.kind;
    if (kind == LineKind::total) {
      bool parts_shown = false;
      for (const auto& term : l.formula) parts_shown = parts_shown || shown_ids.count(term.line) > 0;
      if (!parts_shown) kind = LineKind::detail;
    }
    t.rows.push_back({l.id, kind, l.name.in(lang), values[l.id]});
  }
  return t;
}

}  // namespace toteuma
