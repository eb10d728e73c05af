// Key figures (issue 14): every standard key figure computed by hand on a small municipality,
// absent bases, rounding half away from zero, the 5-year accumulation, formula errors with their
// place, and the municipality-year data through files and the database.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/commands.h"
#include "core/finance/key_figures.h"
#include "ingest/dataset_files.h"
#include "ingest/key_figure_files.h"
#include "render/explain_render.h"
#include "render/simple_table_render.h"
#include "store/store.h"
#include "test_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

// A test chart holding the lines the standard key figures name (issue14.md), so these tests do
// not depend on the standard chart's state.
const char* kLines =
    "id;kind;show;name_fi;name_sv;synonyms_fi;synonyms_sv;formula\n"
    "operating_margin;detail;always;Toimintakate;Verksamhetsbidrag;;;\n"
    "tax_revenue;detail;data;Verotulot;Skatteinkomster;;;\n"
    "state_transfers;detail;data;Valtionosuudet;Statsandelar;;;\n"
    "annual_margin;total;always;Vuosikate;Årsbidrag;;;+operating_margin +tax_revenue +state_transfers\n"
    "planned_depreciation;detail;data;Suunnitelman mukaiset poistot;Planenliga avskrivningar;;;\n"
    "depreciation;total;data;Poistot ja arvonalentumiset;Avskrivningar och nedskrivningar;;;+planned_depreciation\n"
    "capital_spending;detail;data;Investointimenot;Investeringsutgifter;;;\n"
    "operating_investing_cash_flow;total;data;Toiminnan ja investointien rahavirta;Verksamhetens och investeringarnas "
    "kassaflöde;;;+annual_margin +capital_spending\n"
    "loan_stock;memo;data;Lainakanta 31.12.;Lånestock 31.12.;;;\n"
    "accumulated_surplus;memo;data;Kertynyt yli-/alijäämä;Ackumulerat över-/underskott;;;\n";

// The figures in euros (hand-computed values in the comments and in kCases below).
//   year  operating_margin  tax        state       annual_margin  depreciation  investments  op+inv cash flow
//   TP21  -9 000 000        6 600 000  3 000 000     600 000      –             -1 000 000     -400 000
//   TP22  -9 500 000        7 000 000  3 200 000     700 000      -1 100 000      -900 000     -200 000
//   TP23 -10 000 000        7 000 000  4 500 000,50 1 500 000,50 -1 200 000    -2 000 000     -499 999,50
//   TA24 -10 500 000        7 300 000  4 000 000     800 000      -1 250 000    -1 500 000     -700 000
//   +amendment 2024: investments -300 000 → after amendments -1 800 000, cash flow -1 000 000
//   TA25 -10 800 000        7 650 000  3 000 000    -150 000      -2 400 000    -3 000 000   -3 150 000
//   TS26 -11 000 000        8 000 000  3 500 000     500 000      -1 000 000    -1 000 000     -500 000
//   TS27 -11 200 000        8 200 000  3 600 000     600 000      -1 000 000      -600 000            0
// loan stock / accumulated surplus: TP23 30 000 000 / 2 000 000; TA24 31 000 000 / 2 500 000;
// TA25 33 000 000 / 2 350 000; TS26 32 000 000 / 2 850 000; TS27 31 500 000 / 3 450 000.
// Operating margins are the sector's (rolled up to the root); the rest is entered at the root.
const char* kFigures =
    "unit;line;scenario;amount\n"
    "ala;operating_margin;tp2021;-9000000\nkunta;tax_revenue;tp2021;6600000\nkunta;state_transfers;tp2021;3000000\n"
    "kunta;capital_spending;tp2021;-1000000\n"
    "ala;operating_margin;tp2022;-9500000\nkunta;tax_revenue;tp2022;7000000\nkunta;state_transfers;tp2022;3200000\n"
    "kunta;planned_depreciation;tp2022;-1100000\nkunta;capital_spending;tp2022;-900000\n"
    "ala;operating_margin;tp2023;-10000000\nkunta;tax_revenue;tp2023;7000000\nkunta;state_transfers;tp2023;4500000.50\n"
    "kunta;planned_depreciation;tp2023;-1200000\nkunta;capital_spending;tp2023;-2000000\n"
    "kunta;loan_stock;tp2023;30000000\nkunta;accumulated_surplus;tp2023;2000000\n"
    "ala;operating_margin;ta2024;-10500000\nkunta;tax_revenue;ta2024;7300000\nkunta;state_transfers;ta2024;4000000\n"
    "kunta;planned_depreciation;ta2024;-1250000\nkunta;capital_spending;ta2024;-1500000\n"
    "kunta;loan_stock;ta2024;31000000\nkunta;accumulated_surplus;ta2024;2500000\n"
    "kunta;capital_spending;mu2024;-300000\n"
    "ala;operating_margin;ta2025;-10800000\nkunta;tax_revenue;ta2025;7650000\nkunta;state_transfers;ta2025;3000000\n"
    "kunta;planned_depreciation;ta2025;-2400000\nkunta;capital_spending;ta2025;-3000000\n"
    "kunta;loan_stock;ta2025;33000000\nkunta;accumulated_surplus;ta2025;2350000\n"
    "ala;operating_margin;ts2026;-11000000\nkunta;tax_revenue;ts2026;8000000\nkunta;state_transfers;ts2026;3500000\n"
    "kunta;planned_depreciation;ts2026;-1000000\nkunta;capital_spending;ts2026;-1000000\n"
    "kunta;loan_stock;ts2026;32000000\nkunta;accumulated_surplus;ts2026;2850000\n"
    "ala;operating_margin;ts2027;-11200000\nkunta;tax_revenue;ts2027;8200000\nkunta;state_transfers;ts2027;3600000\n"
    "kunta;planned_depreciation;ts2027;-1000000\nkunta;capital_spending;ts2027;-600000\n"
    "kunta;loan_stock;ts2027;31500000\nkunta;accumulated_surplus;ts2027;3450000\n";

