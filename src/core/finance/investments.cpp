#include "core/finance/investments.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/dataset.h"
#include "core/finance/ledger.h"

namespace toteuma {

std::optional<InvestmentKind> parse_investment_kind(const std::string& s) {
  if (s == "expenditure") return InvestmentKind::expenditure;
  if (s == "grants") return InvestmentKind::grants;
  if (s == "asset_sales") return InvestmentKind::asset_sales;
  return std::nullopt;
}

std::string to_string(InvestmentKind k) {
  switch (k) {
    case InvestmentKind::expenditure: return "expenditure";
    case InvestmentKind::grants: return "grants";
    case InvestmentKind::asset_sales: return "asset_sales";
  }
  return {};
}

void canonicalize(Investments& inv) {
  std::sort(inv.groups.begin(), inv.groups.end(), [](const ProjectGroup& a, const ProjectGroup& b) { return a.id < b.id; });
  std::sort(inv.projects.begin(), inv.projects.end(),
            [](const InvestmentProject& a, const InvestmentProject& b) { return std::tie(a.group, a.id) < std::tie(b.group, b.id); });
  std::sort(inv.figures.begin(), inv.figures.end(), [](const InvestmentFigure& a, const InvestmentFigure& b) {
    return std::tie(a.project, a.scenario, a.kind) < std::tie(b.project, b.scenario, b.kind);
  });
  std::sort(inv.carry_overs.begin(), inv.carry_overs.end(), [](const CarryOver& a, const CarryOver& b) {
    return std::tie(a.project, a.from_year) < std::tie(b.project, b.from_year);
  });
}

namespace {

const ProjectGroup* group_of(const Dataset& d, const InvestmentProject& p) {
  for (const auto& g : d.investments.groups)
    if (g.id == p.group) return &g;
  return nullptr;
}

// Sum of the project's figures in scenarios accepted by `take`.
template <class Pred>
InvestmentAmounts sum_where(const Dataset& d, const InvestmentProject& p, Pred take) {
  const ProjectGroup* g = group_of(d, p);
  InvestmentAmounts a;
  for (const auto& f : d.investments.figures) {
    if (f.project != p.id) continue;
    const Scenario* s = d.scenario(f.scenario);
    if (!s || !take(*s) || (g && !scenario_serves(d, *s, g->unit))) continue;
    if (f.kind == InvestmentKind::expenditure)
      a.expenditure = add_opt(a.expenditure, f.amount);
    else
      a.income = add_opt(a.income, f.amount);
  }
  return a;
}

InvestmentAmounts carried_in(const Dataset& d, const InvestmentProject& p, int year) {
  InvestmentAmounts a;
  for (const auto& c : d.investments.carry_overs)
    if (c.project == p.id && c.from_year + 1 == year) a.expenditure = add_opt(a.expenditure, c.amount);
  return a;
}

}  // namespace

std::optional<Cents> InvestmentAmounts::net() const { return add_opt(expenditure, income); }

InvestmentAmounts& InvestmentAmounts::operator+=(const InvestmentAmounts& o) {
  expenditure = add_opt(expenditure, o.expenditure);
  income = add_opt(income, o.income);
  return *this;
}

InvestmentAmounts project_amounts(const Dataset& d, const InvestmentProject& p, InvestmentMeasure m, int year,
                                  int base_year) {
  auto of = [&](ScenarioKind k) {
    return sum_where(d, p, [&](const Scenario& s) { return s.kind == k && s.year == year; });
  };
  switch (m) {
    case InvestmentMeasure::budget: return of(ScenarioKind::budget);
    case InvestmentMeasure::amendments: return of(ScenarioKind::amendment);
    case InvestmentMeasure::carried_in: return carried_in(d, p, year);
    case InvestmentMeasure::budget_after: {
      InvestmentAmounts a = of(ScenarioKind::budget);
      a += of(ScenarioKind::amendment);
      a += carried_in(d, p, year);
      return a;
    }
    case InvestmentMeasure::actual: return of(ScenarioKind::actual);
    case InvestmentMeasure::plan:
      return sum_where(d, p, [&](const Scenario& s) {
        return s.kind == ScenarioKind::plan && s.year == year && s.base_year == base_year;
      });
  }
  return {};
}

InvestmentAmounts actual_through(const Dataset& d, const InvestmentProject& p, int through_year) {
  return sum_where(d, p, [&](const Scenario& s) { return s.kind == ScenarioKind::actual && s.year <= through_year; });
}

BindingLevel binding_level(const Dataset& d, const InvestmentProject& p) {
  const ProjectGroup* g = group_of(d, p);
  if (g && g->binding) return BindingLevel::group;
  return p.binding ? BindingLevel::project : BindingLevel::none;
}

std::vector<const InvestmentProject*> projects_of(const Dataset& d, const std::string& group) {
  std::vector<const InvestmentProject*> out;
  for (const auto& p : d.investments.projects)
    if (p.group == group) out.push_back(&p);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->id < b->id; });
  return out;
}

