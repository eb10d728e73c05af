// The dataset folder format: round trips, and broken files rejected with a location while
// the database stays as it was.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/commands.h"
#include "ingest/dataset_files.h"
#include "store/store.h"
#include "test_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

TEST(DatasetFiles, DemoLoadsWithEveryPart) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  ASSERT_FALSE(d.municipalities.empty());
  EXPECT_EQ(d.primary().code, "434");
  EXPECT_EQ(d.primary().languages.size(), 2u);
  EXPECT_EQ(d.primary().primary, Lang::fi);
  EXPECT_NE(d.chart.find("operating_margin"), nullptr);
  EXPECT_FALSE(d.accounts.empty());
  EXPECT_EQ(d.scenarios.size(), 8u);
  EXPECT_EQ(d.investments.groups.size(), 4u);
  EXPECT_EQ(d.investments.projects.size(), 12u);
  EXPECT_EQ(d.investments.carry_overs.size(), 1u);
}

TEST(DatasetFiles, LoadDumpLoadIsIdentical) {
  Dataset first = load_dataset_dir(testing::demo_dir());
  TempDir tmp;
  dump_dataset_dir(first, tmp.path() / "out");
  Dataset second = load_dataset_dir(tmp.path() / "out");
  EXPECT_EQ(first, second);
  // A second dump is byte-identical to the first: dumps are stable for diffing.
  dump_dataset_dir(second, tmp.path() / "out2");
  for (const char* f : {"municipality.toml", "units.csv", "scenarios.csv", "figures.csv", "chart/lines.csv",
                        "chart/accounts.csv", "investments/groups.csv", "investments/projects.csv",
                        "investments/figures.csv", "investments/carry_overs.csv"})
    EXPECT_EQ(testing::slurp(tmp.path() / "out" / f), testing::slurp(tmp.path() / "out2" / f)) << f;
}

TEST(DatasetFiles, DatabaseRoundTripIsIdentical) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  TempDir tmp;
  auto store = open_store(test_db(tmp, "t"));
  EXPECT_TRUE(store->empty());
  store->replace(d);
  EXPECT_FALSE(store->empty());
  EXPECT_EQ(store->read(), d);
  EXPECT_GE(store->schema_version(), 1);
}

TEST(DatasetFiles, TextsWithSeparatorsAndQuotesSurviveDump) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  d.units[0].name.fi = "Nimi; jossa \"lainaus\"\nja rivinvaihto";
  d.municipalities[0].name.sv = "Lovisa \"stad\" \\ test";
  TempDir tmp;
  dump_dataset_dir(d, tmp.path());
  EXPECT_EQ(load_dataset_dir(tmp.path()), d);
}

struct Breakage {
  std::string name;
  std::string file;     // relative to the dataset folder
  std::string find;     // text to replace (its line is the expected error line)
  std::string replace;
  std::string column;   // expected column in the message
};

void PrintTo(const Breakage& b, std::ostream* os) { *os << b.name; }

