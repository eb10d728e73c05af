#include "core/ledger.h"

namespace toteuma {

std::optional<Cents> add_opt(std::optional<Cents> a, std::optional<Cents> b) {
  if (!a && !b) return std::nullopt;
  return a.value_or(0) + b.value_or(0);
}

Ledger::Ledger(const Dataset& d) : d_(d) {
  for (const auto& f : d.figures) figures_[{f.unit, f.line, f.scenario}] = f.amount;
}

std::optional<Cents> Ledger::entered(const std::string& unit, const std::string& line,
                                     const std::string& sc) const {
  auto it = figures_.find({unit, line, sc});
  if (it == figures_.end()) return std::nullopt;
  return it->second;
}

bool Ledger::has_own(const std::string& unit, const std::string& line,
                     const std::string& sc) const {
  if (entered(unit, line, sc)) return true;
  const Line* l = d_.chart.find(line);
  if (!l) return false;
  for (const auto& t : l->formula)
    if (has_own(unit, t.line, sc)) return true;
  return false;
}

std::optional<Cents> Ledger::value(const OrgView& org, const std::string& unit,
                                   const std::string& line, const std::string& sc) const {
  if (has_own(unit, line, sc)) {
    const Line* l = d_.chart.find(line);
    bool parts_own = false;
    if (l)
      for (const auto& t : l->formula) parts_own = parts_own || has_own(unit, t.line, sc);
    if (!parts_own) return entered(unit, line, sc);
    std::optional<Cents> sum;
    for (const auto& t : l->formula) {
      auto v = value(org, unit, t.line, sc);
      if (v) sum = sum.value_or(0) + t.sign * *v;
    }
    return sum;
  }
  return children_sum(org, unit, line, sc).first;
}

std::pair<std::optional<Cents>, int> Ledger::children_sum(const OrgView& org, const std::string& unit,
                                                          const std::string& line, const std::string& sc) const {
  std::optional<Cents> sum;
  int n = 0;
  for (const UnitVersion* c : org.children(unit)) {
    auto v = value(org, c->id, line, sc);
    if (!v) continue;
    sum = sum.value_or(0) + *v;
    ++n;
  }
  return {sum, n};
}

std::vector<std::string> Ledger::scenarios_of(ScenarioKind k, int year, int base_year) const {
  std::vector<std::string> out;
  for (const auto& s : d_.scenarios)
    if (s.kind == k && s.year == year && (k != ScenarioKind::plan || s.base_year == base_year))
      out.push_back(s.id);
  return out;
}

std::optional<Cents> Ledger::sum_scenarios(const OrgView& org, const std::string& unit,
                                           const std::string& line, ScenarioKind k, int year,
                                           int base_year) const {
  std::optional<Cents> sum;
  for (const auto& id : scenarios_of(k, year, base_year))
    sum = add_opt(sum, value(org, unit, line, id));
  return sum;
}

std::optional<Cents> Ledger::measure(const OrgView& org, const std::string& unit,
                                     const std::string& line, const ColumnSpec& c) const {
  switch (c.measure) {
    case Measure::budget: return sum_scenarios(org, unit, line, ScenarioKind::budget, c.year);
    case Measure::amendments:
      return sum_scenarios(org, unit, line, ScenarioKind::amendment, c.year);
    case Measure::budget_after:
      return add_opt(sum_scenarios(org, unit, line, ScenarioKind::budget, c.year),
                     sum_scenarios(org, unit, line, ScenarioKind::amendment, c.year));
    case Measure::actual: return sum_scenarios(org, unit, line, ScenarioKind::actual, c.year);
    case Measure::forecast: return sum_scenarios(org, unit, line, ScenarioKind::forecast, c.year);
    case Measure::plan:
      return sum_scenarios(org, unit, line, ScenarioKind::plan, c.year, c.base_year);
    case Measure::deviation: {
      auto act = measure(org, unit, line, {Measure::actual, c.year, 0});
      auto bud = measure(org, unit, line, {Measure::budget_after, c.year, 0});
      if (!act && !bud) return std::nullopt;
      return act.value_or(0) - bud.value_or(0);
    }
  }
  return std::nullopt;
}

std::optional<std::int64_t> Ledger::realisation_permille(const OrgView& org,
                                                         const std::string& unit,
                                                         const std::string& line, int year) const {
  auto act = measure(org, unit, line, {Measure::actual, year, 0});
  auto bud = measure(org, unit, line, {Measure::budget_after, year, 0});
  if (!act || !bud) return std::nullopt;
  return ratio_permille(*act, *bud);
}

std::optional<bool> Ledger::overrun(const OrgView& org, const std::string& unit, int year) const {
  const UnitVersion* u = org.find(unit);
  if (!u || u->binding_line.empty()) return std::nullopt;
  auto act = measure(org, unit, u->binding_line, {Measure::actual, year, 0});
  auto bud = measure(org, unit, u->binding_line, {Measure::budget_after, year, 0});
  if (!act || !bud) return std::nullopt;
  return *act < *bud;
}

bool Ledger::column_has_data(const OrgView& org, const std::string& unit,
                             const ColumnSpec& col) const {
  for (const Line& l : d_.chart.lines())
    if (measure(org, unit, l.id, col)) return true;
  return false;
}

}  // namespace toteuma
