#include "ingest/dataset_files.h"
#include "core/text.h"
#include "ingest/fields.h"
#include "ingest/goal_files.h"
#include "ingest/budget_files.h"
#include "ingest/spending_plan_file.h"
#include "ingest/calendar_file.h"
#include "ingest/investment_files.h"
#include "ingest/key_figure_files.h"
#include "ingest/narrative_files.h"
#include "ingest/personnel_files.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <unordered_map>
#include <map>
#include <set>
#include <toml++/toml.h>

namespace toteuma {

namespace embedded {
extern const std::string_view standard_lines_csv;
extern const std::string_view standard_accounts_csv;
}  // namespace embedded

namespace fs = std::filesystem;

namespace {

using namespace fields;

Chart parse_lines(const std::string& text, const std::string& file) {
  CsvTable t(text, file, {"id", "kind", "show", "name_fi", "name_sv", "synonyms_fi", "synonyms_sv", "formula"}, {"parts"});
  std::vector<Line> lines;
  std::set<std::string> seen;
  for (const auto& r : t.rows()) {
    Line l;
    l.id = need_id(t, r, "id");
    if (!seen.insert(l.id).second) t.fail(r, "id", m3("duplicate line id", "rivitunnus kahdesti", "radens id två gånger"));
    bool ok = false;
    l.kind = parse_line_kind(t.get(r, "kind"), ok);
    if (!ok) t.fail(r, "kind", m3("expected detail, total or memo", "odotettiin detail, total tai memo", "detail, total eller memo förväntades"));
    l.show = parse_line_show(t.get(r, "show"), ok);
    if (!ok) t.fail(r, "show", m3("expected always or data", "odotettiin always tai data", "always eller data förväntades"));
    l.name = {t.get(r, "name_fi"), t.get(r, "name_sv")};
    if (l.name.fi.empty()) t.fail(r, "name_fi", m3("name missing", "nimi puuttuu", "namn saknas"));
    if (l.name.sv.empty()) t.fail(r, "name_sv", m3("name missing", "nimi puuttuu", "namn saknas"));
    l.synonyms_fi = split_bar(t.get(r, "synonyms_fi"));
    l.synonyms_sv = split_bar(t.get(r, "synonyms_sv"));
    l.formula = parse_formula(t.get(r, "formula"), ok);
    if (!ok) t.fail(r, "formula", m3("expected signed line ids such as \"+sales +fees\"", "odotettiin muotoa \"+sales +fees\"", "formen \"+sales +fees\" förväntades"));
    if ((l.kind == LineKind::total) != !l.formula.empty())
      t.fail(r, "formula", m3("a total needs a formula and only a total has one", "vain summarivillä on kaava", "endast en summarad har en formel"));
    l.parts = parse_parts(t.get(r, "parts"), ok);
    if (!ok)
      t.fail(r, "parts", m3("expected words among operating, operating-note, income, cash-flow, balance",
                            "odotettiin sanoja operating, operating-note, income, cash-flow, balance",
                            "ord bland operating, operating-note, income, cash-flow, balance förväntades"));
    if (l.parts == 0) l.parts = default_parts(l.kind);
    lines.push_back(std::move(l));
  }
  // Formula terms must name lines; no line may (indirectly) contain itself.
  Chart chart(lines);
  for (std::size_t i = 0; i < lines.size(); ++i)
    for (const auto& term : lines[i].formula)
      if (!chart.find(term.line))
        t.fail(t.rows()[i], "formula", m3(fmt::format("unknown line \"{}\"", term.line), "tuntematon rivi", "okänd rad"));
  std::function<bool(const std::string&, int)> deep = [&](const std::string& id, int depth) {
    if (depth > static_cast<int>(lines.size())) return true;
    for (const auto& term : chart.find(id)->formula)
      if (deep(term.line, depth + 1)) return true;
    return false;
  };
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (deep(lines[i].id, 0))
      t.fail(t.rows()[i], "formula", m3("formula refers to itself", "kaava viittaa itseensä", "formeln hänvisar till sig själv"));
  return chart;
}

std::vector<AccountRange> parse_accounts(const std::string& text, const std::string& file, const Chart& chart) {
  CsvTable t(text, file, {"from", "to", "line"});
  std::vector<AccountRange> out;
  auto num = [&](const CsvRecord& r, const std::string& col) {
    const std::string& v = t.get(r, col);
    bool ok = !v.empty() && v.size() <= 9;
    for (char c : v) ok = ok && c >= '0' && c <= '9';
    if (!ok) t.fail(r, col, m3(fmt::format("expected an account number, found \"{}\"", v), "odotettiin tilinumeroa", "ett kontonummer förväntades"));
    return std::stoi(v);
  };
  for (const auto& r : t.rows()) {
    AccountRange a{num(r, "from"), num(r, "to"), need_id(t, r, "line")};
    if (a.to < a.from) t.fail(r, "to", m3("range ends before it starts", "väli päättyy ennen alkuaan", "intervallet slutar före början"));
    const Line* l = chart.find(a.line);
    if (!l || l->kind == LineKind::total)
      t.fail(r, "line", m3(fmt::format("expected a detail or memo line of the chart, found \"{}\"", a.line), "odotettiin kaavion riviä", "en rad i schemat förväntades"));
    for (const auto& o : out)
      if (a.from <= o.to && o.from <= a.to)
        t.fail(r, "from", m3(fmt::format("overlaps range {}–{}", o.from, o.to), "päällekkäinen väli", "överlappande intervall"));
    out.push_back(a);
  }
  return out;
}

Municipality parse_one_municipality(const toml::table& tbl, const std::string& file) {
  auto line_of = [&](const char* key) {
    return tbl[key].node() ? static_cast<int>(tbl[key].node()->source().begin.line)
                           : static_cast<int>(tbl.source().begin.line);
  };
  auto str = [&](const char* key) {
    auto v = tbl[key].value<std::string>();
    if (!v || v->empty()) throw InputError(file, line_of(key), key, m3("expected a non-empty string", "odotettiin tekstiä", "en text förväntades"));
    return *v;
  };
  Municipality m;
  m.id = str("id");
  if (!valid_id(m.id)) throw InputError(file, line_of("id"), "id", m3("expected an id (a-z, 0-9, _ or -)", "odotettiin tunnusta", "ett id förväntades"));
  m.code = str("code");
  m.name = {str("name_fi"), str("name_sv")};
  auto* langs = tbl["languages"].as_array();
  if (!langs || langs->empty()) throw InputError(file, line_of("languages"), "languages", m3("expected [\"fi\", \"sv\"] or one of them", "odotettiin kieliä", "språk förväntades"));
  for (auto& n : *langs) {
    auto code = n.value<std::string>();
    auto l = code ? parse_lang(*code) : std::nullopt;
    if (!l) throw InputError(file, static_cast<int>(n.source().begin.line), "languages", m3("expected \"fi\" or \"sv\"", "odotettiin \"fi\" tai \"sv\"", "\"fi\" eller \"sv\" förväntades"));
    m.languages.push_back(*l);
  }
  auto prim = parse_lang(str("primary_language"));
  if (!prim || std::find(m.languages.begin(), m.languages.end(), *prim) == m.languages.end())
    throw InputError(file, line_of("primary_language"), "primary_language",
                     m3("expected one of the languages", "odotettiin yhtä kielistä", "ett av språken förväntades"));
  m.primary = *prim;
  for (auto&& [k, v] : tbl) {
    static const std::set<std::string> known = {"id", "code", "name_fi", "name_sv", "languages", "primary_language"};
    if (!known.count(std::string(k.str())))
      throw InputError(file, static_cast<int>(v.source().begin.line), std::string(k.str()), m3("unknown key", "tuntematon avain", "okänd nyckel"));
  }
  return m;
}

// One municipality as top-level keys, or several as [[municipality]] tables (the first is
// the primary one).
std::vector<Municipality> parse_municipalities(const fs::path& path) {
  const std::string file = path.string();
  toml::table tbl;
  try {
    tbl = toml::parse(read_file(file), file);
  } catch (const toml::parse_error& e) {
    throw InputError(file, static_cast<int>(e.source().begin.line),
                     fmt::format("column {}", e.source().begin.column), std::string(e.description()));
  }
  std::vector<Municipality> out;
  if (auto* arr = tbl["municipality"].as_array()) {
    if (tbl.size() != 1)
      throw InputError(file, 1, "", m3("with [[municipality]] tables, put every key inside them", "avaimet kuuluvat [[municipality]]-taulukoihin", "nycklarna hör till [[municipality]]-tabellerna"));
    for (auto& node : *arr) {
      auto* t = node.as_table();
      if (!t) throw InputError(file, static_cast<int>(node.source().begin.line), "municipality", m3("expected a table", "odotettiin taulukkoa", "en tabell förväntades"));
      out.push_back(parse_one_municipality(*t, file));
      for (std::size_t i = 0; i + 1 < out.size(); ++i)
        if (out[i].id == out.back().id)
          throw InputError(file, static_cast<int>(node.source().begin.line), "id", m3("duplicate municipality id", "kunta kahdesti", "kommunen två gånger"));
    }
  } else {
    out.push_back(parse_one_municipality(tbl, file));
  }
  return out;
}

std::vector<UnitVersion> parse_units(const std::string& text, const std::string& file,
                                     const std::vector<Municipality>& municipalities, const Chart& chart) {
  CsvTable t(text, file, {"id", "valid_from", "valid_to", "parent", "kind", "name_fi", "name_sv", "responsible_fi",
                          "responsible_sv", "binding_line"});
  std::vector<UnitVersion> out;
  std::set<std::string> ids;
  for (const auto& r : t.rows()) ids.insert(t.get(r, "id"));
  for (const auto& r : t.rows()) {
    UnitVersion u;
    u.id = need_id(t, r, "id");
    u.valid_from = need_date(t, r, "valid_from");
    u.valid_to = opt_date(t, r, "valid_to");
    if (u.valid_to && *u.valid_to < u.valid_from)
      t.fail(r, "valid_to", m3("ends before valid_from", "päättyy ennen alkua", "slutar före början"));
    u.parent = need_id(t, r, "parent", true);
    if (!u.parent.empty() && !ids.count(u.parent))
      t.fail(r, "parent", m3(fmt::format("expected the id of a unit in units.csv, found \"{}\"", u.parent), "tuntematon yksikkö", "okänd enhet"));
    if (u.parent == u.id) t.fail(r, "parent", m3("a unit cannot be its own parent", "yksikkö ei voi olla oma yläyksikkönsä", "en enhet kan inte vara sin egen överenhet"));
    auto k = parse_unit_kind(t.get(r, "kind"));
    if (!k) t.fail(r, "kind", m3("expected municipality, sector, area or cost_center", "odotettiin municipality, sector, area tai cost_center", "municipality, sector, area eller cost_center förväntades"));
    u.kind = *k;
    u.name = {t.get(r, "name_fi"), t.get(r, "name_sv")};
    u.responsible = {t.get(r, "responsible_fi"), t.get(r, "responsible_sv")};
    u.binding_line = need_id(t, r, "binding_line", true);
    if (!u.binding_line.empty() && !chart.find(u.binding_line))
      t.fail(r, "binding_line", m3(fmt::format("expected a line id of the chart, found \"{}\"", u.binding_line), "tuntematon rivi", "okänd rad"));
    for (const auto& o : out)
      if (o.id == u.id && u.valid_from <= o.valid_to.value_or(Date{9999, 12, 31}) &&
          o.valid_from <= u.valid_to.value_or(Date{9999, 12, 31}))
        t.fail(r, "valid_from", m3(fmt::format("overlaps another version of {} from {}", u.id, to_iso(o.valid_from)), "päällekkäinen voimassaolo", "överlappande giltighet"));
    out.push_back(std::move(u));
  }
  // Names in every language of the unit's municipality (known once the tree is read).
  {
    Dataset tree;
    tree.municipalities = municipalities;
    tree.units = out;
    for (std::size_t i = 0; i < out.size(); ++i)
      for (Lang l : tree.municipality_of(out[i].id).languages)
        if (out[i].name.in(l).empty())
          t.fail(t.rows()[i], std::string("name_") + std::string(lang_code(l)),
                 m3("name missing in a language of the municipality", "nimi puuttuu kunnan kielellä", "namn saknas på kommunens språk"));
  }
  // No cycles: following parents from any unit must end (by id, over all versions).
  std::map<std::string, std::set<std::string>> parents;
  for (const auto& u : out)
    if (!u.parent.empty()) parents[u.id].insert(u.parent);
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::set<std::string> seen{out[i].id};
    std::vector<std::string> todo(parents[out[i].id].begin(), parents[out[i].id].end());
    while (!todo.empty()) {
      std::string p = todo.back();
      todo.pop_back();
      if (p == out[i].id) t.fail(t.rows()[i], "parent", m3("the parents form a cycle", "yläyksiköt muodostavat kehän", "överenheterna bildar en cykel"));
      if (!seen.insert(p).second) continue;
      for (const auto& pp : parents[p]) todo.push_back(pp);
    }
  }
  return out;
}

std::vector<Scenario> parse_scenarios(const std::string& text, const std::string& file,
                                      const std::vector<Municipality>& municipalities) {
  CsvTable t(text, file, {"id", "kind", "year", "base_year", "name_fi", "name_sv", "decision_ref", "decision_date"},
             {"municipality"});
  std::vector<Scenario> out;
  for (const auto& r : t.rows()) {
    Scenario s;
    s.id = need_id(t, r, "id");
    for (const auto& o : out)
      if (o.id == s.id) t.fail(r, "id", m3("duplicate scenario id", "skenaario kahdesti", "scenariot två gånger"));
    auto k = parse_scenario_kind(t.get(r, "kind"));
    if (!k) t.fail(r, "kind", m3("expected budget, amendment, actual, forecast or plan", "odotettiin budget, amendment, actual, forecast tai plan", "budget, amendment, actual, forecast eller plan förväntades"));
    s.kind = *k;
    s.year = need_year(t, r, "year");
    if (s.kind == ScenarioKind::plan) {
      s.base_year = need_year(t, r, "base_year");
      if (*s.base_year >= s.year) t.fail(r, "base_year", m3("a plan year comes after its budget year", "suunnitelmavuosi on talousarviovuoden jälkeen", "planåret kommer efter budgetåret"));
    } else if (!t.get(r, "base_year").empty()) {
      t.fail(r, "base_year", m3("only plan scenarios have a base year", "vain suunnitelmalla on perusvuosi", "endast en plan har basår"));
    }
    s.name = {t.get(r, "name_fi"), t.get(r, "name_sv")};
    s.decision_ref = t.get(r, "decision_ref");
    s.decision_date = opt_date(t, r, "decision_date");
    // Without the column (datasets before it) the municipality is inferred from the figures.
    if (t.has("municipality")) {
      s.municipality = t.get(r, "municipality");
      bool known = s.municipality->empty();
      for (const auto& m : municipalities) known = known || m.id == *s.municipality;
      if (!known)
        t.fail(r, "municipality", m3(fmt::format("expected a municipality id of municipality.toml or nothing (common), found \"{}\"", *s.municipality),
                                     "tuntematon kunta", "okänd kommun"));
    }
    // One original budget, actual and forecast per year (and municipality), one plan per year and
    // base year; amendments are many.
    // A common scenario ("") is every municipality's, so it clashes with any other of its kind.
    auto clashes = [&](const Scenario& o) {
      std::string a = s.municipality.value_or(""), b = o.municipality.value_or("");
      return o.kind == s.kind && o.year == s.year && o.base_year == s.base_year && (a.empty() || b.empty() || a == b);
    };
    if (s.kind != ScenarioKind::amendment && std::any_of(out.begin(), out.end(), clashes))
      t.fail(r, "kind", m3(fmt::format("a second {} scenario for {}", to_string(s.kind), s.year), "toinen samanlainen skenaario samalle vuodelle", "ett andra likadant scenario för samma år"));
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Figure> parse_figures(const std::string& text, const std::string& file, const Chart& chart,
                                  const std::vector<UnitVersion>& units, const std::vector<Scenario>& scenarios,
                                  std::vector<int>& lines_out) {
  CsvTable t(text, file, {"unit", "line", "scenario", "amount"});
  std::set<std::string> unit_ids;
  for (const auto& u : units) unit_ids.insert(u.id);
  std::set<std::string> sc_ids;
  for (const auto& s : scenarios) sc_ids.insert(s.id);
  std::vector<Figure> out;
  std::set<std::tuple<std::string, std::string, std::string>> keys;
  for (const auto& r : t.rows()) {
    Figure f;
    f.unit = need_id(t, r, "unit");
    if (!unit_ids.count(f.unit)) t.fail(r, "unit", m3(fmt::format("expected a unit id of units.csv, found \"{}\"", f.unit), "tuntematon yksikkö", "okänd enhet"));
    f.line = need_id(t, r, "line");
    for (const char* from_investments : {kInvestmentExpenditureLine, kInvestmentGrantsLine, kAssetSalesLine})
      if (f.line == from_investments)
        t.fail(r, "line", m3(fmt::format("\"{}\" comes from the investment part (investments/figures.csv), it is not entered here", f.line),
                             "rivi lasketaan investointiosasta (investments/figures.csv), sitä ei syötetä tähän",
                             "raden beräknas från investeringsdelen (investments/figures.csv) och matas inte in här"));
    if (!chart.find(f.line)) t.fail(r, "line", m3(fmt::format("expected a line id of the chart, found \"{}\"", f.line), "tuntematon rivi", "okänd rad"));
    f.scenario = need_id(t, r, "scenario");
    if (!sc_ids.count(f.scenario)) t.fail(r, "scenario", m3(fmt::format("expected a scenario id of scenarios.csv, found \"{}\"", f.scenario), "tuntematon skenaario", "okänt scenario"));
    auto a = parse_euros(t.get(r, "amount"));
    if (!a) t.fail(r, "amount", m3(fmt::format("expected an amount in euros such as -1935039 or 25050.40, found \"{}\"", t.get(r, "amount")), "odotettiin euromäärää", "ett eurobelopp förväntades"));
    f.amount = *a;
    if (!keys.insert({f.unit, f.line, f.scenario}).second)
      t.fail(r, "amount", m3("a second figure for the same unit, line and scenario", "sama luku kahdesti", "samma siffra två gånger"));
    out.push_back(std::move(f));
    lines_out.push_back(r.line);
  }
  return out;
}

// A total typed where its parts exist would be silently ignored (totals are computed).
void check_no_typed_totals(const Chart& chart, const std::vector<Figure>& figures, const std::vector<int>& lines,
                           const std::string& file) {
  std::set<std::tuple<std::string, std::string, std::string>> keys;
  for (const auto& f : figures) keys.insert({f.unit, f.line, f.scenario});
  std::function<bool(const Figure&, const std::string&)> part_entered = [&](const Figure& f, const std::string& line) {
    for (const auto& term : chart.find(line)->formula)
      if (keys.count({f.unit, term.line, f.scenario}) || part_entered(f, term.line)) return true;
    return false;
  };
  for (std::size_t i = 0; i < figures.size(); ++i)
    if (part_entered(figures[i], figures[i].line))
      throw InputError(file, lines[i], "line",
                       m3(fmt::format("\"{}\" is a total and parts of it are given for the same unit and scenario; totals are computed, not entered", figures[i].line),
                          "summa lasketaan osista, sitä ei syötetä", "summan beräknas av delarna och matas inte in"));
}

// phasing.csv: unit, line ("" = every line of the unit), year, m01..m12 weights.
std::vector<Phasing> parse_phasing(const std::string& text, const std::string& file, const Dataset& d) {
  std::vector<std::string> cols = {"unit", "line", "year"};
  for (int m = 1; m <= 12; ++m) cols.push_back(fmt::format("m{:02}", m));
  CsvTable t(text, file, cols);
  std::vector<Phasing> out;
  std::set<std::tuple<std::string, std::string, int>> keys;
  for (const auto& r : t.rows()) {
    Phasing p;
    p.unit = need_id(t, r, "unit");
    if (!d.has_unit(p.unit)) t.fail(r, "unit", m3(fmt::format("expected a unit id of units.csv, found \"{}\"", p.unit), "tuntematon yksikkö", "okänd enhet"));
    p.line = need_id(t, r, "line", true);
    if (!p.line.empty() && !d.chart.find(p.line))
      t.fail(r, "line", m3(fmt::format("expected a line id of the chart or nothing, found \"{}\"", p.line), "tuntematon rivi", "okänd rad"));
    p.year = need_year(t, r, "year");
    std::int64_t sum = 0;
    for (int m = 1; m <= 12; ++m) {
      std::string col = fmt::format("m{:02}", m);
      std::int64_t w = need_fixed(t, r, col, 0);
      if (w < 0 || w > 1'000'000'000)
        t.fail(r, col, m3("expected a weight from 0 to 1000000000", "odotettiin painoa 0–1000000000", "en vikt 0–1000000000 förväntades"));
      p.weights[static_cast<std::size_t>(m - 1)] = w;
      sum += w;
    }
    if (sum == 0) t.fail(r, "m12", m3("the weights of the months are all zero", "kuukausien painot ovat kaikki nollia", "månadernas vikter är alla noll"));
    if (!keys.insert({p.unit, p.line, p.year}).second)
      t.fail(r, "line", m3("a second phasing for the same unit, line and year", "sama jaksotus kahdesti", "samma periodisering två gånger"));
    out.push_back(std::move(p));
  }
  return out;
}

// A municipality's scenario holds figures of that municipality's units only.
void check_scenario_municipalities(const Dataset& d, const std::vector<int>& lines, const std::string& file) {
  // municipality_of walks the units: once per unit, not once per figure (that was quadratic).
  std::unordered_map<std::string, std::string> municipality;
  for (std::size_t i = 0; i < d.figures.size(); ++i) {
    const Figure& f = d.figures[i];
    const Scenario* s = d.scenario(f.scenario);
    if (!s || !s->municipality || s->municipality->empty()) continue;  // serves every unit (scenario_serves)
    auto m = municipality.find(f.unit);
    if (m == municipality.end()) m = municipality.emplace(f.unit, d.municipality_of(f.unit).id).first;
    if (m->second != *s->municipality)
      throw InputError(file, lines[i], "scenario",
                       m3(fmt::format("scenario \"{}\" belongs to municipality \"{}\", unit \"{}\" to \"{}\"", s->id,
                                      *s->municipality, f.unit, d.municipality_of(f.unit).id),
                          fmt::format("skenaario {} kuuluu kuntaan {}, yksikkö {} kuntaan {}", s->id, *s->municipality, f.unit,
                                      d.municipality_of(f.unit).id),
                          fmt::format("scenariot {} hör till kommunen {}, enheten {} till kommunen {}", s->id, *s->municipality,
                                      f.unit, d.municipality_of(f.unit).id)));
  }
}

}  // namespace

Chart default_chart() {
  return parse_lines(std::string(embedded::standard_lines_csv), "data/charts/standard/lines.csv (built in)");
}

std::vector<AccountRange> default_accounts() {
  return parse_accounts(std::string(embedded::standard_accounts_csv), "data/charts/standard/accounts.csv (built in)",
                        default_chart());
}

Dataset load_dataset_dir(const fs::path& dir) {
  if (!fs::is_directory(dir))
    throw InputError(dir.string(), 0, "", m3("not a dataset folder", "ei aineistokansio", "ingen datamapp"));
  Dataset d;
  d.municipalities = parse_municipalities(dir / "municipality.toml");
  fs::path lines = dir / "chart" / "lines.csv", accounts = dir / "chart" / "accounts.csv";
  d.chart = fs::exists(lines) ? parse_lines(read_file(lines.string()), lines.string()) : default_chart();
  d.accounts = fs::exists(accounts) ? parse_accounts(read_file(accounts.string()), accounts.string(), d.chart)
                                    : default_accounts();
  fs::path units = dir / "units.csv", scen = dir / "scenarios.csv", figs = dir / "figures.csv";
  d.units = parse_units(read_file(units.string()), units.string(), d.municipalities, d.chart);
  d.scenarios = parse_scenarios(read_file(scen.string()), scen.string(), d.municipalities);
  std::vector<int> fig_lines;
  d.figures = parse_figures(read_file(figs.string()), figs.string(), d.chart, d.units, d.scenarios, fig_lines);
  check_no_typed_totals(d.chart, d.figures, fig_lines, figs.string());
  infer_scenario_municipalities(d);
  check_scenario_municipalities(d, fig_lines, figs.string());
  load_investments(dir, d);
  load_budgeting(dir, d);
  load_key_figures(dir, d);
  load_personnel(dir, d);
  load_goals(dir, d);
  load_narratives(dir, d);
  if (fs::path cal = dir / "calendar.csv"; fs::exists(cal)) d.calendar = parse_calendar(read_file(cal.string()), cal.string(), d);
  if (fs::path ph = dir / "phasing.csv"; fs::exists(ph)) d.phasing = parse_phasing(read_file(ph.string()), ph.string(), d);
  load_spending_plan(dir, d);
  canonicalize(d);
  return d;
}

void dump_dataset_dir(const Dataset& in, const fs::path& dir) {
  Dataset d = in;
  canonicalize(d);
  fs::create_directories(dir / "chart");
  // TOML basic string: escape backslash, quote and control characters.
  auto q = [](const std::string& v) {
    std::string out = "\"";
    for (unsigned char c : v) {
      if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
      else if (c < 0x20 || c == 0x7f) out += fmt::format("\\u{:04X}", c);
      else out += static_cast<char>(c);
    }
    return out + "\"";
  };
  auto keys = [&](const Municipality& m) {
    std::vector<std::string> langs;
    for (Lang l : m.languages) langs.push_back(fmt::format("\"{}\"", lang_code(l)));
    return fmt::format("id = {}\ncode = {}\nname_fi = {}\nname_sv = {}\nlanguages = [{}]\nprimary_language = \"{}\"\n",
                       q(m.id), q(m.code), q(m.name.fi), q(m.name.sv), fmt::join(langs, ", "), lang_code(m.primary));
  };
  std::string toml_text;
  if (d.municipalities.size() == 1) {
    toml_text = keys(d.municipalities.front());
  } else {
    for (const auto& m : d.municipalities) toml_text += (toml_text.empty() ? "" : "\n") + std::string("[[municipality]]\n") + keys(m);
  }
  write_text(dir / "municipality.toml", toml_text);

  std::string s = row({"id", "kind", "show", "name_fi", "name_sv", "synonyms_fi", "synonyms_sv", "formula", "parts"});
  for (const auto& l : d.chart.lines())
    s += row({l.id, to_string(l.kind), to_string(l.show), l.name.fi, l.name.sv, join_bar(l.synonyms_fi),
              join_bar(l.synonyms_sv), to_string(l.formula), parts_to_string(l.parts)});
  write_text(dir / "chart" / "lines.csv", s);

  s = row({"from", "to", "line"});
  for (const auto& a : d.accounts) s += row({std::to_string(a.from), std::to_string(a.to), a.line});
  write_text(dir / "chart" / "accounts.csv", s);

  s = row({"id", "valid_from", "valid_to", "parent", "kind", "name_fi", "name_sv", "responsible_fi", "responsible_sv",
           "binding_line"});
  for (const auto& u : d.units)
    s += row({u.id, to_iso(u.valid_from), u.valid_to ? to_iso(*u.valid_to) : "", u.parent, to_string(u.kind),
              u.name.fi, u.name.sv, u.responsible.fi, u.responsible.sv, u.binding_line});
  write_text(dir / "units.csv", s);

  s = row({"id", "kind", "year", "base_year", "name_fi", "name_sv", "decision_ref", "decision_date", "municipality"});
  for (const auto& sc : d.scenarios)
    s += row({sc.id, to_string(sc.kind), std::to_string(sc.year), sc.base_year ? std::to_string(*sc.base_year) : "",
              sc.name.fi, sc.name.sv, sc.decision_ref, sc.decision_date ? to_iso(*sc.decision_date) : "",
              sc.municipality.value_or("")});
  write_text(dir / "scenarios.csv", s);

  s = row({"unit", "line", "scenario", "amount"});
  for (const auto& f : d.figures) s += row({f.unit, f.line, f.scenario, cents_to_plain(f.amount)});
  write_text(dir / "figures.csv", s);
  if (!d.phasing.empty()) {
    std::string p = "unit;line;year";
    for (int m = 1; m <= 12; ++m) p += fmt::format(";m{:02}", m);
    p += "\n";
    for (const auto& ph : d.phasing) p += fmt::format("{};{};{};{}\n", ph.unit, ph.line, ph.year, fmt::join(ph.weights, ";"));
    write_text(dir / "phasing.csv", p);
  }
  dump_investments(d, dir);
  dump_budgeting(d, dir);
  dump_spending_plan(d, dir);
  dump_key_figures(d, dir);
  dump_personnel(d, dir);
  dump_goals(d, dir);
  dump_narratives(d, dir);
  if (!d.calendar.empty()) write_text(dir / "calendar.csv", calendar_csv(d.calendar));
}

void validate_as_loaded(const Dataset& in) {
  std::string tmpl = (fs::temp_directory_path() / "toteuma-check-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temporary folder: " + tmpl);
  fs::path dir = tmpl;
  struct Cleanup {
    fs::path p;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(p, ec);
    }
  } cleanup{dir};
  Dataset d = in;
  canonicalize(d);
  dump_dataset_dir(d, dir);
  Dataset back;
  try {
    back = load_dataset_dir(dir);
  } catch (const InputError& e) {  // named as in a dump: "figures.csv:12"
    throw InputError(fs::path(e.file).lexically_relative(dir).string(), e.line, e.column, e.message);
  }
  if (!(back == d))
    throw InputError("", 0, "",
                     fields::m3("the data cannot be written as dataset files and read back unchanged",
                                "tietoja ei voi kirjoittaa aineistotiedostoiksi ja lukea takaisin muuttumattomina",
                                "uppgifterna kan inte skrivas som datafiler och läsas tillbaka oförändrade"));
}

}  // namespace toteuma
