// Data-driven check tests. Each folder under tests/checks/cases/ (and tests/checks/seeds/)
// holds tables as printed and expected.csv: the exact findings, written by hand from the
// planted faults (cases) or from the differences listed in data/demo/README.md (seeds).
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "check/table_checks.h"
#include "core/finance/explain.h"
#include "cli/commands.h"
#include "ingest/dataset_files.h"
#include "ingest/printed_table.h"
#include "store/store.h"
#include "demo_db.h"
#include "test_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

namespace fs = std::filesystem;

struct CheckCase {
  std::string name;
  fs::path dir;
};
void PrintTo(const CheckCase& c, std::ostream* os) { *os << c.name; }

std::vector<CheckCase> check_cases() {
  std::vector<CheckCase> out;
  fs::path root = testing::source_dir() / "tests" / "checks";
  for (const auto& e : fs::directory_iterator(root / "cases"))
    if (e.is_directory()) out.push_back({e.path().filename().string(), e.path()});
  out.push_back({"seeds", root / "seeds"});
  out.push_back({"seeds_003", root / "seeds-003"});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

std::vector<std::string> tables_in(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    auto ext = e.path().extension();
    if ((ext == ".csv" || ext == ".xlsx") && e.path().filename() != "expected.csv") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class CheckFolder : public ::testing::TestWithParam<CheckCase> {};

TEST_P(CheckFolder, ReportsExactlyTheExpectedFindings) {
  CommandOptions o;
  o.tables = tables_in(GetParam().dir);
  o.format = "csv";
  std::ostringstream out;
  int status = cmd_check(o, out);
  std::string expected = testing::slurp(GetParam().dir / "expected.csv");
  EXPECT_EQ(out.str(), expected);
  bool errors = expected.find("\nerror;") != std::string::npos;
  EXPECT_EQ(status, errors ? 1 : 0);
}

INSTANTIATE_TEST_SUITE_P(Cases, CheckFolder, ::testing::ValuesIn(check_cases()),
                         [](const auto& info) { return info.param.name; });

TEST(CheckConventions, DetectsPositiveCostsAndReversedDeviation) {
  auto dir = testing::source_dir() / "tests" / "checks" / "cases";
  auto conv = check_tables({read_printed_table((dir / "conventions" / "t.csv").string())}, default_chart());
  ASSERT_EQ(conv.conventions.size(), 1u);
  EXPECT_TRUE(conv.conventions[0].costs_positive);
  EXPECT_TRUE(conv.conventions[0].deviation_reversed);
  EXPECT_TRUE(conv.findings.empty());
  auto std_conv = check_tables({read_printed_table((dir / "clean" / "t.csv").string())}, default_chart());
  EXPECT_FALSE(std_conv.conventions[0].costs_positive);
  EXPECT_FALSE(std_conv.conventions[0].deviation_reversed);
}

TEST(CheckDataset, DemoReportsOnlyTheDocumentedDifferences) {
  testing::TempDir tmp;
  CommandOptions o;
  o.db = testing::load_demo_db(tmp);
  o.format = "csv";
  std::ostringstream out;
  int status = cmd_check(o, out);
  EXPECT_EQ(out.str(), testing::slurp(testing::source_dir() / "tests" / "checks" / "demo-dataset.expected.csv"));
  EXPECT_EQ(status, 1);  // two real differences of the printed sources, see data/demo/README.md
}

TEST(CheckDataset, FlagsOverrunAndAmendmentWithoutDecision) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  // An amendment of 2024 for the center's purchases of services without a decision: the
  // operating margin after amendments rises to -3 542 834, so the actual -3 612 763 overruns.
  d.scenarios.push_back({"m2024", ScenarioKind::amendment, 2024, {}, {"Muutos", "Ändring"}, "", {}});
  d.figures.push_back({"kanslia", "services", "m2024", 40000000});
  testing::TempDir tmp;
  CommandOptions o;
  o.db = test_db(tmp, "t");
  auto store = open_store(o.db);
  store->replace(d);
  o.format = "csv";
  std::ostringstream out;
  cmd_check(o, out);
  EXPECT_NE(out.str().find("error;binding.amendment_without_decision;;;;;m2024;2024;;"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("warning;binding.overrun;;;kanslia;operating_margin;2024;2024;-3542834;-3612763"),
            std::string::npos)
      << out.str();
}

TEST(CheckNumbers, ParsesPrintedForms) {
  EXPECT_EQ(parse_printed_amount("-1 935 039", 1), -193503900);
  EXPECT_EQ(parse_printed_amount("\u22121\u00a0935\u00a0039", 1), -193503900);
  EXPECT_EQ(parse_printed_amount("1 234,56", 1), 123456);
  EXPECT_EQ(parse_printed_amount("4,2", 1000000), 420000000);
  EXPECT_EQ(parse_printed_amount("31", 1000), 3100000);
  EXPECT_EQ(parse_printed_amount("(2 000)", 1), -200000);      // accounting style
  EXPECT_EQ(parse_printed_amount("1 900-", 1), -190000);       // trailing minus of a ledger printout
  EXPECT_EQ(parse_printed_amount("\u20131 400", 1), -140000);  // en dash for the minus
  EXPECT_EQ(parse_printed_amount("- 1 600", 1), -160000);
  EXPECT_EQ(parse_printed_amount("-2 000 \u20ac", 1), -200000);  // a currency after the figure
  EXPECT_EQ(parse_printed_amount("700 euroa", 1), 70000);
  EXPECT_EQ(parse_printed_amount("14,98 milj.", 1), 1498000000);  // a cell stating its own scale
  EXPECT_EQ(parse_printed_amount("2,5 milj. \u20ac", 1000), 250000000);
  EXPECT_FALSE(parse_printed_amount("\u20ac", 1));
  EXPECT_FALSE(parse_printed_amount("--", 1));
  EXPECT_FALSE(parse_printed_amount("()", 1));
  EXPECT_FALSE(parse_printed_amount("1 1OO", 1));
  EXPECT_FALSE(parse_printed_amount("", 1));
  EXPECT_EQ(parse_printed_percent("93,8 %"), 9380);
  EXPECT_EQ(parse_printed_percent("69,7%"), 6970);
}

TEST(CheckLabels, MatchCaseAndHyphenationInsensitively) {
  EXPECT_EQ(normalize_label("TALOUSARVIO- MUUTOKSET"), "talousarviomuutokset");
  EXPECT_EQ(normalize_label("Toimintakate, ulkoinen"), normalize_label("TOIMINTAKATE ULKOINEN"));
  EXPECT_EQ(normalize_label("Verksamhetsbidrag,  externt"), "verksamhetsbidrag externt");
  EXPECT_EQ(normalize_label("ÖVRIGA VERKSAMHETSINTÄKTER"), "övriga verksamhetsintäkter");
}

}  // namespace
}  // namespace toteuma

