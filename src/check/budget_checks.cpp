#include "check/budget_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "check/dataset_checks.h"
#include "core/finance/ledger.h"
#include "core/format.h"

namespace toteuma {

namespace {

std::string eur(Cents c) { return format_euros(c, " "); }

// The dataset's own hierarchy rule over one version's figures, reported as the version's: once,
// on the deepest line that differs (a total above it differs only because its part does).
void check_parts(const Dataset& d, const BudgetVersion& v, std::vector<Finding>& out) {
  std::vector<Finding> found;
  for (Finding f : check_dataset(version_dataset(d, v)))
    if (f.rule == "hierarchy.children_sum") found.push_back(std::move(f));
  auto below = [&](const Finding& total, const Finding& part) {
    if (&total == &part || total.where.unit != part.where.unit || total.where.year != part.where.year) return false;
    for (const Line* l = d.chart.parent_total(part.where.row); l; l = d.chart.parent_total(l->id))
      if (l->id == total.where.row) return true;
    return false;
  };
  for (const Finding& f : found) {
    if (std::any_of(found.begin(), found.end(), [&](const Finding& p) { return below(f, p); })) continue;
    Finding x = f;
    x.rule = "budget.version_parts";
    x.where.column = v.id;
    out.push_back(std::move(x));
  }
}

// Each later version of the round against the frame, on every (unit, line, year) the frame sets.
void check_frame(const Dataset& d, const BudgetVersion& frame, const std::vector<const BudgetVersion*>& round,
                 std::vector<Finding>& out) {
  for (const BudgetVersion* v : round) {
    if (v->stage == kFrameStage || !v->adopted.empty()) continue;
    Dataset vd = version_dataset(d, *v);
    Ledger ledger(vd);
    for (const auto& f : d.budgeting.figures) {
      if (f.version != frame.id) continue;
      OrgView org(d.units, Date::first_of_year(f.year));
      if (!org.find(f.unit)) continue;
      ColumnSpec col{f.year == v->year ? Measure::budget : Measure::plan, f.year, f.year == v->year ? 0 : v->year};
      auto value = ledger.measure(org, f.unit, f.line, col);
      if (!value || *value >= f.amount) continue;  // income positive, costs negative: lower is worse
      const Line* l = d.chart.find(f.line);
      const UnitVersion* u = org.find(f.unit);
      Finding x;
      x.rule = "budget.over_frame";
      x.severity = Severity::warning;
      x.where = {"", 0, d.municipality_of(f.unit).id, f.unit, f.line, v->id, f.year};
      x.expected = f.amount;
      x.found = *value;
      std::string over = eur(f.amount - *value);
      x.fi = fmt::format("{}: {} {} ({}) on {}, raami {} (ylittää {})", u->name.fi, l->name.fi, f.year, v->name.fi, eur(*value),
                         eur(f.amount), over);
      x.sv = fmt::format("{}: {} {} ({}) är {}, ramen {} (överskrids med {})", u->name.sv, l->name.sv, f.year, v->name.sv, eur(*value),
                         eur(f.amount), over);
      x.en = fmt::format("{}: {} {} ({}) is {}, the frame {} (over by {})", f.unit, f.line, f.year, v->id, eur(*value), eur(f.amount), over);
      out.push_back(std::move(x));
    }
  }
}

}  // namespace

void check_budgeting(const Dataset& d, std::vector<Finding>& out) {
  std::set<int> years;
  for (const auto& v : d.budgeting.versions) years.insert(v.year);
  for (int y : years) {
    auto round = versions_of(d, y);
    for (const BudgetVersion* v : round) {
      check_parts(d, *v, out);
      if (v->stage == kFrameStage) check_frame(d, *v, round, out);
    }
  }
}

}  // namespace toteuma