// Population 31.12. and tax rate; 2026 has no population (a per-resident figure is absent).
const char* kYears =
    "municipality;year;population;income_tax_rate\n"
    "kunta;2021;15200;8.60\nkunta;2022;15100;8.60\nkunta;2023;15000;8.60\nkunta;2024;14900;8.90\n"
    "kunta;2025;12000;8.90\nkunta;2026;;8.90\nkunta;2027;11800;9.00\n";

fs::path write_dataset(const fs::path& dir) {
  fs::create_directories(dir / "chart");
  testing::spit(dir / "municipality.toml",
                "id = \"kunta\"\ncode = \"999\"\nname_fi = \"Testikunta\"\nname_sv = \"Testkommun\"\n"
                "languages = [\"fi\", \"sv\"]\nprimary_language = \"fi\"\n");
  testing::spit(dir / "chart" / "lines.csv", kLines);
  testing::spit(dir / "chart" / "accounts.csv", "from;to;line\n");
  testing::spit(dir / "units.csv",
                "id;valid_from;valid_to;parent;kind;name_fi;name_sv;responsible_fi;responsible_sv;binding_line\n"
                "kunta;2020-01-01;;;municipality;Testikunta;Testkommun;;;\n"
                "ala;2020-01-01;;kunta;sector;Toimiala;Sektor;;;\n");
  testing::spit(dir / "scenarios.csv",
                "id;kind;year;base_year;name_fi;name_sv;decision_ref;decision_date\n"
                "tp2021;actual;2021;;TP 2021;Bokslut 2021;;\ntp2022;actual;2022;;TP 2022;Bokslut 2022;;\n"
                "tp2023;actual;2023;;TP 2023;Bokslut 2023;;\nta2024;budget;2024;;TA 2024;Budget 2024;;\n"
                "mu2024;amendment;2024;;Muutos 2024;Ändring 2024;KV 1.6.2024 § 5;2024-06-01\n"
                "ta2025;budget;2025;;TA 2025;Budget 2025;;\nts2026;plan;2026;2025;TS 2026;Plan 2026;;\n"
                "ts2027;plan;2027;2025;TS 2027;Plan 2027;;\n");
  testing::spit(dir / "figures.csv", kFigures);
  testing::spit(dir / "municipality_years.csv", kYears);
  return dir;
}

struct Case {
  std::string figure;
  Measure measure;
  int year;
  std::optional<std::int64_t> expected;  // the shown value × 10^decimals (69,7 % = 697)
  const char* why;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.figure << " " << c.year << " " << c.why; }

