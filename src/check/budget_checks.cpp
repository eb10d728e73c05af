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

// Each binding unit's spending plan against the budget in force there, per line (budget.spending_plan_sum).
void check_spending_plan(const Dataset& d, std::vector<Finding>& out) {
  for (int year : spending_plan_years(d.spending_plan)) {
    OrgView org(d.units, Date::first_of_year(year));
    for (const auto& x : spending_plan_differences(d, year)) {
      const UnitVersion* u = org.find(x.binding_unit);
      const Line* l = d.chart.find(x.line);
      Cents diff = checked_sub(x.planned, x.decided);
      Finding f;
      f.rule = "budget.spending_plan_sum";
      f.severity = Severity::error;
      f.where = {"", 0, d.municipality_of(x.binding_unit).id, x.binding_unit, x.line, "spending-plan", year};
      f.expected = x.decided;
      f.found = x.planned;
      auto cents = [](Cents c) { return format_euro_cents(c, " "); };
      f.fi = fmt::format("{}: käyttösuunnitelman {} {} on {}, talousarvio muutosten jälkeen {} (ero {})", u->name.fi, year, l->name.fi,
                         cents(x.planned), cents(x.decided), cents(diff));
      f.sv = fmt::format("{}: dispositionsplanens {} {} är {}, budgeten inkl. ändringar {} (skillnad {})", u->name.sv, year, l->name.sv,
                         cents(x.planned), cents(x.decided), cents(diff));
      f.en = fmt::format("{}: the spending plan's {} {} is {}, the budget after amendments {} (difference {})", x.binding_unit, year,
                         x.line, cents(x.planned), cents(x.decided), cents(diff));
      out.push_back(std::move(f));
    }
  }
}

Finding proposal_finding(const BudgetVersion& v, const std::string& unit, const std::string& rule,
                         const std::string& line) {
  Finding f;
  f.rule = rule;
  f.severity = Severity::warning;
  f.where = {"", 0, v.municipality, unit, line, v.id, v.year};
  return f;
}

}  // namespace

void check_budget_proposals(const Dataset& d, const Date& today, std::vector<Finding>& out) {
  for (const auto& v : d.budgeting.versions) {
    if (!has_unit_proposals(d, v) || !v.adopted.empty()) continue;
    OrgView org(d.units, Date::first_of_year(v.year));
    // A submitted proposal without the justifications the stage's rule asks for.
    if (justification_required(d, v))
      for (const auto& p : d.budgeting.proposals) {
        if (p.version != v.id || p.state != ProposalState::submitted || !org.find(p.unit)) continue;
        const UnitVersion* u = org.find(p.unit);
        for (const auto& line : unjustified_lines(d, v, p.unit)) {
          Finding f = proposal_finding(v, p.unit, "budget.missing_justification", line);
          const Line* l = d.chart.find(line);
          f.fi = fmt::format("{}: ehdotuksessa ({}) muutetulla rivillä {} ei ole perustelua", u->name.fi, v.name.fi, l->name.fi);
          f.sv = fmt::format("{}: i förslaget ({}) saknar den ändrade raden {} motivering", u->name.sv, v.name.sv, l->name.sv);
          f.en = fmt::format("{}: the proposal ({}) changed {} without a justification", p.unit, v.id, line);
          out.push_back(std::move(f));
        }
      }
    // Not submitted by the deadline: every binding unit of the municipality and any unit with a proposal.
    auto deadline = proposal_deadline(d, v);
    if (!deadline || !(today > *deadline)) continue;
    std::set<std::string> units;
    Municipalities municipality(d);
    for (const auto& [u, depth] : org.tree())
      if (!u->binding_line.empty() && municipality.of(u->id).id == v.municipality) units.insert(u->id);
    for (const auto& p : d.budgeting.proposals)
      if (p.version == v.id && org.find(p.unit)) units.insert(p.unit);
    for (const auto& unit : units) {
      if (!proposal_overdue(d, v, unit, today)) continue;
      const UnitVersion* u = org.find(unit);
      Finding f = proposal_finding(v, unit, "budget.proposal_overdue", "");
      f.expected_text = to_iso(*deadline);
      f.found_text = to_string(proposal_of(d, v.id, unit).state);
      f.fi = fmt::format("{}: ehdotusta ({}) ei ole jätetty määräaikaan {} mennessä", u->name.fi, v.name.fi, to_display(*deadline));
      f.sv = fmt::format("{}: förslaget ({}) har inte lämnats in inom tidsfristen {}", u->name.sv, v.name.sv, to_display(*deadline));
      f.en = fmt::format("{}: the proposal ({}) was not submitted by its deadline {}", unit, v.id, to_iso(*deadline));
      out.push_back(std::move(f));
    }
  }
}

void check_budgeting(const Dataset& d, std::vector<Finding>& out) {
  check_spending_plan(d, out);
  check_budget_proposals(d, today(), out);
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