std::vector<Breakage> breakages() {
  return {
      {"amount_with_space", "figures.csv", "kanslia;sales;ta2024;20500", "kanslia;sales;ta2024;20 500", "amount"},
      {"unknown_unit", "figures.csv", "kanslia;sales;ta2024;20500", "kansla;sales;ta2024;20500", "unit"},
      {"unknown_line", "figures.csv", "kanslia;sales;ta2024;20500", "kanslia;myynti;ta2024;20500", "line"},
      {"unknown_scenario", "figures.csv", "kanslia;sales;ta2024;20500", "kanslia;sales;ta2042;20500", "scenario"},
      {"typed_total", "figures.csv", "kanslia;sales;ta2024;20500",
       "kanslia;sales;ta2024;20500\nkanslia;operating_income;ta2024;300500", "line"},
      {"duplicate_figure", "figures.csv", "kanslia;sales;ta2024;20500",
       "kanslia;sales;ta2024;20500\nkanslia;sales;ta2024;1", "amount"},
      {"bad_kind", "scenarios.csv", "ta2024;budget;2024", "ta2024;budjetti;2024", "kind"},
      {"plan_without_base", "scenarios.csv", "ts2026;plan;2026;2025", "ts2026;plan;2026;", "base_year"},
      {"unknown_scenario_municipality", "scenarios.csv", "ta2023;budget;2023;;Talousarvio 2023;Budget 2023;;;",
       "ta2023;budget;2023;;Talousarvio 2023;Budget 2023;;;naantali", "municipality"},
      {"bad_date", "units.csv", "talous;2023-01-01", "talous;2023-02-30", "valid_from"},
      {"unknown_parent", "units.csv", ";kanslia;area;Talous", ";kansla;area;Talous", "parent"},
      {"unknown_binding_line", "units.csv", "stadsdirektören;operating_margin", "stadsdirektören;toimintakate", "binding_line"},
      {"missing_swedish_name", "units.csv", ";Ekonomi- och personaltjänster;", ";;", "name_sv"},
      // the investment part (issue 14): its cash-flow lines are not typed into figures.csv
      {"investment_line_in_figures", "figures.csv", "kanslia;sales;ta2024;20500", "kanslia;investment_expenditure;ta2024;20500", "line"},
      {"inv_group_unknown_unit", "investments/groups.csv", "1-talonrakennus;loviisa;", "1-talonrakennus;lovisa;", "unit"},
      {"inv_group_bad_binding", "investments/groups.csv", ";Husbyggnad;no", ";Husbyggnad;maybe", "binding"},
      {"inv_project_unknown_group", "investments/projects.csv", "p104-perusparannukset;1-talonrakennus", "p104-perusparannukset;9-muut", "group"},
      {"inv_project_bad_estimate", "investments/projects.csv", "Idrottshall;8000000", "Idrottshall;8 000 000", "cost_estimate"},
      {"inv_project_ends_before_start", "investments/projects.csv", ";yes;2026;2028", ";yes;2026;2025", "end_year"},
      {"inv_figure_unknown_project", "investments/figures.csv", "p301-ict;ta2024;expenditure", "p399-ict;ta2024;expenditure", "project"},
      {"inv_figure_unknown_scenario", "investments/figures.csv", "p301-ict;ta2024;expenditure", "p301-ict;ta2042;expenditure", "scenario"},
      {"inv_figure_bad_kind", "investments/figures.csv", "p301-ict;ta2024;expenditure", "p301-ict;ta2024;menot", "kind"},
      {"inv_budget_expenditure_positive", "investments/figures.csv", "p301-ict;ta2024;expenditure;-350000", "p301-ict;ta2024;expenditure;350000", "amount"},
      {"inv_decision_on_budget_row", "investments/figures.csv", "p301-ict;ta2024;expenditure;-350000;", "p301-ict;ta2024;expenditure;-350000;Kv 1", "decision_ref"},
      {"inv_carry_over_positive", "investments/carry_overs.csv", "2023;-100000", "2023;100000", "amount"},
  };
}

