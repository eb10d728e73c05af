#include "core/finance/investment_table.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "core/finance/investments.h"
#include "core/finance/ledger.h"
#include "core/i18n.h"

namespace toteuma {

namespace {

using Cell = std::optional<std::int64_t>;


// One column's amounts for a project (the cost-estimate and later-years columns are derived).
enum class Col { estimate, actual_prev2, budget_after_prev, budget, amendments, carried_in, budget_after, actual, plan1, plan2, deviation, realisation, later };

std::optional<Cents> sub(std::optional<Cents> a, std::optional<Cents> b) {
  if (!a || !b) return std::nullopt;
  return checked_sub(*a, *b);
}

// actual / budget in hundredths of a percent (the realisation, rounded to tenths as elsewhere).
Cell percent(std::optional<Cents> actual, std::optional<Cents> budget) {
  if (!actual || !budget) return std::nullopt;
  auto permille = ratio_permille(*actual, *budget);
  return permille ? std::optional<std::int64_t>(*permille * 10) : std::nullopt;
}

struct Builder {
  const Dataset& d;
  int year;
  TableKind layout;
  Lang lang;
  std::vector<Col> cols;

  InvestmentAmounts at(const InvestmentProject& p, Col c) const {
    switch (c) {
      case Col::actual_prev2: return project_amounts(d, p, InvestmentMeasure::actual, year - 2);
      case Col::budget_after_prev: return project_amounts(d, p, InvestmentMeasure::budget_after, year - 1);
      case Col::budget: return project_amounts(d, p, InvestmentMeasure::budget, year);
      case Col::amendments: return project_amounts(d, p, InvestmentMeasure::amendments, year);
      case Col::carried_in: return project_amounts(d, p, InvestmentMeasure::carried_in, year);
      case Col::budget_after: return project_amounts(d, p, InvestmentMeasure::budget_after, year);
      case Col::actual: return project_amounts(d, p, InvestmentMeasure::actual, year);
      case Col::plan1: return project_amounts(d, p, InvestmentMeasure::plan, year + 1, year);
      case Col::plan2: return project_amounts(d, p, InvestmentMeasure::plan, year + 2, year);
      case Col::estimate:
        return {p.cost_estimate ? std::optional<Cents>(-*p.cost_estimate) : std::nullopt, std::nullopt};
      case Col::later: {
        // The estimate less what is spent (actuals through Y−2) and budgeted or planned up to Y+2.
        if (!p.cost_estimate) return {};
        InvestmentAmounts so_far = actual_through(d, p, year - 2);
        for (Col k : {Col::budget_after_prev, Col::budget, Col::plan1, Col::plan2}) so_far += at(p, k);
        return {checked_sub(-*p.cost_estimate, so_far.expenditure.value_or(0)), std::nullopt};
      }
      case Col::deviation:
      case Col::realisation: return {};
    }
    return {};
  }

  // The amounts of a project or group in every column (deviation and % derived per row later).
  std::vector<InvestmentAmounts> amounts(const std::vector<const InvestmentProject*>& ps) const {
    std::vector<InvestmentAmounts> out(cols.size());
    for (std::size_t i = 0; i < cols.size(); ++i)
      for (const auto* p : ps) out[i] += at(*p, cols[i]);
    return out;
  }

  void add_rows(SimpleTable& t, const std::vector<InvestmentAmounts>& a, int level) const {
    for (int which = 0; which < 3; ++which) {
      SimpleRow r;
      r.label = tr(which == 0 ? "inv.row.expenditure" : which == 1 ? "inv.row.income" : "inv.row.net", lang);
      r.level = level;
      r.total = which == 2;
      auto pick = [&](const InvestmentAmounts& x) { return which == 0 ? x.expenditure : which == 1 ? x.income : x.net(); };
      std::optional<Cents> bud, act;
      bool both_columns = true;  // the project or group has a budget and an actual at all
      for (std::size_t i = 0; i < cols.size(); ++i) {
        if (cols[i] == Col::budget_after) bud = pick(a[i]), both_columns = both_columns && a[i].net();
        if (cols[i] == Col::actual) act = pick(a[i]), both_columns = both_columns && a[i].net();
      }
      for (std::size_t i = 0; i < cols.size(); ++i) {
        // As in the operating part: a row blank inside existing columns counts as zero.
        if (cols[i] == Col::deviation)
          r.cells.push_back(both_columns && (act || bud) ? sub(add_opt(act, 0), add_opt(bud, 0)) : std::nullopt);
        else if (cols[i] == Col::realisation) r.cells.push_back(percent(act, bud));
        // The estimate and the later years are of expenditure.
        else if ((cols[i] == Col::estimate || cols[i] == Col::later) && which != 0) r.cells.push_back(std::nullopt);
        else r.cells.push_back(pick(a[i]));
      }
      t.rows.push_back(std::move(r));
    }
  }

