#include "core/finance/spending_plan.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

#include "core/dataset.h"
#include "core/finance/ledger.h"

namespace toteuma {

namespace {
// Computed scenario of the plan's rows; '#' keeps it apart from any dataset id.
constexpr const char* kPlan = "#spending-plan";
}  // namespace

void canonicalize(std::vector<SpendingPlanRow>& rows) {
  std::sort(rows.begin(), rows.end(), [](const SpendingPlanRow& a, const SpendingPlanRow& b) {
    return std::tie(a.year, a.unit, a.line) < std::tie(b.year, b.unit, b.line);
  });
}

const UnitVersion* binding_unit_of(const OrgView& org, const std::string& unit) {
  const UnitVersion* u = org.find(unit);
  for (int depth = 0; u && depth < 64; ++depth) {
    if (!u->binding_line.empty()) return u;
    u = u->parent.empty() ? nullptr : org.find(u->parent);
  }
  return nullptr;
}

Cents months_difference(const SpendingPlanRow& r) {
  if (!r.months) return 0;
  Cents sum = 0;
  for (Cents m : *r.months) sum = checked_add(sum, m);
  return checked_sub(sum, r.amount);
}

bool months_follow_sign(const SpendingPlanRow& r) {
  if (!r.months) return true;
  return std::all_of(r.months->begin(), r.months->end(), [&](Cents m) { return m == 0 || (m < 0) == (r.amount < 0); });
}

Cents planned_to_date(const SpendingPlanRow& r, int month, const Phasing* otherwise) {
  month = std::clamp(month, 0, 12);
  if (r.months) {
    Cents sum = 0;
    for (int m = 0; m < month; ++m) sum = checked_add(sum, (*r.months)[static_cast<std::size_t>(m)]);
    return sum;
  }
  return phased_share(r.amount, month, otherwise);
}

std::vector<std::string> planned_binding_units(const std::vector<SpendingPlanRow>& plan, const std::vector<UnitVersion>& units,
                                               int year) {
  OrgView org(units, Date::first_of_year(year));
  std::set<std::string> out;
  for (const auto& r : plan)
    if (r.year == year)
      if (const UnitVersion* b = binding_unit_of(org, r.unit)) out.insert(b->id);
  return {out.begin(), out.end()};
}

std::vector<Phasing> phasing_in_force(const std::vector<Phasing>& phasing, const std::vector<SpendingPlanRow>& plan,
                                      const std::vector<UnitVersion>& units, int year) {
  auto covered = planned_binding_units(plan, units, year);
  if (covered.empty()) return phasing;
  OrgView org(units, Date::first_of_year(year));
  auto in_plan = [&](const std::string& unit) {
    const UnitVersion* b = binding_unit_of(org, unit);
    return b && std::binary_search(covered.begin(), covered.end(), b->id);
  };
  std::vector<Phasing> out;
  for (const auto& p : phasing)
    if (p.year != year || !in_plan(p.unit)) out.push_back(p);
  for (const auto& r : plan) {
    if (r.year != year || !r.months || !months_follow_sign(r)) continue;
    Phasing p{r.unit, r.line, year, {}};
    std::int64_t sum = 0;
    for (std::size_t m = 0; m < 12; ++m) {
      Cents c = (*r.months)[m];
      p.weights[m] = c < 0 ? -c : c;
      sum += p.weights[m] > 0 ? 1 : 0;
    }
    if (sum > 0) out.push_back(std::move(p));
  }
  return out;
}

namespace {

// Per binding unit and line of the operating part both hold: the plan rolled up against the decision.
std::vector<SpendingPlanDifference> plan_against_decision(const Dataset& d, int year, const std::vector<std::string>& binding) {
  std::vector<SpendingPlanDifference> out;
  if (binding.empty()) return out;
  // The plan as a dataset of its own, so the Ledger rolls its rows up to the binding unit as any figure.
  Dataset pd;
  pd.municipalities = d.municipalities;
  pd.units = d.units;
  pd.chart = d.chart;
  pd.scenarios.push_back({kPlan, ScenarioKind::budget, year, std::nullopt, {}, "", std::nullopt});
  for (const auto& r : d.spending_plan)
    if (r.year == year) pd.figures.push_back({r.unit, r.line, kPlan, r.amount});
  Ledger plan(pd), decision(d);
  OrgView org(d.units, Date::first_of_year(year));
  for (const std::string& b : binding)
    for (const Line& l : d.chart.lines()) {
      if (!l.in(Part::operating)) continue;
      auto planned = plan.value(org, b, l.id, kPlan);
      auto decided = decision.measure(org, b, l.id, {Measure::budget_after, year, 0});
      if (planned && decided) out.push_back({b, l.id, year, *decided, *planned});
    }
  return out;
}

}  // namespace

std::vector<SpendingPlanDifference> spending_plan_differences(const Dataset& d, int year) {
  std::vector<SpendingPlanDifference> out;
  std::map<std::string, std::map<std::string, SpendingPlanDifference>> differ;  // binding unit -> line
  for (const auto& s : plan_against_decision(d, year, planned_binding_units(d.spending_plan, d.units, year)))
    if (s.planned != s.decided) differ[s.binding_unit][s.line] = s;
  for (const auto& [unit, lines] : differ)
    for (const auto& [line, diff] : lines) {
      bool deeper = std::any_of(lines.begin(), lines.end(),
                                [&](const auto& other) { return other.first != line && is_part_of(d.chart, other.first, line); });
      if (!deeper) out.push_back(diff);
    }
  return out;
}

std::vector<SpendingPlanDifference> spending_plan_sums(const Dataset& d, int year, const std::string& binding) {
  return plan_against_decision(d, year, {binding});
}

std::string encode_plan_value(const SpendingPlanRow& r) {
  std::string s = std::to_string(r.amount);
  if (r.months)
    for (Cents m : *r.months) s += ";" + std::to_string(m);
  return s;
}

std::optional<SpendingPlanRow> decode_plan_value(const std::string& v) {
  std::vector<Cents> f;
  std::size_t at = 0;
  for (;;) {
    auto semi = v.find(';', at);
    std::string_view part(v.data() + at, (semi == std::string::npos ? v.size() : semi) - at);
    Cents c = 0;
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), c);
    if (part.empty() || ec != std::errc() || p != part.data() + part.size()) return std::nullopt;
    f.push_back(c);
    if (semi == std::string::npos) break;
    at = semi + 1;
  }
  if (f.size() != 1 && f.size() != 13) return std::nullopt;
  SpendingPlanRow r;
  r.amount = f[0];
  if (f.size() == 13) {
    std::array<Cents, 12> months{};
    std::copy(f.begin() + 1, f.end(), months.begin());
    r.months = months;
  }
  return r;
}

PlanCoverage coverage_of(const Dataset& d, const std::vector<SpendingPlanRow>& file) {
  PlanCoverage c;
  for (const auto& r : file)
    if (const UnitVersion* b = binding_unit_of(OrgView(d.units, Date::first_of_year(r.year)), r.unit)) c.covered.insert({r.year, b->id});
  return c;
}

bool PlanCoverage::replaces(const Dataset& d, const SpendingPlanRow& stored) const {
  const UnitVersion* b = binding_unit_of(OrgView(d.units, Date::first_of_year(stored.year)), stored.unit);
  return b && covered.count({stored.year, b->id});
}

std::vector<int> spending_plan_years(const std::vector<SpendingPlanRow>& plan) {
  std::set<int> years;
  for (const auto& r : plan) years.insert(r.year);
  return {years.begin(), years.end()};
}

}  // namespace toteuma