const std::vector<Case> kCases = {
    // Vuosikate / poistot %: annual_margin / −depreciation, in tenths of a percent.
    {"annual_margin_to_depreciation", Measure::actual, 2021, std::nullopt, "no depreciation: absent, not zero"},
    {"annual_margin_to_depreciation", Measure::actual, 2022, 636, "700 000 / 1 100 000 = 63,636 %"},
    {"annual_margin_to_depreciation", Measure::actual, 2023, 1250, "1 500 000,50 / 1 200 000 = 125,00004 %"},
    {"annual_margin_to_depreciation", Measure::budget_after, 2024, 640, "800 000 / 1 250 000"},
    {"annual_margin_to_depreciation", Measure::budget, 2025, -63, "-150 000 / 2 400 000 = -6,25 % → -6,3 % (half away from zero)"},
    {"annual_margin_to_depreciation", Measure::plan, 2026, 500, "500 000 / 1 000 000"},
    // Vuosikate €/asukas.
    {"annual_margin_per_resident", Measure::actual, 2023, 100, "1 500 000,50 / 15 000 = 100,00003"},
    {"annual_margin_per_resident", Measure::budget_after, 2024, 54, "800 000 / 14 900 = 53,69"},
    {"annual_margin_per_resident", Measure::budget, 2025, -13, "-150 000 / 12 000 = -12,5 → -13"},
    {"annual_margin_per_resident", Measure::plan, 2026, std::nullopt, "no population 2026"},
    {"annual_margin_per_resident", Measure::plan, 2027, 51, "600 000 / 11 800 = 50,85"},
    // Lainakanta € and €/asukas.
    {"loan_stock", Measure::actual, 2022, std::nullopt, "no loan stock entered for 2022"},
    {"loan_stock", Measure::budget, 2025, 33'000'000, "entered"},
    {"loan_stock_per_resident", Measure::actual, 2023, 2000, "30 000 000 / 15 000"},
    {"loan_stock_per_resident", Measure::budget_after, 2024, 2081, "31 000 000 / 14 900 = 2 080,54"},
    {"loan_stock_per_resident", Measure::plan, 2027, 2669, "31 500 000 / 11 800 = 2 669,49"},
    // Toiminnan ja investointien rahavirran kertymä 5 v.
    {"operating_investing_cash_flow_5y", Measure::actual, 2023, std::nullopt, "2019 and 2020 missing"},
    {"operating_investing_cash_flow_5y", Measure::budget_after, 2024, std::nullopt, "2020 missing"},
    {"operating_investing_cash_flow_5y", Measure::budget, 2025, -5'250'000,
     "TP21 -400 000 + TP22 -200 000 + TP23 -499 999,50 + TA24 after amendments -1 000 000 + TA25 -3 150 000 = -5 249 999,50"},
    {"operating_investing_cash_flow_5y", Measure::plan, 2026, -5'350'000,
     "TP22 + TP23 + TA24 after + TA25 + TS26 -500 000 = -5 349 999,50"},
    {"operating_investing_cash_flow_5y", Measure::plan, 2027, -5'150'000, "TP23 + TA24 after + TA25 + TS26 + TS27 0 = -5 149 999,50"},
    // Kertynyt yli-/alijäämä € and €/asukas.
    {"accumulated_surplus", Measure::actual, 2023, 2'000'000, "entered"},
    {"accumulated_surplus_per_resident", Measure::actual, 2023, 133, "2 000 000 / 15 000 = 133,33"},
    {"accumulated_surplus_per_resident", Measure::budget, 2025, 196, "2 350 000 / 12 000 = 195,83"},
    {"accumulated_surplus_per_resident", Measure::plan, 2027, 292, "3 450 000 / 11 800 = 292,37"},
    // Tuloveroprosentti (hundredths of a percent), asukasluku.
    {"income_tax_rate", Measure::actual, 2023, 860, "8,60 %"},
    {"income_tax_rate", Measure::plan, 2026, 890, "8,90 %"},
    {"income_tax_rate", Measure::actual, 2020, std::nullopt, "no row for 2020"},
    {"population", Measure::budget, 2025, 12000, "entered"},
    {"population", Measure::plan, 2026, std::nullopt, "blank in the file"},
};

