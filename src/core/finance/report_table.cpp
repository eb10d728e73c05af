#include "core/finance/report_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/i18n.h"

namespace toteuma {

std::optional<TableKind> parse_table_kind(const std::string& s) {
  if (s == "annual-report") return TableKind::annual_report;
  if (s == "budget") return TableKind::budget;
  return std::nullopt;
}

std::optional<Part> parse_table_part(const std::string& s) {
  if (s.empty() || s == "operating") return Part::operating;
  if (s == "income-statement") return Part::income;
  if (s == "cash-flow") return Part::cash_flow;
  return std::nullopt;
}

std::optional<TableView> parse_table_view(const std::string& s) {
  if (auto k = parse_table_kind(s)) return TableView{*k, Part::operating};
  auto colon = s.find(':');
  if (colon == std::string::npos) return std::nullopt;
  auto part = parse_table_part(s.substr(0, colon));
  auto layout = parse_table_kind(s.substr(colon + 1));
  if (!part || *part == Part::operating || !layout) return std::nullopt;
  return TableView{*layout, *part};
}

namespace {

// Whether a line is printed in the table of `part`; the operating part includes its note rows.
bool in_table(const Line& l, Part part) {
  return l.in(part) || (part == Part::operating && l.in(Part::operating_note));
}

std::string title(TableKind kind, Part part, int year, Lang lang) {
  if (part == Part::operating)
    return kind == TableKind::annual_report
               ? fmt::format(fmt::runtime(tr("table.annual_report", lang)), year)
               : fmt::format(fmt::runtime(tr("table.budget", lang)), year, year + 1, year + 2);
  std::string name = tr(part == Part::income ? "part.income_statement" : "part.cash_flow", lang);
  return kind == TableKind::annual_report
             ? fmt::format(fmt::runtime(tr("table.part_annual_report", lang)), name, year)
             : fmt::format(fmt::runtime(tr("table.part_budget", lang)), name, year, year + 1, year + 2);
}

}  // namespace

std::string column_heading(const ColumnSpec& c, Lang lang) {
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

std::vector<ColumnSpec> table_columns(const Ledger& ledger, const OrgView& org, const std::string& unit, int year,
                                      TableKind kind) {
  if (kind == TableKind::annual_report)
    return {{Measure::budget, year, 0},
            {Measure::amendments, year, 0},
            {Measure::budget_after, year, 0},
            {Measure::actual, year, 0},
            {Measure::deviation, year, 0}};
  std::vector<ColumnSpec> out = {{Measure::actual, year - 2, 0}, {Measure::budget_after, year - 1, 0}, {Measure::budget, year, 0}};
  for (int py : {year + 1, year + 2}) {
    ColumnSpec c{Measure::plan, py, year};
    if (ledger.column_has_data(org, unit, c)) out.push_back(c);
  }
  return out;
}

Date table_date(int year, TableKind kind) {
  return kind == TableKind::annual_report ? Date::last_of_year(year) : Date::first_of_year(year);
}

const UnitVersion& table_unit(const Dataset& d, const OrgView& org, const std::string& unit, Lang lang) {
  const UnitVersion* u = org.find(unit);
  if (!u) {
    bool exists = false;
    for (const auto& v : d.units) exists = exists || v.id == unit;
    throw TableError(exists ? msg("err.unit_not_valid", unit, to_display(org.date())) : msg("err.unknown_unit", unit), lang);
  }
  return *u;
}

namespace {

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

std::vector<ShownLine> shown_lines(const Chart& chart, const std::map<std::string, bool>& has_data) {
  std::set<std::string> ids;
  for (const Line& l : chart.lines())
    if (shown(chart, l, has_data)) ids.insert(l.id);
  std::vector<ShownLine> out;
  for (const Line& l : chart.lines()) {
    if (!ids.count(l.id)) continue;
    LineKind kind = l.kind;
    if (kind == LineKind::total &&
        std::none_of(l.formula.begin(), l.formula.end(), [&](const FormulaTerm& t) { return ids.count(t.line) > 0; }))
      kind = LineKind::detail;
    out.push_back({&l, kind});
  }
  return out;
}

Chart chart_subset(const Chart& chart, const std::function<bool(const Line&)>& keep) {
  std::vector<Line> lines;
  for (const Line& l : chart.lines())
    if (keep(l)) lines.push_back(l);
  return Chart(lines);
}

FigureTable build_table(const Ledger& ledger, const std::string& unit, int year, TableKind kind,
                        Lang lang, Part part) {
  const Dataset& d = ledger.dataset();
  OrgView org(d.units, table_date(year, kind));
  const UnitVersion* u = &table_unit(d, org, unit, lang);

  FigureTable t;
  t.kind = kind;
  t.part = part;
  t.lang = lang;
  t.year = year;
  t.unit = unit;
  t.unit_name = u->name.shown(lang);
  if (!u->responsible.in(lang).empty())
    t.responsible = fmt::format(fmt::runtime(tr("unit.responsible", lang)), u->responsible.in(lang));
  if (kind == TableKind::annual_report && part == Part::operating) t.overrun = ledger.overrun(org, unit, year);
  t.columns = table_columns(ledger, org, unit, year, kind);
  t.title = title(kind, part, year, lang);
  if (part == Part::operating && !u->binding_line.empty())
    if (const Line* bl = d.chart.find(u->binding_line)) t.binding_line = bl->name.in(lang);
  for (const auto& c : t.columns) t.headings.push_back(column_heading(c, lang));

  std::map<std::string, bool> has_data;
  std::map<std::string, std::vector<std::optional<Cents>>> values;
  const Chart chart = chart_subset(d.chart, [&](const Line& l) { return in_table(l, part); });
  for (const Line& l : chart.lines()) {
    auto& vs = values[l.id];
    bool any = false;
    for (const auto& c : t.columns) {
      vs.push_back(ledger.measure(org, unit, l.id, c));
      any = any || vs.back().has_value();
    }
    has_data[l.id] = any;
  }
  for (auto [l, kind] : shown_lines(chart, has_data)) {
    if (part == Part::operating && !l->in(Part::operating)) kind = LineKind::memo;  // a note row
    t.rows.push_back({l->id, kind, l->name.in(lang), values[l->id]});
  }
  return t;
}

}  // namespace toteuma