int line_of(const std::string& text, const std::string& find) {
  auto pos = text.find(find);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

class BrokenDataset : public ::testing::TestWithParam<Breakage> {};

TEST_P(BrokenDataset, IsRejectedWithLocationAndChangesNothing) {
  const Breakage& b = GetParam();
  TempDir tmp;
  fs::copy(testing::demo_dir(), tmp.path() / "ds", fs::copy_options::recursive);
  std::string text = testing::slurp(tmp.path() / "ds" / b.file);
  ASSERT_NE(text.find(b.find), std::string::npos) << "fixture text not found: " << b.find;
  int expected_line = line_of(text, b.find) + (b.name == "typed_total" || b.name == "duplicate_figure" ? 1 : 0);
  text.replace(text.find(b.find), b.find.size(), b.replace);
  testing::spit(tmp.path() / "ds" / b.file, text);

  // A database holding the good demo data must be untouched by the failed load.
  std::string db = test_db(tmp, "t");
  CommandOptions o;
  o.db = db;
  o.dir = testing::demo_dir().string();
  std::ostringstream sink;
  cmd_load(o, sink);
  Dataset before = open_store(db)->read();

  o.dir = (tmp.path() / "ds").string();
  try {
    cmd_load(o, sink);
    FAIL() << "broken dataset was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(fs::path(e.file).filename(), fs::path(b.file).filename()) << e.what();
    EXPECT_EQ(e.line, expected_line) << e.what();
    EXPECT_EQ(e.column, b.column) << e.what();
    std::string msg = e.what();
    EXPECT_NE(msg.find(fs::path(b.file).filename().string() + ":" + std::to_string(expected_line) + ":"),
              std::string::npos)
        << msg;
  }
  EXPECT_EQ(open_store(db)->read(), before);
}

INSTANTIATE_TEST_SUITE_P(Cases, BrokenDataset, ::testing::ValuesIn(breakages()),
                         [](const auto& info) { return info.param.name; });

TEST(DatasetFiles, BrokenTomlNamesTheLine) {
  TempDir tmp;
  fs::copy(testing::demo_dir(), tmp.path(), fs::copy_options::recursive);
  std::string t = testing::slurp(tmp.path() / "municipality.toml");
  testing::spit(tmp.path() / "municipality.toml", t + "languages_extra = [\n");
  try {
    load_dataset_dir(tmp.path());
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(fs::path(e.file).filename(), "municipality.toml");
    EXPECT_GT(e.line, 1);
  }
}

TEST(DatasetFiles, StandardChartMapsEveryIncomeStatementAccountOfAura) {
  // The official chart of accounts (AURA, State Treasury), copied from shared/reference.
  // Every income-statement account of a municipality must map to the line of its category;
  // this is an independent expectation from the published category paths and names.
  const std::map<std::string, std::string> by_category = {
      {"Myyntituotot/Liikevaihto", "sales"},        {"Maksutuotot", "fees"},
      {"Tuet ja avustukset", "grants"},             {"Muut toimintatuotot", "other_income"},
      {"Valmistevarastojen muutos", "inventory_change"}, {"VALMISTUS OMAAN KÄYTTÖÖN", "own_use"},
      {"Palvelujen ostot", "services"},             {"Aineet, tarvikkeet ja tavarat", "materials"},
      {"Avustukset", "subsidies"},                  {"Muut toimintakulut", "other_costs"},
      {"Verotulot", "tax_revenue"},                 {"Valtionosuudet", "state_transfers"},
      {"Satunnaiset tuotot ja kulut/Satunnaiset erät", "extraordinary_items"}};
  // Categories whose accounts split by name (decree 525/2020 prints these lines apart).
  auto by_name = [](const std::string& category, const std::string& name, int account) -> std::string {
    auto has = [&](const char* w) { return name.find(w) != std::string::npos; };
    if (category == "Rahoitustuotot ja -kulut") {
      if (has("orkotuot")) return "interest_income";  // Korkotuotot, korkotuotot
      if (has("orkokulu")) return "interest_costs";
      return account < 6200 ? "other_financial_income" : "other_financial_costs";
    }
    if (category == "Poistot ja arvonalentumiset")
      return has("arvonal") || has("eliminointiero") || has("Konserni") ? "impairments" : "planned_depreciation";
    if (category.rfind("Poistoeron muutos", 0) == 0) return "depreciation_difference_change";
    if (category.rfind("Varausten muutos", 0) == 0) return "reserves_change";
    if (category.rfind("Rahastojen muutos", 0) == 0 && has("Rahastojen")) return "funds_change";
    return "";
  };
  auto ranges = default_accounts();
  std::istringstream in(testing::slurp(testing::source_dir() / "tests" / "data" / "aura_account_info.csv"));
  std::string line;
  std::getline(in, line);  // header
  int checked = 0;
  while (std::getline(in, line)) {
    // ,number,name,cat1,cat2,cat3,... — names may be quoted and contain commas.
    std::vector<std::string> f;
    std::string cur;
    bool q = false;
    for (char c : line) {
      if (c == '"') q = !q;
      else if (c == ',' && !q) f.push_back(cur), cur.clear();
      else cur += c;
    }
    f.push_back(cur);
    if (f.size() < 6 || f[3] != "tuloslaskelma") continue;
    int account = std::stoi(f[1]);
    std::string expected;
    if (f[5] == "Henkilöstökulut") expected = account < 4110 ? "wages" : "side_costs";
    else if (auto it = by_category.find(f[5]); it != by_category.end()) expected = it->second;
    else expected = by_name(f[5], f[2], account);
    if (expected.empty()) continue;  // business units' and groups' accounts (8760–8800), the closing
    const AccountRange* r = map_account(ranges, account);
    ASSERT_NE(r, nullptr) << account;
    EXPECT_EQ(r->line, expected) << account << " " << f[2];
    ++checked;
  }
  EXPECT_GT(checked, 400);  // 290 operating accounts and 147 of taxes to funds over 2021–2023
}

}  // namespace
}  // namespace toteuma

