#include "ingest/key_figure_files.h"

#include <fmt/format.h>

#include <set>

#include "core/fixed.h"
#include "ingest/fields.h"

namespace toteuma {

namespace embedded {
extern const std::string_view standard_key_figures_csv;
}  // namespace embedded

namespace fs = std::filesystem;
using namespace fields;

namespace {

const std::vector<std::string> kKeyColumns = {"id", "name_fi", "name_sv", "unit", "formula"};
const std::vector<std::string> kYearColumns = {"municipality", "year", "population", "income_tax_rate"};

// `chart` null: the lines are not checked (the built-in file, filtered by the caller).
std::vector<KeyFigure> parse(const std::string& text, const std::string& file, const Chart* chart) {
  CsvTable t(text, file, kKeyColumns);
  std::vector<KeyFigure> out;
  std::set<std::string> ids;
  for (const auto& r : t.rows()) {
    KeyFigure k;
    k.id = need_id(t, r, "id");
    if (!ids.insert(k.id).second) t.fail(r, "id", m3("duplicate key figure id", "tunnusluku kahdesti", "nyckeltalet två gånger"));
    k.name = {t.get(r, "name_fi"), t.get(r, "name_sv")};
    for (Lang l : {Lang::fi, Lang::sv})
      if (k.name.in(l).empty()) t.fail(r, std::string("name_") + std::string(lang_code(l)), m3("name missing", "nimi puuttuu", "namn saknas"));
    auto u = parse_key_unit(t.get(r, "unit"));
    if (!u)
      t.fail(r, "unit", m3(fmt::format("expected percent, percent_2, eur, eur_per_resident or count, found \"{}\"", t.get(r, "unit")),
                           "odotettiin percent, percent_2, eur, eur_per_resident tai count",
                           "percent, percent_2, eur, eur_per_resident eller count förväntades"));
    k.unit = *u;
    k.formula_text = t.get(r, "formula");
    KeyFormulaParse p = parse_key_formula(k.formula_text);
    if (!p.formula) t.fail(r, "formula", m3(p.error.en, p.error.fi, p.error.sv));
    k.formula = std::move(*p.formula);
    if (chart)
      for (const auto& n : k.formula.nodes)
        if ((n.op == KeyOp::line || n.op == KeyOp::sum) && !chart->find(n.line))
          t.fail(r, "formula",
                 m3(fmt::format("expected a line id of the chart, population or income_tax_rate at character {}, found \"{}\"", n.at, n.line),
                    fmt::format("tuntematon rivi {} (merkki {})", n.line, n.at), fmt::format("okänd rad {} (tecken {})", n.line, n.at)));
    out.push_back(std::move(k));
  }
  return out;
}

std::vector<MunicipalityYear> parse_years(const std::string& text, const std::string& file,
                                          const std::vector<Municipality>& municipalities) {
  CsvTable t(text, file, kYearColumns);
  std::vector<MunicipalityYear> out;
  std::set<std::pair<std::string, int>> keys;
  for (const auto& r : t.rows()) {
    MunicipalityYear y;
    y.municipality = need_id(t, r, "municipality");
    bool known = false;
    for (const auto& m : municipalities) known = known || m.id == y.municipality;
    if (!known)
      t.fail(r, "municipality", m3(fmt::format("expected a municipality id of municipality.toml, found \"{}\"", y.municipality),
                                   "tuntematon kunta", "okänd kommun"));
    y.year = need_year(t, r, "year");
    if (!keys.insert({y.municipality, y.year}).second)
      t.fail(r, "year", m3("the same municipality and year twice", "sama kunta ja vuosi kahdesti", "samma kommun och år två gånger"));
    const std::string& pop = t.get(r, "population");
    if (!pop.empty()) {
      auto v = parse_fixed(pop, 0);
      if (!v || *v < 0 || *v > 100'000'000 || pop.find_first_not_of("0123456789") != std::string::npos)
        t.fail(r, "population", m3(fmt::format("expected a number of residents such as 14719, found \"{}\"", pop),
                                   "odotettiin asukaslukua, esim. 14719", "ett invånarantal förväntades, t.ex. 14719"));
      y.population = v;
    }
    const std::string& rate = t.get(r, "income_tax_rate");
    if (!rate.empty()) {
      auto v = parse_fixed(rate, 2);
      if (!v || *v < 0 || *v > 10000)
        t.fail(r, "income_tax_rate", m3(fmt::format("expected a percentage from 0 to 100 with at most two decimals such as 8.60, found \"{}\"", rate),
                                        "odotettiin prosenttia 0–100 enintään kahdella desimaalilla, esim. 8.60",
                                        "en procentsats 0–100 med högst två decimaler förväntades, t.ex. 8.60"));
      y.income_tax_rate = v;
    }
    if (!y.population && !y.income_tax_rate)
      t.fail(r, "population", m3("give the population, the income tax rate or both", "anna asukasluku, tuloveroprosentti tai molemmat",
                                 "ange invånarantalet, inkomstskattesatsen eller båda"));
    out.push_back(std::move(y));
  }
  return out;
}

}  // namespace

std::vector<KeyFigure> parse_key_figures(const std::string& text, const std::string& file, const Chart& chart) {
  return parse(text, file, &chart);
}

std::vector<KeyFigure> default_key_figures(const Chart& chart) {
  std::vector<KeyFigure> out;
  for (auto& k : parse(std::string(embedded::standard_key_figures_csv), "data/charts/standard/key_figures.csv (built in)", nullptr)) {
    bool computable = true;
    for (const auto& l : formula_lines(k.formula)) computable = computable && chart.find(l);
    if (computable) out.push_back(std::move(k));
  }
  return out;
}

void load_key_figures(const fs::path& dir, Dataset& d) {
  fs::path kf = dir / "chart" / "key_figures.csv";
  d.key_figures = fs::exists(kf) ? parse_key_figures(read_file(kf.string()), kf.string(), d.chart) : default_key_figures(d.chart);
  if (fs::path my = dir / "municipality_years.csv"; fs::exists(my))
    d.municipality_years = parse_years(read_file(my.string()), my.string(), d.municipalities);
}

void dump_key_figures(const Dataset& d, const fs::path& dir) {
  std::string s = "id;name_fi;name_sv;unit;formula\n";
  for (const auto& k : d.key_figures) s += row({k.id, k.name.fi, k.name.sv, to_string(k.unit), k.formula_text});
  write_text(dir / "chart" / "key_figures.csv", s);
  if (d.municipality_years.empty()) return;
  s = "municipality;year;population;income_tax_rate\n";
  for (const auto& y : d.municipality_years)
    s += row({y.municipality, std::to_string(y.year), y.population ? std::to_string(*y.population) : "",
              y.income_tax_rate ? fixed_to_plain(*y.income_tax_rate, 2) : ""});
  write_text(dir / "municipality_years.csv", s);
}

}  // namespace toteuma