namespace toteuma {
namespace {

// The demo dataset holds the parts of the seeds' tables; reconciling the printed tables with
// it must show exactly the printed totals that differ from their parts (data/demo/README.md).
TEST(CheckReconcile, SeedTablesAgainstTheDemoDataset) {
  testing::TempDir tmp;
  CommandOptions o;
  o.db = testing::load_demo_db(tmp);
  o.tables = tables_in(testing::source_dir() / "tests" / "checks" / "seeds");
  o.format = "csv";
  std::ostringstream out;
  cmd_check(o, out);
  std::istringstream in(out.str());
  std::string line, got = "severity;rule;file;line;unit;row;column;year;expected;found\n";
  while (std::getline(in, line))
    if (line.find(";cross.dataset;") != std::string::npos) got += line + "\n";
  EXPECT_EQ(got, testing::slurp(testing::source_dir() / "tests" / "checks" / "seeds-vs-demo.expected.csv"));
}

// With a dataset, a table's `# unit:` may print the unit's name in either language: the Finnish
// and the Swedish table of the chancellery centre are matched through the demo's unit names.
TEST(CheckReconcile, UnitNamesInEitherLanguageMatchThroughTheDataset) {
  testing::TempDir tmp;
  CommandOptions o;
  o.db = testing::load_demo_db(tmp);
  testing::spit(tmp.path() / "fi.csv", "# document: Talousarvio 2026\n# unit: KAUPUNGINKANSLIAKESKUS\n# year: 2026\n# language: fi\n"
                                        ";TA 2026\nToimintakate ulkoinen;-4 000 000\n");
  testing::spit(tmp.path() / "sv.csv", "# document: Budget 2026\n# unit: Stadskanslicentralen\n# year: 2026\n# language: sv\n"
                                        ";BUDGET 2026\nVerksamhetsbidrag, externt;-4 100 000\n");
  o.tables = {(tmp.path() / "fi.csv").string(), (tmp.path() / "sv.csv").string()};
  o.format = "csv";
  std::ostringstream out;
  cmd_check(o, out);
  EXPECT_NE(out.str().find(";cross.same_figure;sv.csv;6;Stadskanslicentralen;Verksamhetsbidrag, externt;BUDGET 2026;2026;-4000000;-4100000"),
            std::string::npos)
      << out.str();
}

// Property: in every explanation of every shown figure, a node made of parts equals the signed
// sum of its parts, down to the entered figures.
void expect_adds_up(const Explanation& e) {
  if (e.step != Step::entered && e.step != Step::absent && !e.parts.empty()) {
    Cents sum = 0;
    for (const auto& p : e.parts) sum += p.sign * p.value.value_or(0);
    EXPECT_EQ(e.value, sum) << e.what;
  }
  if (e.step == Step::entered) {
    EXPECT_TRUE(e.parts.empty());
  }
  for (const auto& p : e.parts) expect_adds_up(p);
}

TEST(Explain, EveryDemoFigureTracesToEnteredFigures) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  Ledger ledger(d);
  int nodes = 0;
  for (int year : {2023, 2024}) {
    OrgView org(d.units, Date::last_of_year(year));
    for (const auto& [u, depth] : org.tree())
      for (const Line& l : d.chart.lines())
        for (Measure m : {Measure::budget, Measure::budget_after, Measure::actual, Measure::deviation}) {
          Explanation e = explain_measure(ledger, org, u->id, l.id, {m, year, 0}, Lang::fi);
          EXPECT_EQ(e.value, ledger.measure(org, u->id, l.id, {m, year, 0}));
          expect_adds_up(e);
          ++nodes;
        }
  }
  EXPECT_GT(nodes, 400);
  // The city has no operating figures of its own: its operating margin is its four sectors',
  // by sub-units: -3 612 763 - 928 000 - 31 842 037 - 4 667 200 = -41 050 000 (data/demo/README.md).
  OrgView org(d.units, Date::last_of_year(2024));
  Explanation city = explain_measure(ledger, org, "loviisa", "operating_margin", {Measure::actual, 2024, 0}, Lang::sv);
  EXPECT_EQ(city.step, Step::children);
  ASSERT_EQ(city.parts.size(), 4u);
  std::map<std::string, std::optional<Cents>> by_unit;
  for (const auto& p : city.parts) by_unit[p.unit] = p.value;
  EXPECT_EQ(by_unit["kanslia"], -361276300);
  EXPECT_EQ(by_unit["sivistys"], -3184203700);
  EXPECT_EQ(city.value, -4105000000);
}

}  // namespace
}  // namespace toteuma

