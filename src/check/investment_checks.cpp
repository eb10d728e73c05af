#include "check/investment_checks.h"

#include <fmt/format.h>

#include <set>

#include "core/format.h"

namespace toteuma {

namespace {

std::string eur(Cents c) { return format_euros(c, " "); }

void report_overrun(const Dataset& d, const std::string& unit, const std::string& id, const Text& name, int year,
             const std::vector<const InvestmentProject*>& ps, std::vector<Finding>& out) {
  InvestmentAmounts act = sum_amounts(d, ps, InvestmentMeasure::actual, year);
  InvestmentAmounts bud = sum_amounts(d, ps, InvestmentMeasure::budget_after, year);
  if (overrun(act, bud) != true) return;
  Finding f;
  f.rule = "investments.overrun";
  f.severity = Severity::warning;  // as the operating part's binding.overrun
  f.where = {"", 0, d.municipality_of(unit).id, unit, id, std::to_string(year), year};
  f.expected = bud.net();
  f.found = act.net();
  f.fi = fmt::format("{}: sitova investointimääräraha ylittyi vuonna {}: toteuma netto {}, talousarvio muutosten ja siirtojen jälkeen {}",
                     name.fi, year, eur(*act.net()), eur(*bud.net()));
  f.sv = fmt::format("{}: det bindande investeringsanslaget överskreds {}: utfall netto {}, budget inkl. ändringar och reservationer {}",
                     name.sv, year, eur(*act.net()), eur(*bud.net()));
  f.en = fmt::format("{}: binding investment appropriation overrun in {}: actual net {}, budget after amendments and carry-overs {}",
                     id, year, eur(*act.net()), eur(*bud.net()));
  out.push_back(std::move(f));
}

}  // namespace

void check_investments(const Dataset& d, std::vector<Finding>& out) {
  std::set<int> years;
  for (const auto& s : d.scenarios)
    if (s.kind == ScenarioKind::actual) years.insert(s.year);
  for (const auto& g : d.investments.groups) {
    auto ps = projects_of(d, g.id);
    for (int y : years) {
      if (g.binding) report_overrun(d, g.unit, g.id, g.name, y, ps, out);
      for (const auto* p : ps)
        if (binding_level(d, *p) == BindingLevel::project) report_overrun(d, g.unit, p->id, p->name, y, {p}, out);
    }
  }
  for (const auto& x : d.investments.figures) {
    const Scenario* s = d.scenario(x.scenario);
    if (!s || s->kind != ScenarioKind::amendment || !amendment_decision(d, x).empty()) continue;
    Finding f;
    f.rule = "investments.amendment_without_decision";
    f.severity = Severity::error;
    std::string unit = owning_unit(d.investments, x.project);
    f.where = {"", 0, d.municipality_of(unit).id, unit, x.project, s->id, s->year};
    f.fi = fmt::format("Investointihankkeen {} muutokselta ({}) puuttuu valtuuston päätöksen viite", x.project, s->id);
    f.sv = fmt::format("Ändringen ({}) av investeringsprojektet {} saknar hänvisning till fullmäktiges beslut", s->id, x.project);
    f.en = fmt::format("The amendment ({}) of investment project {} lacks a council decision reference", s->id, x.project);
    out.push_back(std::move(f));
  }
  for (const auto& c : d.investments.carry_overs) {
    if (!c.decision_ref.empty()) continue;
    Finding f;
    f.rule = "investments.carry_over_without_decision";
    f.severity = Severity::error;
    std::string unit = owning_unit(d.investments, c.project);
    f.where = {"", 0, d.municipality_of(unit).id, unit, c.project, std::to_string(c.from_year), c.from_year};
    f.fi = fmt::format("Hankkeen {} siirtomäärärahalta vuodelta {} puuttuu päätöksen viite", c.project, c.from_year);
    f.sv = fmt::format("Reservationen från {} för projektet {} saknar beslutshänvisning", c.from_year, c.project);
    f.en = fmt::format("The carry-over of project {} from {} lacks a decision reference", c.project, c.from_year);
    out.push_back(std::move(f));
  }
}

}  // namespace toteuma