std::vector<const ProjectGroup*> groups_of(const Dataset& d, const std::string& unit) {
  std::vector<const ProjectGroup*> out;
  for (const auto& g : d.investments.groups)
    if (g.unit == unit) out.push_back(&g);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->id < b->id; });
  return out;
}

InvestmentAmounts sum_amounts(const Dataset& d, const std::vector<const InvestmentProject*>& ps, InvestmentMeasure m,
                              int year, int base_year) {
  InvestmentAmounts a;
  for (const auto* p : ps) a += project_amounts(d, *p, m, year, base_year);
  return a;
}

std::optional<bool> overrun(const InvestmentAmounts& actual, const InvestmentAmounts& budget_after) {
  auto act = actual.net(), bud = budget_after.net();
  if (!act || !bud) return std::nullopt;
  return *act < *bud;
}

std::optional<bool> group_overrun(const Dataset& d, const ProjectGroup& g, int year) {
  auto ps = projects_of(d, g.id);
  return overrun(sum_amounts(d, ps, InvestmentMeasure::actual, year), sum_amounts(d, ps, InvestmentMeasure::budget_after, year));
}

std::optional<bool> project_overrun(const Dataset& d, const InvestmentProject& p, int year) {
  return overrun(project_amounts(d, p, InvestmentMeasure::actual, year),
                 project_amounts(d, p, InvestmentMeasure::budget_after, year));
}

std::string owning_unit(const Investments& inv, const std::string& project) {
  for (const auto& p : inv.projects)
    if (p.id == project)
      for (const auto& g : inv.groups)
        if (g.id == p.group) return g.unit;
  return "";
}

std::string amendment_decision(const Dataset& d, const InvestmentFigure& f) {
  if (!f.decision_ref.empty()) return f.decision_ref;
  const Scenario* s = d.scenario(f.scenario);
  return s ? s->decision_ref : "";
}

std::vector<Figure> investment_cash_flow_figures(const Dataset& d) {
  std::map<std::tuple<std::string, std::string, std::string>, Cents> sums;
  std::map<std::string, const ProjectGroup*> group_by_project;
  for (const auto& p : d.investments.projects)
    for (const auto& g : d.investments.groups)
      if (g.id == p.group) group_by_project[p.id] = &g;
  for (const auto& f : d.investments.figures) {
    auto g = group_by_project.find(f.project);
    if (g == group_by_project.end()) continue;
    const char* line = f.kind == InvestmentKind::expenditure ? kInvestmentExpenditureLine
                       : f.kind == InvestmentKind::grants    ? kInvestmentGrantsLine
                                                             : kAssetSalesLine;
    Cents& s = sums[{g->second->unit, line, f.scenario}];
    s = checked_add(s, f.amount);
  }
  std::vector<Figure> out;
  for (const auto& [k, amount] : sums) out.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), amount});
  return out;
}

}  // namespace toteuma