namespace toteuma {
namespace {

// Several municipalities in one dataset: each unit is checked against the languages of its
// own municipality (Laitila publishes in Finnish only), and the file round-trips.
TEST(DatasetFiles, SeveralMunicipalities) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "ds");
  testing::spit(tmp.path() / "ds" / "municipality.toml",
                "[[municipality]]\nid = \"loviisa\"\ncode = \"434\"\nname_fi = \"Loviisa\"\nname_sv = \"Lovisa\"\n"
                "languages = [\"fi\", \"sv\"]\nprimary_language = \"fi\"\n\n"
                "[[municipality]]\nid = \"laitila\"\ncode = \"400\"\nname_fi = \"Laitila\"\nname_sv = \"Letala\"\n"
                "languages = [\"fi\"]\nprimary_language = \"fi\"\n");
  const std::string head = "id;valid_from;valid_to;parent;kind;name_fi;name_sv;responsible_fi;responsible_sv;binding_line\n"
                           "loviisa;2023-01-01;;;municipality;Loviisan kaupunki;Lovisa stad;;;\n"
                           "ict;2023-01-01;;loviisa;area;Tietohallinto;Dataförvaltning;;;\n"
                           "laitila;2023-01-01;;;municipality;Laitilan kaupunki;;;;\n";
  testing::spit(tmp.path() / "ds" / "units.csv", head + "hallinto;2023-01-01;;laitila;sector;Hallintopalvelut;;;;\n");
  testing::spit(tmp.path() / "ds" / "scenarios.csv", "id;kind;year;base_year;name_fi;name_sv;decision_ref;decision_date\n");
  testing::spit(tmp.path() / "ds" / "figures.csv", "unit;line;scenario;amount\n");
  Dataset d = load_dataset_dir(tmp.path() / "ds");
  ASSERT_EQ(d.municipalities.size(), 2u);
  EXPECT_EQ(d.primary().id, "loviisa");
  EXPECT_EQ(d.municipality_of("hallinto").id, "laitila");
  EXPECT_EQ(d.municipality_of("ict").id, "loviisa");
  dump_dataset_dir(d, tmp.path() / "out");
  EXPECT_EQ(load_dataset_dir(tmp.path() / "out"), d);
  auto store = open_store(test_db(tmp, "t"));
  store->replace(d);
  EXPECT_EQ(store->read(), d);

  // A Loviisa unit without a Swedish name is still an error (Laitila's need only Finnish).
  testing::spit(tmp.path() / "ds" / "units.csv", head + "x;2023-01-01;;loviisa;sector;Ilman ruotsia;;;;\n");
  try {
    load_dataset_dir(tmp.path() / "ds");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.column, "name_sv");
    EXPECT_EQ(e.line, 5);
  }
}

}  // namespace
}  // namespace toteuma

