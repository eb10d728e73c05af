#include "ingest/budget_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "core/fixed.h"
#include "ingest/alternative_files.h"
#include "ingest/fields.h"

namespace toteuma {

using namespace fields;
namespace fs = std::filesystem;

namespace {

// budgeting/proposals.csv and justifications.csv: the units' proposal states and their lines'
// justifications (issue 16 item 3), of versions of budgeting/versions.csv.
void load_proposals(const fs::path& bd, Dataset& d) {
  BudgetRounds& br = d.budgeting;
  auto known_version = [&](const std::string& id) {
    return std::any_of(br.versions.begin(), br.versions.end(), [&](const BudgetVersion& v) { return v.id == id; });
  };
  auto bad_version = [](const std::string& id) {
    return m3(fmt::format("expected a version id of budgeting/versions.csv, found \"{}\"", id), "tuntematon versio", "okänd version");
  };
  auto bad_unit = [](const std::string& id) {
    return m3(fmt::format("expected a unit id of units.csv, found \"{}\"", id), "tuntematon yksikkö", "okänd enhet");
  };
  if (auto t = open_optional_csv(bd / "proposals.csv", {"version", "unit", "state"}, {"comment", "changed_by", "changed_at"})) {
    std::set<std::pair<std::string, std::string>> keys;
    for (const auto& r : t->rows()) {
      UnitProposal p;
      p.version = need_id(*t, r, "version");
      if (!known_version(p.version)) t->fail(r, "version", bad_version(p.version));
      p.unit = need_id(*t, r, "unit");
      if (!d.has_unit(p.unit)) t->fail(r, "unit", bad_unit(p.unit));
      auto state = parse_proposal_state(t->get(r, "state"));
      if (!state)
        t->fail(r, "state", m3(fmt::format("expected draft, submitted, returned or accepted, found \"{}\"", t->get(r, "state")),
                               "odotettiin draft, submitted, returned tai accepted", "draft, submitted, returned eller accepted förväntades"));
      p.state = *state;
      p.comment = t->get(r, "comment");
      p.changed_by = t->get(r, "changed_by");
      p.changed_at = t->get(r, "changed_at");
      if (!keys.insert({p.version, p.unit}).second)
        t->fail(r, "unit", m3("a second row for the same version and unit", "sama rivi kahdesti", "samma rad två gånger"));
      br.proposals.push_back(std::move(p));
    }
  }
  if (auto t = open_optional_csv(bd / "justifications.csv", {"version", "unit", "line", "lang", "text"})) {
    std::set<std::tuple<std::string, std::string, std::string, std::string>> keys;
    for (const auto& r : t->rows()) {
      ProposalNote n;
      n.version = need_id(*t, r, "version");
      if (!known_version(n.version)) t->fail(r, "version", bad_version(n.version));
      n.unit = need_id(*t, r, "unit");
      if (!d.has_unit(n.unit)) t->fail(r, "unit", bad_unit(n.unit));
      n.line = need_id(*t, r, "line");
      if (!d.chart.find(n.line))
        t->fail(r, "line", m3(fmt::format("expected a line id of the chart, found \"{}\"", n.line), "tuntematon rivi", "okänd rad"));
      n.lang = t->get(r, "lang");
      if (n.lang != "fi" && n.lang != "sv") t->fail(r, "lang", m3("expected fi or sv", "odotettiin fi tai sv", "fi eller sv förväntades"));
      n.text = t->get(r, "text");
      if (!keys.insert({n.version, n.unit, n.line, n.lang}).second)
        t->fail(r, "text", m3("a second row for the same version, unit, line and language", "sama rivi kahdesti", "samma rad två gånger"));
      br.notes.push_back(std::move(n));
    }
  }
}

}  // namespace

namespace {

// The row's `version`: a version of budgeting/versions.csv.
const BudgetVersion& need_version(const CsvTable& t, const CsvRecord& r, const Dataset& d) {
  std::string id = need_id(t, r, "version");
  const BudgetVersion* v = find_version(d, id);
  if (!v)
    t.fail(r, "version", m3(fmt::format("expected a version id of budgeting/versions.csv, found \"{}\"", id), "tuntematon versio",
                            "okänd version"));
  return *v;
}

// The row's `unit` (of units.csv) and `year` (Y, Y+1 or Y+2 of version `v`).
std::pair<std::string, int> need_unit_and_year(const CsvTable& t, const CsvRecord& r, const Dataset& d, const BudgetVersion& v) {
  std::string unit = need_id(t, r, "unit");
  if (!d.has_unit(unit))
    t.fail(r, "unit", m3(fmt::format("expected a unit id of units.csv, found \"{}\"", unit), "tuntematon yksikkö", "okänd enhet"));
  int year = need_year(t, r, "year");
  if (year < v.year || year > v.year + 2)
    t.fail(r, "year", m3(fmt::format("expected the version's budget year {} or its plan years {}–{}", v.year, v.year + 1, v.year + 2),
                         "vuosi ei ole version talousarvio- tai suunnitelmavuosi", "året är inte versionens budget- eller planår"));
  return {unit, year};
}

}  // namespace

VersionCell need_version_cell(const CsvTable& t, const CsvRecord& r, const Dataset& d, const BudgetVersion& v) {
  VersionCell c;
  std::tie(c.unit, c.year) = need_unit_and_year(t, r, d, v);
  c.line = need_id(t, r, "line");
  if (!d.chart.find(c.line))
    t.fail(r, "line", m3(fmt::format("expected a line id of the chart, found \"{}\"", c.line), "tuntematon rivi", "okänd rad"));
  auto a = parse_euros(t.get(r, "amount"));
  if (!a)
    t.fail(r, "amount", m3(fmt::format("expected an amount in euros such as -1935039 or 25050.40, found \"{}\"", t.get(r, "amount")),
                           "odotettiin euromäärää", "ett eurobelopp förväntades"));
  c.amount = *a;
  return c;
}

void load_budgeting(const fs::path& dir, Dataset& d) {
  BudgetRounds& br = d.budgeting;
  fs::path bd = dir / "budgeting";
  std::set<std::string> stage_ids;
  if (auto t = open_optional_csv(bd / "stages.csv", {"id", "position", "name_fi", "name_sv", "editors"}, {"justification"})) {
    for (const auto& r : t->rows()) {
      BudgetStage s;
      s.id = need_id(*t, r, "id");
      if (!stage_ids.insert(s.id).second) t->fail(r, "id", m3("duplicate stage id", "vaihe kahdesti", "skedet två gånger"));
      s.position = static_cast<int>(need_fixed(*t, r, "position", 0));
      s.name = {t->get(r, "name_fi"), t->get(r, "name_sv")};
      if (s.name.fi.empty() || s.name.sv.empty())
        t->fail(r, s.name.fi.empty() ? "name_fi" : "name_sv", m3("name missing", "nimi puuttuu", "namn saknas"));
      s.editors = t->get(r, "editors");
      if (s.editors != "finance" && s.editors != "unit" && s.editors != "council-group")
        t->fail(r, "editors", m3(fmt::format("expected finance, unit or council-group, found \"{}\"", s.editors),
                                 "odotettiin finance, unit tai council-group", "finance, unit eller council-group förväntades"));
      s.justification = t->get(r, "justification");
      if (!s.justification.empty() && s.justification != kChangedLinesJustified)
        t->fail(r, "justification", m3(fmt::format("expected changed-lines or nothing, found \"{}\"", s.justification),
                                       "odotettiin changed-lines tai tyhjää", "changed-lines eller tomt förväntades"));
      br.stages.push_back(std::move(s));
    }
  }
  for (const auto& s : budget_stages(d)) stage_ids.insert(s.id);
  std::set<std::string> version_ids;
  if (auto t = open_optional_csv(bd / "versions.csv", {"id", "municipality", "year", "stage", "name_fi", "name_sv", "created"},
                                 {"based_on", "adopted"})) {
    for (const auto& r : t->rows()) {
      BudgetVersion v;
      v.id = need_id(*t, r, "id");
      if (!version_ids.insert(v.id).second) t->fail(r, "id", m3("duplicate version id", "versio kahdesti", "versionen två gånger"));
      v.municipality = need_id(*t, r, "municipality");
      if (std::none_of(d.municipalities.begin(), d.municipalities.end(), [&](const Municipality& m) { return m.id == v.municipality; }))
        t->fail(r, "municipality", m3(fmt::format("expected a municipality id of municipalities.csv, found \"{}\"", v.municipality),
                                      "tuntematon kunta", "okänd kommun"));
      v.year = need_year(*t, r, "year");
      v.stage = need_id(*t, r, "stage");
      if (!stage_ids.count(v.stage))
        t->fail(r, "stage", m3(fmt::format("expected a stage of budgeting/stages.csv (or a default one), found \"{}\"", v.stage),
                               "tuntematon valmisteluvaihe", "okänt beredningsskede"));
      v.name = {t->get(r, "name_fi"), t->get(r, "name_sv")};
      if (v.name.fi.empty() && v.name.sv.empty()) t->fail(r, "name_fi", m3("name missing", "nimi puuttuu", "namn saknas"));
      v.created = need_date(*t, r, "created");
      v.based_on = t->get(r, "based_on");
      if (!parse_version_source(v.based_on))
        t->fail(r, "based_on", m3("expected last-budget, plan, version:<id> or nothing", "odotettiin last-budget, plan, version:<id> tai tyhjää",
                                  "last-budget, plan, version:<id> eller tomt förväntades"));
      v.adopted = t->get(r, "adopted");
      if (!v.adopted.empty() && !d.scenario(v.adopted))
        t->fail(r, "adopted", m3(fmt::format("expected a scenario id of scenarios.csv, found \"{}\"", v.adopted), "tuntematon skenaario",
                                 "okänt scenario"));
      br.versions.push_back(std::move(v));
    }
  }
  if (auto t = open_optional_csv(bd / "figures.csv", {"version", "unit", "line", "year", "amount"})) {
    std::set<std::tuple<std::string, std::string, std::string, int>> keys;
    for (const auto& r : t->rows()) {
      VersionFigure f;
      const BudgetVersion& v = need_version(*t, r, d);
      f.version = v.id;
      VersionCell cell = need_version_cell(*t, r, d, v);
      f.unit = cell.unit, f.line = cell.line, f.year = cell.year, f.amount = cell.amount;
      if (!keys.insert({f.version, f.unit, f.line, f.year}).second)
        t->fail(r, "amount", m3("a second row for the same version, unit, line and year", "sama rivi kahdesti", "samma rad två gånger"));
      br.figures.push_back(std::move(f));
    }
  }
  // htv.csv: a version's person-years per unit and year (core/budgeting/version_htv.h).
  if (auto t = open_optional_csv(bd / "htv.csv", {"version", "unit", "year", "htv"})) {
    std::set<std::tuple<std::string, std::string, int>> keys;
    for (const auto& r : t->rows()) {
      VersionHtv h;
      const BudgetVersion& v = need_version(*t, r, d);
      h.version = v.id;
      std::tie(h.unit, h.year) = need_unit_and_year(*t, r, d, v);
      auto htv = parse_htv_input(t->get(r, "htv"));
      if (!htv)
        t->fail(r, "htv", m3(fmt::format("expected person-years with at most 3 decimals such as 12.5, found \"{}\"", t->get(r, "htv")),
                             "odotettiin henkilötyövuosia", "årsverken förväntades"));
      h.htv = *htv;
      if (!keys.insert({h.version, h.unit, h.year}).second)
        t->fail(r, "htv", m3("a second row for the same version, unit and year", "sama rivi kahdesti", "samma rad två gånger"));
      br.htv.push_back(std::move(h));
    }
  }
  load_proposals(bd, d);
  load_alternatives(bd, d);
}

void dump_budgeting(const Dataset& d, const fs::path& dir) {
  const BudgetRounds& br = d.budgeting;
  fs::path bd = dir / "budgeting";
  std::string b;
  // The justification column only where a stage has the rule, so older folders dump as they were.
  bool rules = std::any_of(br.stages.begin(), br.stages.end(), [](const BudgetStage& s) { return !s.justification.empty(); });
  for (const auto& s : br.stages)
    b += rules ? row({s.id, std::to_string(s.position), s.name.fi, s.name.sv, s.editors, s.justification})
               : row({s.id, std::to_string(s.position), s.name.fi, s.name.sv, s.editors});
  write_rows_if_any(bd, "stages.csv",
                    rules ? row({"id", "position", "name_fi", "name_sv", "editors", "justification"})
                          : row({"id", "position", "name_fi", "name_sv", "editors"}),
                    b);
  b.clear();
  for (const auto& v : br.versions)
    b += row({v.id, v.municipality, std::to_string(v.year), v.stage, v.name.fi, v.name.sv, to_iso(v.created), v.based_on, v.adopted});
  write_rows_if_any(bd, "versions.csv", row({"id", "municipality", "year", "stage", "name_fi", "name_sv", "created", "based_on", "adopted"}), b);
  b.clear();
  for (const auto& f : br.figures) b += row({f.version, f.unit, f.line, std::to_string(f.year), cents_to_plain(f.amount)});
  write_rows_if_any(bd, "figures.csv", row({"version", "unit", "line", "year", "amount"}), b);
  b.clear();
  for (const auto& h : br.htv) b += row({h.version, h.unit, std::to_string(h.year), fixed_to_plain(h.htv, 3)});
  write_rows_if_any(bd, "htv.csv", row({"version", "unit", "year", "htv"}), b);
  b.clear();
  for (const auto& p : br.proposals) b += row({p.version, p.unit, to_string(p.state), p.comment, p.changed_by, p.changed_at});
  write_rows_if_any(bd, "proposals.csv", row({"version", "unit", "state", "comment", "changed_by", "changed_at"}), b);
  b.clear();
  for (const auto& n : br.notes) b += row({n.version, n.unit, n.line, n.lang, n.text});
  write_rows_if_any(bd, "justifications.csv", row({"version", "unit", "line", "lang", "text"}), b);
  dump_alternatives(d, bd);
}

}  // namespace toteuma