class KeyFigureCases : public ::testing::TestWithParam<Case> {};

TEST_P(KeyFigureCases, ComputedAsByHand) {
  static TempDir tmp;
  static const Dataset d = load_dataset_dir(write_dataset(tmp.path() / "ds"));
  const Case& c = GetParam();
  Ledger ledger(d);
  OrgView org(d.units, Date::first_of_year(2025));
  const KeyFigure* k = find_key_figure(d, c.figure);
  ASSERT_NE(k, nullptr) << c.figure;
  ColumnSpec col{c.measure, c.year, c.measure == Measure::plan ? 2025 : 0};
  EXPECT_EQ(evaluate_key_figure(ledger, org, "kunta", *k, col).value, c.expected) << c.why;
}

INSTANTIATE_TEST_SUITE_P(Standard, KeyFigureCases, ::testing::ValuesIn(kCases), [](const auto& info) {
  return info.param.figure + "_" + std::to_string(info.index);
});

// Literal formulas: the one rounding at the end is half away from zero in every unit.
TEST(KeyFigures, RoundsHalfAwayFromZeroOnce) {
  struct R {
    std::string formula;
    KeyUnit unit;
    std::optional<std::int64_t> expected;
  };
  const std::vector<R> rs = {
      {"1 / 16", KeyUnit::percent, 63},       // 6,25 % → 6,3 %
      {"-1 / 16", KeyUnit::percent, -63},     // -6,25 % → -6,3 %
      {"1 / 3", KeyUnit::percent, 333},       // 33,33 % → 33,3 %
      {"2 / 3", KeyUnit::percent, 667},
      {"1 / 160", KeyUnit::percent_2, 63},    // 0,625 % → 0,63 %
      {"5 / 2", KeyUnit::eur, 3},
      {"-5 / 2", KeyUnit::eur_per_resident, -3},
      {"-(7 - 2) × 3 ÷ 2", KeyUnit::eur, -8}, // -7,5 → -8; typographic operators
      {"1 / 3 + 1 / 6", KeyUnit::count, 1},   // exactly 0,5: no rounding before the end
      {"1 / (2 − 2)", KeyUnit::count, std::nullopt},  // no ratio of a zero base
  };
  Dataset d;
  Ledger ledger(d);
  OrgView org(d.units, Date::first_of_year(2025));
  for (const auto& r : rs) {
    auto p = parse_key_formula(r.formula);
    ASSERT_TRUE(p.formula) << r.formula << ": " << p.error.en;
    KeyFigure k{"x", {"x", "x"}, r.unit, r.formula, *p.formula};
    EXPECT_EQ(evaluate_key_figure(ledger, org, "kunta", k, {Measure::actual, 2025, 0}).value, r.expected) << r.formula;
  }
}

TEST(KeyFigures, FormulaErrorsNameLineAndCharacter) {
  struct E {
    std::string formula;
    std::string found;  // in the English part of the message
  };
  const std::vector<E> es = {
      {"annual_margin / ", "at character 17"},
      {"annual_margin ** 2", "at character 16"},
      {"(annual_margin", "at character 15"},
      {"sum(loan_stock)", "at character 15"},
      {"sum(loan_stock, 0)", "at character 17"},
      {"sum(population, 5)", "at character 5"},
      {"loan_stock / populaatio", "at character 14, found \"populaatio\""},
      {"", "expected a formula at character 1"},
  };
  for (const auto& e : es) {
    TempDir tmp;
    fs::path ds = write_dataset(tmp.path() / "ds");
    testing::spit(ds / "chart" / "key_figures.csv", "id;name_fi;name_sv;unit;formula\n"
                                                    "population;Asukasluku;Invånarantal;count;population\n"
                                                    "bad;Huono;Dålig;eur;" + e.formula + "\n");
    try {
      load_dataset_dir(ds);
      ADD_FAILURE() << e.formula << " was accepted";
    } catch (const InputError& err) {
      EXPECT_EQ(fs::path(err.file).filename(), "key_figures.csv");
      EXPECT_EQ(err.line, 3) << err.what();
      EXPECT_EQ(err.column, "formula") << err.what();
      EXPECT_NE(err.message.find(e.found), std::string::npos) << err.what();
      EXPECT_NE(err.message.find(" / "), std::string::npos) << "fi and sv parts: " << err.what();
    }
  }
}