namespace toteuma {
namespace {

TEST(CheckOutput, JsonCarriesThreeLanguagesAndLocation) {
  CommandOptions o;
  o.tables = {(testing::source_dir() / "tests" / "checks" / "cases" / "total_error" / "t.csv").string()};
  o.format = "json";
  std::ostringstream out;
  EXPECT_EQ(cmd_check(o, out), 1);
  auto j = nlohmann::json::parse(out.str());
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["rule"], "arith.total");
  EXPECT_EQ(j[0]["severity"], "error");
  EXPECT_EQ(j[0]["location"]["line"], 7);
  EXPECT_EQ(j[0]["location"]["row"], "Toimintatuotot");
  EXPECT_EQ(j[0]["location"]["column"], "TP 2024");
  EXPECT_EQ(j[0]["expected"]["euros"], 3600);
  EXPECT_EQ(j[0]["found"]["euros"], 3700);
  for (const char* l : {"fi", "sv", "en"}) EXPECT_FALSE(j[0]["message"][l].get<std::string>().empty()) << l;
}

TEST(CheckOutput, UnusableInputIsAnInputError) {
  testing::TempDir tmp;
  testing::spit(tmp.path() / "empty.csv", "# unit: x\n");
  CommandOptions o;
  o.tables = {(tmp.path() / "empty.csv").string()};
  std::ostringstream out;
  // main() maps InputError to exit status 2.
  EXPECT_THROW(cmd_check(o, out), InputError);
}

}  // namespace
}  // namespace toteuma

namespace toteuma {
namespace {

TEST(CheckDataset, EligibleTrainingDaysAtMostThreePerEmployee) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  // Heinola 2023: 550 eligible days, 654 employment relationships → within 3 × 654 = 1 962.
  testing::TempDir tmp;
  CommandOptions o;
  o.db = test_db(tmp, "t");
  o.format = "csv";
  {
    auto store = open_store(o.db);
    store->replace(d);
    std::ostringstream out;
    cmd_check(o, out);
    EXPECT_EQ(out.str().find("personnel.training_cap"), std::string::npos) << out.str();
  }
  // Lupa- ja valvonta had 14 relationships at the end of 2023: 43 eligible days exceed 3 × 14 = 42.
  for (auto& t : d.personnel.training)
    if (t.unit == "hei-lupa" && t.year == 2023) t.eligible_hundredths = 4300;
  auto store = open_store(o.db);
  store->replace(d);
  std::ostringstream out;
  cmd_check(o, out);
  EXPECT_NE(out.str().find("error;personnel.training_cap;;;hei-lupa;eligible_days;2023;2023;42;43\n"), std::string::npos)
      << out.str();
}

}  // namespace
}  // namespace toteuma
