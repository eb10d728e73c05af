#include "core/finance/ledger.h"

namespace toteuma {

std::optional<Cents> add_opt(std::optional<Cents> a, std::optional<Cents> b) {
  if (!a && !b) return std::nullopt;
  return checked_add(a.value_or(0), b.value_or(0));
}

Ledger::Ledger(const Dataset& d) : d_(d) {
  for (const auto& f : d.figures) {
    figures_[{f.unit, f.line, f.scenario}] = f.amount;
    holders_.insert({f.unit, f.scenario});
  }
  // The financing part's investment lines are the investment part's sums (figures.csv refuses
  // them), on a chart that has them.
  for (const auto& f : investment_cash_flow_figures(d)) {
    if (!d.chart.find(f.line)) continue;
    figures_[{f.unit, f.line, f.scenario}] = f.amount;
    holders_.insert({f.unit, f.scenario});
  }
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
      if (v) sum = signed_add(sum.value_or(0), t.sign, *v);
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
    sum = checked_add(sum.value_or(0), *v);
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
    case Measure::budget_after: {
      auto budget = sum_scenarios(org, unit, line, ScenarioKind::budget, c.year);
      auto amended = sum_scenarios(org, unit, line, ScenarioKind::amendment, c.year);
      if (!budget && amended && budget_sits_above(org, unit, line, c.year)) return std::nullopt;
      return add_opt(budget, amended);
    }
    case Measure::actual: return sum_scenarios(org, unit, line, ScenarioKind::actual, c.year);
    case Measure::forecast: return sum_scenarios(org, unit, line, ScenarioKind::forecast, c.year);
    case Measure::plan:
      return sum_scenarios(org, unit, line, ScenarioKind::plan, c.year, c.base_year);
    case Measure::deviation:
      return difference_from_budget(org, unit, line, c.year, measure(org, unit, line, {Measure::actual, c.year, 0}),
                                    holds_any(org, unit, ScenarioKind::actual, c.year));

  }
  return std::nullopt;
}

// True when the original budget of `line` is given for a total above it rather than for its
// parts (e.g. an amendment of wages where the budget was set for personnel costs as a whole):
// the line then has no budget of its own, and no budget after amendments either.
bool Ledger::budget_sits_above(const OrgView& org, const std::string& unit, const std::string& line, int year) const {
  for (const Line* t = d_.chart.parent_total(line); t; t = d_.chart.parent_total(t->id)) {
    if (!sum_scenarios(org, unit, t->id, ScenarioKind::budget, year)) continue;
    for (const auto& part : t->formula)
      if (sum_scenarios(org, unit, part.line, ScenarioKind::budget, year)) return false;  // built from parts
    return true;
  }
  return false;
}

bool Ledger::holds_any(const OrgView& org, const std::string& unit, ScenarioKind k, int year, int depth) const {
  for (const auto& id : scenarios_of(k, year))
    if (holders_.count({unit, id})) return true;
  if (depth < 64)
    for (const UnitVersion* c : org.children(unit))
      if (holds_any(org, c->id, k, year, depth + 1)) return true;
  return false;
}

std::optional<Cents> Ledger::difference_from_budget(const OrgView& org, const std::string& unit, const std::string& line,
                                                    int year, std::optional<Cents> value, bool value_column) const {
  auto bud = measure(org, unit, line, {Measure::budget_after, year, 0});
  if (!value && !bud) return std::nullopt;
  // A base absent from the whole column (no actual of the year yet: Heinola's 2024 report
  // printed +33 316 000 beside an empty TP) gives no difference; a line left blank inside an
  // existing column is a zero. A line whose budget sits on a total above it has none of its own.
  if (!value && !value_column) return std::nullopt;
  if (!bud && (!(holds_any(org, unit, ScenarioKind::budget, year) || holds_any(org, unit, ScenarioKind::amendment, year)) ||
               budget_sits_above(org, unit, line, year)))
    return std::nullopt;
  return checked_sub(value.value_or(0), bud.value_or(0));
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