TEST(KeyFigures, MunicipalityYearErrorsAreLocated) {
  struct E {
    std::string row;
    std::string column;
  };
  const std::vector<E> es = {
      {"naapuri;2025;100;8.60", "municipality"}, {"kunta;25;100;8.60", "year"},
      {"kunta;2023;100;8.60", "year"},  // 2023 is already on line 4
      {"kunta;2028;-5;8.60", "population"},    {"kunta;2028;14 719;8.60", "population"},
      {"kunta;2028;100;8.605", "income_tax_rate"}, {"kunta;2028;100;101", "income_tax_rate"},
      {"kunta;2028;;", "population"},
  };
  for (const auto& e : es) {
    TempDir tmp;
    fs::path ds = write_dataset(tmp.path() / "ds");
    testing::spit(ds / "municipality_years.csv", std::string(kYears) + e.row + "\n");
    try {
      load_dataset_dir(ds);
      ADD_FAILURE() << e.row << " was accepted";
    } catch (const InputError& err) {
      EXPECT_EQ(fs::path(err.file).filename(), "municipality_years.csv");
      EXPECT_EQ(err.line, 9) << err.what();
      EXPECT_EQ(err.column, e.column) << err.what();
    }
  }
}

// dump → load → dump is byte-identical, and the database keeps everything (migration 17).
TEST(KeyFigures, RoundTripThroughFilesAndDatabase) {
  TempDir tmp;
  Dataset d = load_dataset_dir(write_dataset(tmp.path() / "ds"));
  ASSERT_EQ(d.municipality_years.size(), 7u);
  EXPECT_EQ(d.municipality_years[1].income_tax_rate, 860);
  EXPECT_EQ(d.municipality_years[5].population, std::nullopt);
  ASSERT_EQ(d.key_figures.size(), 9u);  // the standard ones: the test chart has every line they name
  dump_dataset_dir(d, tmp.path() / "out");
  Dataset back = load_dataset_dir(tmp.path() / "out");
  EXPECT_EQ(back, d);
  dump_dataset_dir(back, tmp.path() / "out2");
  for (const char* f : {"municipality_years.csv", "chart/key_figures.csv"})
    EXPECT_EQ(testing::slurp(tmp.path() / "out" / f), testing::slurp(tmp.path() / "out2" / f)) << f;
  EXPECT_NE(testing::slurp(tmp.path() / "out" / "municipality_years.csv").find("kunta;2026;;8.9\n"), std::string::npos);
  auto store = open_store(test_db(tmp, "t"));
  store->replace(d);
  EXPECT_EQ(store->read(), d);
  EXPECT_GE(store->schema_version(), 17);
}

TEST(KeyFigures, StandardOnesNeedTheirLinesInTheChart) {
  std::vector<std::string> ids;
  for (const auto& k : default_key_figures(Chart{})) ids.push_back(k.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"income_tax_rate", "population"}));
}