namespace toteuma {
namespace {

void write_personnel_fixture(const fs::path& ds) {
  fs::create_directories(ds / "personnel");
  testing::spit(ds / "personnel" / "groups.csv", "id;name_fi;name_sv\nemployed;Työllistetyt;Sysselsatta\n");
  testing::spit(ds / "personnel" / "employment_types.csv",
                "id;name_fi;name_sv\npermanent;vakituiset;ordinarie\nfixed_term;määräaikaiset;visstidsanställda\n");
  testing::spit(ds / "personnel" / "htv.csv",
                "unit;year;kind;group;htv\nict;2024;actual;;12.5\nict;2024;actual;employed;0.403\ntalous;2025;plan;;20\n");
  testing::spit(ds / "personnel" / "headcount.csv",
                "unit;date;type;count\nict;2024-09-04;permanent;11\nict;2024-09-04;fixed_term;2\n");
  testing::spit(ds / "personnel" / "retirements.csv", "unit;year;count\nict;2026;1\n");
  testing::spit(ds / "personnel" / "training.csv",
                "unit;year;days;eligible_days;compensation\nkanslia;2023;880;550;11251.90\nict;2023;;12.5;\n");
  testing::spit(ds / "personnel" / "survey_items.csv", "id;name_fi;name_sv;unit\nresponse_rate;Vastausprosentti;Svarsprocent;%\n");
  testing::spit(ds / "personnel" / "survey.csv", "unit;year;item;value\nloviisa;2024;response_rate;69.7\n");
  testing::spit(ds / "restructurings.csv",
                "date;old_unit;new_unit;share;external;htv;persons;note\n"
                "2025-01-01;ict;talous;0.5;;;;puolet\n2025-01-01;ict;;;Lahti Aqua Oy;;10;liikkeen luovutus\n");
}

TEST(PersonnelFiles, RoundTripThroughFilesAndDatabase) {
  TempDir tmp;
  fs::copy(testing::demo_dir(), tmp.path() / "ds", fs::copy_options::recursive);
  write_personnel_fixture(tmp.path() / "ds");
  Dataset d = load_dataset_dir(tmp.path() / "ds");
  ASSERT_EQ(d.personnel.htv.size(), 3u);
  // 0.403 htv is 403 thousandths; 11 251,90 € is cents; 69,7 % in tenths.
  EXPECT_EQ(d.personnel.htv[0].htv, 12500);
  EXPECT_EQ(d.personnel.htv[1].htv, 403);
  // Canonical order is by unit: ict before kanslia.
  ASSERT_EQ(d.personnel.training.size(), 2u);
  EXPECT_EQ(d.personnel.training[1].compensation, 1125190);
  EXPECT_EQ(d.personnel.training[1].eligible_hundredths, 55000);
  EXPECT_FALSE(d.personnel.training[0].days_hundredths.has_value());
  EXPECT_EQ(d.personnel.training[0].eligible_hundredths, 1250);
  EXPECT_EQ(d.personnel.survey[0].value_tenths, 697);
  ASSERT_EQ(d.restructurings.size(), 2u);
  EXPECT_EQ(d.restructurings[0].persons, 10);
  dump_dataset_dir(d, tmp.path() / "out");
  EXPECT_EQ(load_dataset_dir(tmp.path() / "out"), d);
  auto store = open_store(test_db(tmp, "t"));
  store->replace(d);
  EXPECT_EQ(store->read(), d);
}

TEST(PersonnelFiles, BadRowsAreLocated) {
  struct Bad {
    std::string file, text, column;
    int line;
  };
  const std::vector<Bad> bad = {
      {"personnel/htv.csv", "unit;year;kind;group;htv\nict;2024;actual;temps;1\n", "group", 2},
      {"personnel/htv.csv", "unit;year;kind;group;htv\nict;2024;actual;;1.2345\n", "htv", 2},
      {"personnel/htv.csv", "unit;year;kind;group;htv\nict;2024;budget;;1\n", "kind", 2},
      {"personnel/headcount.csv", "unit;date;type;count\nict;2024-09-04;permanent;1\nict;2024-09-04;permanent;2\n", "count", 3},
      {"restructurings.csv", "date;old_unit;new_unit;share;external;htv;persons;note\n2025-01-01;ict;talous;1.2;;;;\n", "share", 2},
      {"restructurings.csv", "date;old_unit;new_unit;share;external;htv;persons;note\n2025-01-01;ict;;;Yhtiö;;;\n", "persons", 2},
  };
  for (const auto& b : bad) {
    TempDir tmp;
    fs::copy(testing::demo_dir(), tmp.path() / "ds", fs::copy_options::recursive);
    write_personnel_fixture(tmp.path() / "ds");
    testing::spit(tmp.path() / "ds" / b.file, b.text);
    try {
      load_dataset_dir(tmp.path() / "ds");
      ADD_FAILURE() << b.file << ": accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(fs::path(e.file).filename(), fs::path(b.file).filename()) << e.what();
      EXPECT_EQ(e.line, b.line) << e.what();
      EXPECT_EQ(e.column, b.column) << e.what();
    }
  }
}

}  // namespace
}  // namespace toteuma
