#include "core/documents/document_charts.h"

#include <fmt/format.h>

#include <map>

#include "core/format.h"
#include "core/i18n.h"
#include "core/personnel/personnel_tables.h"
#include "core/finance/report_table.h"

namespace toteuma {


// The figures of a chart as text: grouped by category ("Talous: talousarvio … -1 €, toteutuma
// -2 €; …") for bars, by series ("Toimintatuotot: tilinpäätös 2023 1 €, …; …") for lines. The
// names may differ from the legend's (abbreviations spelled out for listeners).
std::string figures_text(const doc::Chart& c, const std::vector<std::string>& series_names,
                         const std::vector<std::string>& category_names, int shown, Lang lang) {
  bool by_category = c.kind == doc::Chart::Kind::bars;
  std::size_t outer_n = by_category ? c.categories.size() : c.series.size();
  std::size_t inner_n = by_category ? c.series.size() : c.categories.size();
  std::string out;
  for (std::size_t o = 0; o < outer_n; ++o) {
    std::string parts;
    for (std::size_t i = 0; i < inner_n; ++i) {
      std::size_t s = by_category ? i : o, k = by_category ? o : i;
      const auto& v = c.series[s].values[k];
      if (!v) continue;
      if (!parts.empty()) parts += ", ";
      parts += (by_category ? series_names[s] : category_names[k]) + " " + doc::format_value(*v, c.scale, shown, c.unit);
    }
    if (parts.empty()) continue;
    if (!out.empty()) out += "; ";
    out += (by_category ? category_names[o] : series_names[o]) + ": " + parts;
  }
  return out.empty() ? tr("chart.no_data", lang) : out + ".";
}

namespace {

const UnitVersion& unit_on(const Dataset& d, const OrgView& org, const std::string& unit, Lang lang) {
  if (const UnitVersion* u = org.find(unit)) return *u;
  throw ChartError(d.has_unit(unit) ? trf("err.unit_not_valid", lang, unit, to_display(org.date()))
                                    : trf("err.unknown_unit", lang, unit));
}

std::string line_name(const Dataset& d, const std::string& id, Lang lang) {
  const Line* l = d.chart.find(id);
  return l ? l->name.in(lang) : id;
}

// Thousandths to tenths, half away from zero.
std::int64_t to_tenths(std::int64_t thousandths) {
  return thousandths >= 0 ? (thousandths + 50) / 100 : -((-thousandths + 50) / 100);
}

}  // namespace

doc::Chart budget_vs_actual(const Ledger& ledger, const std::string& unit, int year, Lang lang) {
  const Dataset& d = ledger.dataset();
  OrgView org(d.units, Date::last_of_year(year));
  const UnitVersion& u = unit_on(d, org, unit, lang);
  const std::string line = "operating_margin";
  std::string name = line_name(d, line, lang);

  doc::Chart c;
  c.kind = doc::Chart::Kind::bars;
  c.id = fmt::format("c-bva-{}-{}", unit, year);
  c.title = trf("chart.bva.title", lang, name, year);
  c.unit = "€";
  c.scale = 2;
  c.series = {{trf("col.budget_after", lang, year), {}, false}, {trf("col.actual", lang, year), {}, false}};
  auto add = [&](const UnitVersion& v) {
    auto budget = ledger.measure(org, v.id, line, {Measure::budget_after, year, 0});
    auto actual = ledger.measure(org, v.id, line, {Measure::actual, year, 0});
    if (!budget && !actual) return;
    c.categories.push_back(v.name.shown(lang));
    c.series[0].values.push_back(budget);
    c.series[1].values.push_back(actual);
  };
  for (const UnitVersion* child : org.children(unit)) add(*child);
  add(u);
  c.alt = trf("chart.bva.alt", lang, name, year) + " " +
          figures_text(c, {tr("chart.alt.budget_after", lang), tr("chart.alt.actual", lang)}, c.categories, 0, lang);
  return c;
}

doc::Chart plan_trend(const Ledger& ledger, const std::string& unit, int year, Lang lang) {
  const Dataset& d = ledger.dataset();
  FigureTable t;
  try {
    t = build_table(ledger, unit, year, TableKind::budget, lang);
  } catch (const TableError& e) {
    throw ChartError(e.what());
  }
  doc::Chart c;
  c.kind = doc::Chart::Kind::lines;
  c.id = fmt::format("c-plan-{}-{}", unit, year);
  c.unit = "€";
  c.scale = 2;
  std::vector<std::string> names;
  for (const char* id : {"operating_income", "operating_costs", "operating_margin"}) {
    doc::Series s{line_name(d, id, lang), {}, false};
    for (const auto& r : t.rows)
      if (r.line == id) s.values = r.values;
    s.values.resize(t.columns.size());
    names.push_back(s.name);
    c.series.push_back(std::move(s));
  }
  c.categories = t.headings;
  std::vector<std::string> spoken;  // the headings spelled out for the text alternative
  std::vector<int> years;
  for (const auto& col : t.columns) {
    years.push_back(col.year);
    switch (col.measure) {
      case Measure::actual: spoken.push_back(trf("chart.alt.col.actual", lang, col.year)); break;
      case Measure::budget_after: spoken.push_back(trf("chart.alt.col.budget_after", lang, col.year)); break;
      case Measure::budget: spoken.push_back(trf("chart.alt.col.budget", lang, col.year)); break;
      default: spoken.push_back(trf("chart.alt.col.plan", lang, col.year)); break;
    }
  }
  for (std::size_t k = c.categories.size(); k-- > 0;) {
    bool any = false;
    for (const auto& s : c.series) any = any || s.values[k].has_value();
    if (any) continue;
    auto at = [k](auto& v) { v.erase(v.begin() + static_cast<std::ptrdiff_t>(k)); };
    at(c.categories);
    at(spoken);
    at(years);
    for (auto& s : c.series) at(s.values);
  }
  int first = years.empty() ? year - 2 : years.front(), last = years.empty() ? year + 2 : years.back();
  c.title = trf("chart.plan.title", lang, first, last);
  c.alt = fmt::format("{}: {}. ", t.unit_name, c.title) + figures_text(c, names, spoken, 0, lang);
  return c;
}

doc::Chart metric_trend(const Dataset& d, const std::string& metric_id, Lang lang) {
  const Metric* m = nullptr;
  for (const auto& x : d.goals.metrics)
    if (x.id == metric_id) m = &x;
  if (!m) throw ChartError(trf("err.unknown_metric", lang, metric_id));

  std::map<int, const MetricValue*> latest;  // per year, as metric_status reads a year
  for (const auto& v : d.goals.values)
    if (v.metric == metric_id) {
      const MetricValue*& at = latest[v.date.year];
      if (!at || v.date > at->date) at = &v;
    }

  doc::Chart c;
  c.kind = doc::Chart::Kind::lines;
  c.id = "c-metric-" + metric_id;
  c.title = m->name.shown(lang);
  c.unit = m->unit == "%" ? "%" : m->unit == "eur" ? "€" : "";
  c.scale = 1;
  // Whole numbers print without a decimal ("59 %"), as the goal table prints them.
  int shown = m->target_tenths && *m->target_tenths % 10 != 0 ? 1 : 0;
  doc::Series values{tr("chart.metric.value", lang), {}, false};
  for (const auto& [y, v] : latest) {
    c.categories.push_back(std::to_string(y));
    values.values.push_back(v->value_tenths);
    if (v->value_tenths % 10 != 0) shown = 1;
  }
  c.series.push_back(values);
  std::string target;
  if (m->target_tenths) {
    target = (m->direction == "down" ? "≤ " : "≥ ") + doc::format_value(*m->target_tenths, 1, shown, c.unit);
    c.series.push_back({trf("chart.metric.target", lang, target),
                        std::vector<std::optional<std::int64_t>>(c.categories.size(), *m->target_tenths), true});
  }
  c.alt = fmt::format("{}: {}. ", tr("goals.metric", lang), c.title);
  // The values by year; the target, one figure, once.
  doc::Chart only_values = c;
  only_values.series.resize(1);
  c.alt += figures_text(only_values, {values.name}, c.categories, shown, lang);
  if (!target.empty()) c.alt += " " + trf("chart.metric.target", lang, target) + ".";
  return c;
}

doc::Chart htv_trend(const Dataset& d, const std::string& unit, int year, Lang lang) {
  Date structure = Date::first_of_year(year);
  OrgView org(d.units, structure);
  const UnitVersion& u = unit_on(d, org, unit, lang);

  doc::Chart c;
  c.kind = doc::Chart::Kind::lines;
  c.id = fmt::format("c-htv-{}-{}", unit, year);
  c.unit = tr("chart.unit.htv", lang);
  c.scale = 1;
  doc::Series s{tr("pers.htv.title", lang), {}, false};
  int first = year, last = year;
  for (int y = year - 2; y <= year + 2; ++y) {
    std::string kind = htv_kind_of_year(d, y);
    if (kind.empty()) continue;
    // Zero is what restated_htv gives a unit without figures: no point to draw.
    PersonYears v = restated_htv(d, unit, y, structure);
    if (v == 0) continue;
    if (c.categories.empty()) first = y;
    last = y;
    c.categories.push_back(kind == "forecast" ? trf("pers.col.forecast", lang, y)
                           : kind == "plan"   ? trf("pers.col.plan", lang, y)
                                              : std::to_string(y));
    s.values.push_back(to_tenths(v));
  }
  c.series.push_back(s);
  c.title = trf("chart.htv.title", lang, first, last);
  c.alt = fmt::format("{}: {}. ", u.name.shown(lang), c.title) + figures_text(c, {s.name}, c.categories, 1, lang);
  return c;
}

}  // namespace toteuma
