#include "ingest/investment_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "ingest/fields.h"

namespace toteuma {

using namespace fields;
namespace fs = std::filesystem;

namespace {

bool need_yes_no(const CsvTable& t, const CsvRecord& r, const std::string& col) {
  const std::string& v = t.get(r, col);
  if (v == "yes") return true;
  if (v == "no" || v.empty()) return false;
  t.fail(r, col, m3(fmt::format("expected yes, no or nothing, found \"{}\"", v), "odotettiin yes, no tai tyhjää",
                    "yes, no eller tomt förväntades"));
}

Text need_names(const CsvTable& t, const CsvRecord& r, const Dataset& d, const std::string& unit) {
  Text x{t.get(r, "name_fi"), t.get(r, "name_sv")};
  for (Lang l : d.municipality_of(unit).languages)
    if (x.in(l).empty())
      t.fail(r, std::string("name_") + std::string(lang_code(l)),
             m3("name missing in a language of the municipality", "nimi puuttuu kunnan kielellä", "namn saknas på kommunens språk"));
  return x;
}

std::optional<Cents> euros(const CsvTable& t, const CsvRecord& r, const std::string& col, bool required) {
  const std::string& v = t.get(r, col);
  if (v.empty() && !required) return std::nullopt;
  auto a = parse_euros(v);
  if (!a)
    t.fail(r, col, m3(fmt::format("expected an amount in euros such as -1935039 or 25050.40, found \"{}\"", v), "odotettiin euromäärää",
                      "ett eurobelopp förväntades"));
  return a;
}

std::optional<int> opt_year(const CsvTable& t, const CsvRecord& r, const std::string& col) {
  if (t.get(r, col).empty()) return std::nullopt;
  return need_year(t, r, col);
}

// The sign of a budget or plan row (an amendment or an actual may go either way).
void check_sign(const CsvTable& t, const CsvRecord& r, const InvestmentFigure& f, const Scenario& s) {
  if (s.kind == ScenarioKind::amendment || s.kind == ScenarioKind::actual) return;
  if (f.kind == InvestmentKind::expenditure && f.amount > 0)
    t.fail(r, "amount", m3("expenditure is negative (costs sign)", "menot ovat negatiivisia (kulujen etumerkki)",
                           "utgifterna är negativa (kostnadernas tecken)"));
  if (f.kind != InvestmentKind::expenditure && f.amount < 0)
    t.fail(r, "amount", m3("grants and sales of assets are positive", "rahoitusosuudet ja luovutustulot ovat positiivisia",
                           "finansieringsandelar och överlåtelseinkomster är positiva"));
}

}  // namespace

void load_investments(const fs::path& dir, Dataset& d) {
  Investments& inv = d.investments;
  fs::path id = dir / "investments";
  std::set<std::string> groups, projects;
  if (auto t = open_optional_csv(id / "groups.csv", {"id", "unit", "name_fi", "name_sv", "binding"})) {
    for (const auto& r : t->rows()) {
      ProjectGroup g;
      g.id = need_id(*t, r, "id");
      if (!groups.insert(g.id).second) t->fail(r, "id", m3("duplicate group id", "ryhmä kahdesti", "gruppen två gånger"));
      g.unit = need_id(*t, r, "unit");
      if (!d.has_unit(g.unit))
        t->fail(r, "unit", m3(fmt::format("expected a unit id of units.csv, found \"{}\"", g.unit), "tuntematon yksikkö", "okänd enhet"));
      g.name = need_names(*t, r, d, g.unit);
      g.binding = need_yes_no(*t, r, "binding");
      inv.groups.push_back(std::move(g));
    }
  }
  if (auto t = open_optional_csv(id / "projects.csv", {"id", "group", "name_fi", "name_sv", "cost_estimate", "binding", "start_year", "end_year"})) {
    for (const auto& r : t->rows()) {
      InvestmentProject p;
      p.id = need_id(*t, r, "id");
      if (!projects.insert(p.id).second) t->fail(r, "id", m3("duplicate project id", "hanke kahdesti", "projektet två gånger"));
      p.group = need_id(*t, r, "group");
      auto g = std::find_if(inv.groups.begin(), inv.groups.end(), [&](const ProjectGroup& x) { return x.id == p.group; });
      if (g == inv.groups.end())
        t->fail(r, "group", m3(fmt::format("expected a group id of investments/groups.csv, found \"{}\"", p.group), "tuntematon hankeryhmä", "okänd projektgrupp"));
      p.name = need_names(*t, r, d, g->unit);
      p.cost_estimate = euros(*t, r, "cost_estimate", false);
      if (p.cost_estimate && *p.cost_estimate <= 0)
        t->fail(r, "cost_estimate", m3("a total cost estimate is a positive amount", "kustannusarvio on positiivinen", "kostnadsförslaget är positivt"));
      p.binding = need_yes_no(*t, r, "binding");
      p.start_year = opt_year(*t, r, "start_year");
      p.end_year = opt_year(*t, r, "end_year");
      if (p.start_year && p.end_year && *p.end_year < *p.start_year)
        t->fail(r, "end_year", m3("ends before it starts", "päättyy ennen alkuaan", "slutar före början"));
      inv.projects.push_back(std::move(p));
    }
  }
  auto project_ref = [&](const CsvTable& t, const CsvRecord& r) {
    std::string p = need_id(t, r, "project");
    if (!projects.count(p))
      t.fail(r, "project", m3(fmt::format("expected a project id of investments/projects.csv, found \"{}\"", p), "tuntematon hanke", "okänt projekt"));
    return p;
  };
  if (auto t = open_optional_csv(id / "figures.csv", {"project", "scenario", "kind", "amount"}, {"decision_ref"})) {
    std::set<std::tuple<std::string, std::string, InvestmentKind>> keys;
    for (const auto& r : t->rows()) {
      InvestmentFigure f;
      f.project = project_ref(*t, r);
      f.scenario = need_id(*t, r, "scenario");
      const Scenario* s = d.scenario(f.scenario);
      if (!s)
        t->fail(r, "scenario", m3(fmt::format("expected a scenario id of scenarios.csv, found \"{}\"", f.scenario), "tuntematon skenaario", "okänt scenario"));
      if (s->kind == ScenarioKind::forecast)
        t->fail(r, "scenario", m3("expected a budget, amendment, actual or plan scenario", "odotettiin talousarviota, muutosta, toteumaa tai suunnitelmaa",
                                  "budget, ändring, utfall eller plan förväntades"));
      if (s->municipality && !scenario_serves(d, *s, owning_unit(inv, f.project)))
        t->fail(r, "scenario", m3(fmt::format("scenario \"{}\" belongs to municipality \"{}\"", s->id, *s->municipality),
                                  "skenaario kuuluu toiseen kuntaan", "scenariot hör till en annan kommun"));
      auto k = parse_investment_kind(t->get(r, "kind"));
      if (!k) t->fail(r, "kind", m3("expected expenditure, grants or asset_sales", "odotettiin expenditure, grants tai asset_sales", "expenditure, grants eller asset_sales förväntades"));
      f.kind = *k;
      f.amount = *euros(*t, r, "amount", true);
      check_sign(*t, r, f, *s);
      f.decision_ref = t->get(r, "decision_ref");
      if (!f.decision_ref.empty() && s->kind != ScenarioKind::amendment)
        t->fail(r, "decision_ref", m3("only an amendment row has a decision reference", "vain muutosrivillä on päätösviite", "endast en ändringsrad har en beslutshänvisning"));
      if (!keys.insert({f.project, f.scenario, f.kind}).second)
        t->fail(r, "amount", m3("a second row for the same project, scenario and kind", "sama rivi kahdesti", "samma rad två gånger"));
      inv.figures.push_back(std::move(f));
    }
  }
  if (auto t = open_optional_csv(id / "carry_overs.csv", {"project", "from_year", "amount", "decision_ref"})) {
    std::set<std::pair<std::string, int>> keys;
    for (const auto& r : t->rows()) {
      CarryOver c;
      c.project = project_ref(*t, r);
      c.from_year = need_year(*t, r, "from_year");
      c.amount = *euros(*t, r, "amount", true);
      if (c.amount >= 0)
        t->fail(r, "amount", m3("a carried-over appropriation is negative (costs sign, as expenditure)", "siirtomääräraha on negatiivinen (menojen etumerkki)",
                                "en reservation är negativ (utgifternas tecken)"));
      c.decision_ref = t->get(r, "decision_ref");
      if (!keys.insert({c.project, c.from_year}).second)
        t->fail(r, "from_year", m3("a second carry-over of the project from the same year", "sama siirto kahdesti", "samma reservation två gånger"));
      inv.carry_overs.push_back(std::move(c));
    }
  }
}

void dump_investments(const Dataset& d, const fs::path& dir) {
  const Investments& inv = d.investments;
  fs::path id = dir / "investments";
  auto put = [&](const char* name, const std::string& head, const std::string& body) { write_rows_if_any(id, name, head, body); };
  auto yes = [](bool b) { return std::string(b ? "yes" : "no"); };
  auto year = [](const std::optional<int>& y) { return y ? std::to_string(*y) : std::string(); };
  std::string b;
  for (const auto& g : inv.groups) b += row({g.id, g.unit, g.name.fi, g.name.sv, yes(g.binding)});
  put("groups.csv", row({"id", "unit", "name_fi", "name_sv", "binding"}), b);
  b.clear();
  for (const auto& p : inv.projects)
    b += row({p.id, p.group, p.name.fi, p.name.sv, p.cost_estimate ? cents_to_plain(*p.cost_estimate) : "", yes(p.binding),
              year(p.start_year), year(p.end_year)});
  put("projects.csv", row({"id", "group", "name_fi", "name_sv", "cost_estimate", "binding", "start_year", "end_year"}), b);
  b.clear();
  for (const auto& f : inv.figures) b += row({f.project, f.scenario, to_string(f.kind), cents_to_plain(f.amount), f.decision_ref});
  put("figures.csv", row({"project", "scenario", "kind", "amount", "decision_ref"}), b);
  b.clear();
  for (const auto& c : inv.carry_overs) b += row({c.project, std::to_string(c.from_year), cents_to_plain(c.amount), c.decision_ref});
  put("carry_overs.csv", row({"project", "from_year", "amount", "decision_ref"}), b);
}

}  // namespace toteuma
