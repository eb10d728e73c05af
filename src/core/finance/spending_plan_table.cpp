#include "core/finance/spending_plan_table.h"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

#include "core/finance/ledger.h"
#include "core/finance/spending_plan.h"
#include "core/i18n.h"

namespace toteuma {

SimpleTable spending_plan_table(const Dataset& d, const std::string& unit, int year, Lang lang) {
  OrgView org(d.units, Date::first_of_year(year));
  const UnitVersion* u = org.find(unit);
  if (!u) throw std::invalid_argument("unknown unit: " + unit);
  SimpleTable t;
  t.title = trf("spending.title", lang, year, u->name.shown(lang));
  t.label_heading = tr("col.label", lang);
  t.headings.push_back(trf("spending.col.year", lang, year));
  for (int m = 1; m <= 12; ++m) t.headings.push_back(fmt::format("{}/{}", m, year));
  t.decimals = 2;
  t.shown_decimals = 0;
  // Rows in the organisation's order, each unit's lines in chart order; per line the plan's sum.
  std::map<std::string, Cents> sums;
  for (const auto& [v, depth] : org.tree()) {
    if (!org.within(v->id, unit)) continue;
    for (const Line& l : d.chart.lines())
      for (const auto& r : d.spending_plan) {
        if (r.year != year || r.unit != v->id || r.line != l.id) continue;
        SimpleRow row;
        row.label = fmt::format("{}: {}", v->name.shown(lang), l.name.in(lang));
        row.cells.push_back(r.amount);
        for (std::size_t m = 0; m < 12; ++m) row.cells.push_back(r.months ? std::optional<Cents>((*r.months)[m]) : std::nullopt);
        t.rows.push_back(std::move(row));
        sums[l.id] = checked_add(sums[l.id], r.amount);
      }
  }
  // The sums against the budget in force at the binding unit the plan splits.
  const UnitVersion* b = binding_unit_of(org, unit);
  Ledger ledger(d);
  for (const Line& l : d.chart.lines()) {
    auto it = sums.find(l.id);
    if (it == sums.end()) continue;
    SimpleRow total;
    total.label = trf("spending.total", lang, l.name.in(lang));
    total.total = true;
    total.cells = {it->second};
    t.rows.push_back(std::move(total));
    if (b && b->id == unit) {
      SimpleRow decided;
      decided.label = trf("spending.decided", lang, year, l.name.in(lang));
      decided.note = true;
      decided.cells = {ledger.measure(org, unit, l.id, {Measure::budget_after, year, 0})};
      t.rows.push_back(std::move(decided));
    }
  }
  return t;
}

}  // namespace toteuma