  void heading(SimpleTable& t, std::string label, int level) const {
    SimpleRow r;
    r.label = std::move(label);
    r.level = level;
    r.cells.assign(cols.size(), std::nullopt);
    t.rows.push_back(std::move(r));
  }
};

SimpleTable fill(const Builder& b, SimpleTable t, const std::string& unit, bool annual);

}  // namespace

SimpleTable investment_table(const Dataset& d, const std::string& unit, int year, TableKind layout, Lang lang) {
  Builder b{d, year, layout, lang, {}};
  SimpleTable t;
  t.decimals = 2;
  t.shown_decimals = 0;
  t.label_heading = tr("inv.col.project", lang);
  if (layout == TableKind::annual_report) {
    t.title = trf("inv.title.annual_report", lang, year);
    b.cols = {Col::budget, Col::amendments, Col::carried_in, Col::budget_after, Col::actual, Col::deviation, Col::realisation};
    t.headings = {trf("col.budget", lang, year), tr("col.amendments", lang), tr("inv.col.carried_in", lang),
                  trf("inv.col.budget_after", lang, year), trf("col.actual", lang, year), tr("col.deviation", lang),
                  tr("col.realisation", lang)};
    t.column_shown_decimals.assign(b.cols.size(), -1);
    t.column_shown_decimals.back() = 1;
  } else {
    t.title = fmt::format(fmt::runtime(tr("inv.title.budget", lang)), year, year + 1, year + 2);
    b.cols = {Col::estimate, Col::actual_prev2, Col::budget_after_prev, Col::budget, Col::plan1, Col::plan2, Col::later};
    t.headings = {tr("inv.col.cost_estimate", lang), trf("col.actual", lang, year - 2),
                  trf("inv.col.budget_after", lang, year - 1), trf("col.budget", lang, year),
                  trf("col.plan", lang, year + 1), trf("col.plan", lang, year + 2), tr("inv.col.later", lang)};
  }
  return fill(b, std::move(t), unit, layout == TableKind::annual_report);
}

namespace {

// The rows of the table for `unit` in the columns `b` has; overruns marked when `annual`.
SimpleTable fill(const Builder& b, SimpleTable t, const std::string& unit, bool annual) {
  const Dataset& d = b.d;
  const Lang lang = b.lang;
  const int year = b.year;
  bool any_binding = false, any_overrun = false;
  auto marks = [&](bool binding, std::optional<bool> overrun) {
    std::string m;
    if (binding) m += " *", any_binding = true;
    if (binding && annual && overrun == true) m += " !", any_overrun = true;
    return m;
  };
  std::vector<const InvestmentProject*> all;
  for (const ProjectGroup* g : groups_of(d, unit)) {
    auto ps = projects_of(d, g->id);
    b.heading(t, g->name.in(lang) + marks(g->binding, group_overrun(d, *g, year)), 0);
    for (const auto* p : ps) {
      auto a = b.amounts({p});
      bool any = false;  // a project without any figure in the table's columns is left out
      for (const auto& x : a) any = any || x.net();
      if (!any) continue;
      bool binds = binding_level(d, *p) == BindingLevel::project;
      b.heading(t, p->name.in(lang) + marks(binds, project_overrun(d, *p, year)), 1);
      b.add_rows(t, a, 2);
    }
    b.heading(t, fmt::format(fmt::runtime(tr("inv.row.group_total", lang)), g->name.in(lang)), 1);
    b.add_rows(t, b.amounts(ps), 2);
    all.insert(all.end(), ps.begin(), ps.end());
  }
  if (t.rows.empty()) return t;
  b.heading(t, tr("inv.row.part_total", lang), 0);
  b.add_rows(t, b.amounts(all), 1);
  auto legend = [&](const char* key) {
    SimpleRow r;
    r.label = tr(key, lang);
    r.note = true;
    r.cells.assign(b.cols.size(), std::nullopt);
    t.rows.push_back(std::move(r));
  };
  if (any_binding) legend("inv.legend.binding");
  if (any_overrun) legend("inv.legend.overrun");
  return t;
}

}  // namespace

SimpleTable investment_follow_up_table(const Dataset& d, const std::vector<MonthlyInvestmentActual>& actuals,
                                       const std::string& unit, int year, int month, Lang lang) {
  // The dataset with the year's actual replaced by the ledger's months 1..month, so the
  // annual-report columns read the actual to date.
  Dataset a = d;
  std::set<std::string> year_actuals;
  for (const auto& s : a.scenarios)
    if (s.kind == ScenarioKind::actual && s.year == year) year_actuals.insert(s.id);
  std::erase_if(a.investments.figures, [&](const InvestmentFigure& f) { return year_actuals.count(f.scenario) > 0; });
  Scenario to_date;
  to_date.id = "#to-date";  // '#' keeps it apart from any dataset id
  to_date.kind = ScenarioKind::actual;
  to_date.year = year;
  to_date.municipality = "";
  a.scenarios.push_back(to_date);
  std::map<std::pair<std::string, InvestmentKind>, Cents> sums;
  for (const auto& m : actuals)
    if (m.year == year && m.month <= month) {
      Cents& c = sums[{m.project, m.kind}];
      c = checked_add(c, m.amount);
    }
  for (const auto& [key, amount] : sums) a.investments.figures.push_back({key.first, to_date.id, key.second, amount, ""});

  Builder b{a, year, TableKind::annual_report, lang, {Col::budget_after, Col::actual, Col::deviation, Col::realisation}};
  SimpleTable t;
  t.decimals = 2;
  t.shown_decimals = 0;
  t.label_heading = tr("inv.col.project", lang);
  t.title = fmt::format(fmt::runtime(tr("inv.title.follow_up", lang)), month, year);
  t.headings = {trf("inv.col.budget_after", lang, year), trf("followup.col.to_date", lang, month, year),
                tr("inv.col.remaining", lang), fmt::format(fmt::runtime(tr("followup.col.realisation", lang)), month)};
  t.column_shown_decimals = {-1, -1, -1, 1};
  return fill(b, std::move(t), unit, true);
}

}  // namespace toteuma