// The budget table Y = 2025: TP 2023 | TA 2024 after amendments | TA 2025 | TS 2026 | TS 2027.
TEST(KeyFigures, BudgetTableInFinnishAndSwedish) {
  TempDir tmp;
  Dataset d = load_dataset_dir(write_dataset(tmp.path() / "ds"));
  Ledger ledger(d);
  SimpleTable fi = key_figure_table(ledger, "kunta", 2025, TableKind::budget, Lang::fi);
  EXPECT_EQ(fi.headings, (std::vector<std::string>{"TP 2023", "TA 2024 muutosten jälkeen", "TA 2025", "TS 2026", "TS 2027"}));
  std::string text = render_simple_text(fi);
  const std::string nb = "\u00a0";
  for (const std::string& s : std::vector<std::string>{"Vuosikate / poistot, %", "125,0" + nb + "%", "-6,3" + nb + "%", "-13", "8,90" + nb + "%",
                               "-5" + nb + "250" + nb + "000", "12" + nb + "000", "Testikunta: Tunnusluvut 2025"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  SimpleTable sv = key_figure_table(ledger, "kunta", 2025, TableKind::budget, Lang::sv);
  std::string svt = render_simple_text(sv);
  for (const std::string s : {"Årsbidrag, €/invånare", "Bokslut 2023", "Testkommun: Nyckeltal 2025"})
    EXPECT_NE(svt.find(s), std::string::npos) << s << "\n" << svt;
  // The annual report's columns: TA after amendments and TP.
  SimpleTable ar = key_figure_table(ledger, "kunta", 2023, TableKind::annual_report, Lang::fi);
  EXPECT_EQ(ar.headings, (std::vector<std::string>{"TA 2023 muutosten jälkeen", "TP 2023"}));
  EXPECT_EQ(ar.rows[0].cells[0], std::nullopt);  // no budget 2023: absent, not zero
  EXPECT_EQ(ar.rows[0].cells[1], 12500);         // 125,0 % (table cells in hundredths)
  // A sector is no municipality.
  EXPECT_THROW(key_figure_table(ledger, "ala", 2025, TableKind::budget, Lang::fi), TableError);
}

TEST(KeyFigures, ExplainsFormulaValuesAndResult) {
  TempDir tmp;
  Dataset d = load_dataset_dir(write_dataset(tmp.path() / "ds"));
  Ledger ledger(d);
  OrgView org(d.units, Date::last_of_year(2025));
  KeyFigureExplanation e =
      explain_key_figure(ledger, org, "kunta", *find_key_figure(d, "annual_margin_per_resident"), {Measure::budget, 2025, 0}, Lang::fi);
  EXPECT_EQ(e.value, -13);
  ASSERT_EQ(e.terms.size(), 2u);
  ASSERT_TRUE(e.terms[0].line);
  EXPECT_EQ(e.terms[0].line->value, -15'000'000);  // cents
  EXPECT_EQ(e.terms[1].value, 12000);
  std::string text = render_key_figure_explanation_text(e, Lang::fi);
  for (const std::string s : {"Vuosikate, €/asukas, Testikunta, TA 2025 = -13", "kaava: annual_margin / population",
                               "annual_margin: Vuosikate", "kunta;tax_revenue;ta2025", "ala;operating_margin;ta2025",
                               "population: Asukasluku 31.12.2025, Testikunta = 12\u00a0000"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  // The accumulation lists each year with the column it comes from.
  KeyFigureExplanation acc = explain_key_figure(ledger, org, "kunta", *find_key_figure(d, "operating_investing_cash_flow_5y"),
                                                {Measure::budget, 2025, 0}, Lang::fi);
  ASSERT_EQ(acc.terms.size(), 5u);
  EXPECT_EQ(acc.terms[0].name, "operating_investing_cash_flow 2021");
  EXPECT_EQ(acc.terms[3].line->value, -100'000'000);  // 2024 after amendments
}

// The commands: table --kind key-figures and explain --key-figure over a database.
TEST(KeyFigures, Commands) {
  TempDir tmp;
  CommandOptions o;
  o.db = test_db(tmp, "t");
  o.dir = write_dataset(tmp.path() / "ds").string();
  std::ostringstream sink;
  cmd_load(o, sink);
  o.unit = "kunta";
  o.year = 2025;
  o.kind = "key-figures";
  o.format = "csv";
  std::ostringstream csv;
  cmd_table(o, csv);
  EXPECT_NE(csv.str().find("Vuosikate, €/asukas;100;54;-13;;51\n"), std::string::npos) << csv.str();
  o.format = "html";
  o.layout = "annual-report";
  o.year = 2023;
  std::ostringstream html;
  cmd_table(o, html);
  EXPECT_NE(html.str().find("<title>Testikunta – Tunnusluvut 2023</title>"), std::string::npos) << html.str();
  EXPECT_NE(html.str().find("125,0\u00a0%"), std::string::npos) << html.str();
  o.key_figure = "annual_margin_to_depreciation";
  o.column = "plan";
  o.year = 2026;
  o.lang = "sv";
  std::ostringstream ex;
  cmd_explain(o, ex);
  EXPECT_NE(ex.str().find("Årsbidrag / avskrivningar, %, Testkommun, Ekonomiplan 2026 = 50,0\u00a0%"), std::string::npos) << ex.str();
  o.unit = "ala";
  EXPECT_THROW(cmd_explain(o, ex), std::runtime_error);
}

}  // namespace
}  // namespace toteuma
