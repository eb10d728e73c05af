// The home page's follow-up dashboard: each unit's binding line as the follow-up table has it
// (build_follow_up), so budget, actual and forecast are never computed a second way.
#include <algorithm>

#include "core/budgeting/round_status.h"
#include "core/finance/spending_plan.h"
#include "web/home_page.h"

namespace toteuma::web {

namespace {

// The row of `line` in the unit's follow-up; nullopt when the unit is not valid then.
std::optional<DashboardRow> row_of(const Snapshot& s, const std::string& unit, const std::string& line, const Dashboard& db, Lang lang) {
  FollowUp fu;
  try {
    fu = build_follow_up(s.follow_up_input(db.year), unit, db.year, db.month, lang);
  } catch (const TableError&) {
    return std::nullopt;
  }
  DashboardRow r;
  r.unit = unit;
  r.name = fu.summary.unit_name;
  r.line = line;
  for (std::size_t i = 0; i < fu.summary.rows.size(); ++i) {
    if (fu.summary.rows[i].line != line) continue;
    const auto& v = fu.summary.rows[i].values;  // TA after amendments | month | 1–month | forecast | deviation
    r.budget = v[0];
    r.actual = v[2];
    r.forecast = v[3];
    if (i < fu.realisation.rows.size() && fu.realisation.rows[i].cells.size() >= 2) {
      r.realisation_permille = fu.realisation.rows[i].cells[0];
      r.forecast_permille = fu.realisation.rows[i].cells[1];
    }
  }
  r.overrun = (r.realisation_permille && *r.realisation_permille > db.elapsed_permille) ||
              (r.budget && r.forecast && *r.forecast < *r.budget);
  return r;
}

}  // namespace

Dashboard home_dashboard(const Snapshot& s, const User& u, bool all, Lang lang) {
  Dashboard db;
  if (s.ledger_years.empty()) return db;
  db.year = *s.ledger_years.rbegin();
  auto months = ledger_months(s.ledger_actuals, db.year);
  if (months.empty()) return db;
  db.month = months.back();
  db.elapsed_permille = ratio_permille(db.month, 12).value_or(0);
  const Dataset& d = s.d;
  // (unit, line) in tree order: the binding units with their binding line; a unit head's own unit
  // that binds nothing itself on the line of the binding unit above it.
  std::vector<std::pair<std::string, std::string>> picks;
  auto binding = round_binding_units(d, d.primary().id, db.year);
  if (all) {
    for (const UnitVersion* b : binding) picks.emplace_back(b->id, b->binding_line);
  } else {
    OrgView org = d.org_on(Date{db.year, db.month, 1});
    for (const Grant& g : u.grants) {
      if (g.role != Role::editor || !org.find(g.unit)) continue;
      const UnitVersion* own = binding_unit_of(org, g.unit);
      if (own && own->id != g.unit) picks.emplace_back(g.unit, own->binding_line);
      for (const UnitVersion* b : d.municipality_of(g.unit).id == d.primary().id ? binding : round_binding_units(d, d.municipality_of(g.unit).id, db.year))
        if (org.within(b->id, g.unit)) picks.emplace_back(b->id, b->binding_line);
    }
    std::sort(picks.begin(), picks.end());
    picks.erase(std::unique(picks.begin(), picks.end()), picks.end());
  }
  for (const auto& [unit, line] : picks)
    if (auto r = row_of(s, unit, line, db, lang)) db.rows.push_back(std::move(*r));
  std::stable_sort(db.rows.begin(), db.rows.end(), [](const DashboardRow& a, const DashboardRow& b) { return a.overrun > b.overrun; });
  return db;
}

}  // namespace toteuma::web
