#include "ingest/alternative_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "ingest/budget_files.h"
#include "ingest/fields.h"

namespace toteuma {

using namespace fields;
namespace fs = std::filesystem;

namespace {

void need_names(const CsvTable& t, const CsvRecord& r, const Text& name) {
  if (name.fi.empty() || name.sv.empty())
    t.fail(r, name.fi.empty() ? "name_fi" : "name_sv", m3("name missing", "nimi puuttuu", "namn saknas"));
}

}  // namespace

void load_alternatives(const fs::path& bd, Dataset& d) {
  BudgetRounds& br = d.budgeting;
  if (auto t = open_optional_csv(bd / "council_groups.csv", {"id", "municipality", "name_fi", "name_sv"})) {
    for (const auto& r : t->rows()) {
      CouncilGroup g;
      g.id = need_id(*t, r, "id");
      if (find_council_group(d, g.id)) t->fail(r, "id", m3("duplicate council group id", "valtuustoryhmä kahdesti", "fullmäktigegruppen två gånger"));
      g.municipality = need_id(*t, r, "municipality");
      if (std::none_of(d.municipalities.begin(), d.municipalities.end(), [&](const Municipality& m) { return m.id == g.municipality; }))
        t->fail(r, "municipality", m3(fmt::format("expected a municipality id of municipalities.csv, found \"{}\"", g.municipality),
                                      "tuntematon kunta", "okänd kommun"));
      g.name = {t->get(r, "name_fi"), t->get(r, "name_sv")};
      need_names(*t, r, g.name);
      br.groups.push_back(std::move(g));
    }
  }
  if (auto t = open_optional_csv(bd / "alternatives.csv", {"id", "version", "group", "name_fi", "name_sv", "created", "published"})) {
    for (const auto& r : t->rows()) {
      BudgetAlternative a;
      a.id = need_id(*t, r, "id");
      if (find_alternative(d, a.id)) t->fail(r, "id", m3("duplicate alternative id", "vaihtoehto kahdesti", "alternativet två gånger"));
      a.version = need_id(*t, r, "version");
      const BudgetVersion* v = find_version(d, a.version);
      if (!v)
        t->fail(r, "version", m3(fmt::format("expected a version id of budgeting/versions.csv, found \"{}\"", a.version), "tuntematon versio",
                                 "okänd version"));
      a.group = need_id(*t, r, "group");
      const CouncilGroup* g = find_council_group(d, a.group);
      if (!g)
        t->fail(r, "group", m3(fmt::format("expected a group id of budgeting/council_groups.csv, found \"{}\"", a.group),
                               "tuntematon valtuustoryhmä", "okänd fullmäktigegrupp"));
      if (g->municipality != v->municipality)
        t->fail(r, "group", m3("expected a council group of the version's municipality", "ryhmä ei ole version kunnan valtuustoryhmä",
                               "gruppen hör inte till versionens kommun"));
      a.name = {t->get(r, "name_fi"), t->get(r, "name_sv")};
      need_names(*t, r, a.name);
      a.created = need_date(*t, r, "created");
      std::string p = t->get(r, "published");
      if (p != "yes" && p != "no") t->fail(r, "published", m3("expected yes or no", "odotettiin yes tai no", "yes eller no förväntades"));
      a.published = p == "yes";
      br.alternatives.push_back(std::move(a));
    }
  }
  if (auto t = open_optional_csv(bd / "alternative_changes.csv", {"alternative", "unit", "line", "year", "amount"},
                                 {"justification_fi", "justification_sv"})) {
    std::set<std::tuple<std::string, std::string, std::string, int>> keys;
    for (const auto& r : t->rows()) {
      AlternativeChange c;
      c.alternative = need_id(*t, r, "alternative");
      const BudgetAlternative* a = find_alternative(d, c.alternative);
      if (!a)
        t->fail(r, "alternative", m3(fmt::format("expected an alternative id of budgeting/alternatives.csv, found \"{}\"", c.alternative),
                                     "tuntematon vaihtoehtoinen talousarvio", "okänd alternativ budget"));
      VersionCell cell = need_version_cell(*t, r, d, *find_version(d, a->version));
      c.unit = cell.unit, c.line = cell.line, c.year = cell.year, c.amount = cell.amount;
      c.justification = {t->get(r, "justification_fi"), t->get(r, "justification_sv")};
      if (!keys.insert({c.alternative, c.unit, c.line, c.year}).second)
        t->fail(r, "amount", m3("a second row for the same alternative, unit, line and year", "sama rivi kahdesti", "samma rad två gånger"));
      br.changes.push_back(std::move(c));
    }
  }
}

void dump_alternatives(const Dataset& d, const fs::path& bd) {
  const BudgetRounds& br = d.budgeting;
  std::string b;
  for (const auto& g : br.groups) b += row({g.id, g.municipality, g.name.fi, g.name.sv});
  write_rows_if_any(bd, "council_groups.csv", row({"id", "municipality", "name_fi", "name_sv"}), b);
  b.clear();
  for (const auto& a : br.alternatives)
    b += row({a.id, a.version, a.group, a.name.fi, a.name.sv, to_iso(a.created), a.published ? "yes" : "no"});
  write_rows_if_any(bd, "alternatives.csv", row({"id", "version", "group", "name_fi", "name_sv", "created", "published"}), b);
  b.clear();
  for (const auto& c : br.changes)
    b += row({c.alternative, c.unit, c.line, std::to_string(c.year), cents_to_plain(c.amount), c.justification.fi, c.justification.sv});
  write_rows_if_any(bd, "alternative_changes.csv",
                    row({"alternative", "unit", "line", "year", "amount", "justification_fi", "justification_sv"}), b);
}

}  // namespace toteuma
