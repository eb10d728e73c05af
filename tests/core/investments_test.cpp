// The investment part (issue 14): amounts per column, binding level and overrun, the later-years
// figure, the investment table and the cash-flow figures, against hand computations on a small
// dataset; and the demo's investment part against its sums computed by hand from the CSV.
#include <gtest/gtest.h>

#include "check/dataset_checks.h"
#include "cli/commands.h"
#include "core/finance/investment_table.h"
#include "core/finance/investments.h"
#include "core/finance/ledger.h"
#include "ingest/dataset_files.h"
#include "store/store.h"
#include "demo_db.h"
#include "test_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

constexpr Cents E = 100;  // one euro

// Groups A (the council binds the group: a1, a2) and B (not binding: b1 binds itself, b2 not).
Dataset sample() {
  Dataset d;
  d.municipalities = {{"kunta", "999", {"Kunta", "Kommun"}, {Lang::fi, Lang::sv}, Lang::fi}};
  UnitVersion root;
  root.id = "kunta";
  root.valid_from = {2020, 1, 1};
  root.kind = UnitKind::municipality;
  root.name = {"Kunta", "Kommun"};
  d.units = {root};
  auto sc = [&](std::string id, ScenarioKind k, int y, std::optional<int> base = std::nullopt, std::string ref = "") {
    Scenario s;
    s.id = std::move(id), s.kind = k, s.year = y, s.base_year = base, s.decision_ref = std::move(ref);
    s.name = {s.id, s.id};
    s.municipality = "";
    d.scenarios.push_back(s);
  };
  sc("tp2022", ScenarioKind::actual, 2022);
  sc("tp2023", ScenarioKind::actual, 2023);
  sc("ta2024", ScenarioKind::budget, 2024);
  sc("tam2024", ScenarioKind::amendment, 2024, std::nullopt, "Kv 1.6.2024 § 1");
  sc("tp2024", ScenarioKind::actual, 2024);
  sc("ta2025", ScenarioKind::budget, 2025);
  sc("ts2026", ScenarioKind::plan, 2026, 2025);
  sc("ts2027", ScenarioKind::plan, 2027, 2025);
  Investments& inv = d.investments;
  inv.groups = {{"a", "kunta", {"Ryhmä A", "Grupp A"}, true}, {"b", "kunta", {"Ryhmä B", "Grupp B"}, false}};
  inv.projects = {{"a1", "a", {"Hanke a1", "Projekt a1"}, std::nullopt, false, {}, {}},
                  {"a2", "a", {"Hanke a2", "Projekt a2"}, std::nullopt, false, {}, {}},
                  {"b1", "b", {"Hanke b1", "Projekt b1"}, 10'000 * E, true, 2022, 2026},
                  {"b2", "b", {"Hanke b2", "Projekt b2"}, std::nullopt, false, {}, {}}};
  using K = InvestmentKind;
  inv.figures = {
      {"a1", "ta2024", K::expenditure, -1000 * E, ""}, {"a1", "ta2024", K::grants, 200 * E, ""},
      {"a1", "tam2024", K::expenditure, -100 * E, ""}, {"a1", "tp2024", K::expenditure, -1250 * E, ""},
      {"a1", "tp2024", K::grants, 250 * E, ""},        {"a2", "ta2024", K::expenditure, -500 * E, ""},
      {"a2", "tp2024", K::expenditure, -400 * E, ""},  {"a2", "tp2024", K::asset_sales, 30 * E, ""},
      {"b1", "tp2022", K::expenditure, -500 * E, ""},  {"b1", "tp2023", K::expenditure, -1500 * E, ""},
      {"b1", "ta2024", K::expenditure, -2000 * E, ""}, {"b1", "tp2024", K::expenditure, -2050 * E, ""},
      {"b1", "ta2025", K::expenditure, -3000 * E, ""}, {"b1", "ts2026", K::expenditure, -2000 * E, ""},
      {"b2", "ta2024", K::expenditure, -300 * E, ""},  {"b2", "tp2024", K::expenditure, -350 * E, ""},
  };
  inv.carry_overs = {{"b1", 2023, -100 * E, "Kv 2.5.2024 § 2"}};
  canonicalize(d);
  return d;
}

const InvestmentProject& project(const Dataset& d, const std::string& id) {
  for (const auto& p : d.investments.projects)
    if (p.id == id) return p;
  throw std::runtime_error("no project " + id);
}

struct AmountCase {
  std::string project;
  InvestmentMeasure measure;
  int year, base_year;
  std::optional<Cents> expenditure, income, net;
};

TEST(Investments, ProjectAmountsPerColumn) {
  Dataset d = sample();
  using M = InvestmentMeasure;
  std::vector<AmountCase> cases = {
      {"a1", M::budget, 2024, 0, -1000 * E, 200 * E, -800 * E},
      {"a1", M::amendments, 2024, 0, -100 * E, std::nullopt, -100 * E},
      {"a1", M::budget_after, 2024, 0, -1100 * E, 200 * E, -900 * E},
      {"a1", M::actual, 2024, 0, -1250 * E, 250 * E, -1000 * E},
      {"a2", M::actual, 2024, 0, -400 * E, 30 * E, -370 * E},
      // The carried-over appropriation of 2023 belongs to 2024's budget after amendments.
      {"b1", M::carried_in, 2024, 0, -100 * E, std::nullopt, -100 * E},
      {"b1", M::budget_after, 2024, 0, -2100 * E, std::nullopt, -2100 * E},
      {"b1", M::carried_in, 2023, 0, std::nullopt, std::nullopt, std::nullopt},
      {"b1", M::plan, 2026, 2025, -2000 * E, std::nullopt, -2000 * E},
      {"b1", M::plan, 2027, 2025, std::nullopt, std::nullopt, std::nullopt},
  };
  for (const auto& c : cases) {
    auto a = project_amounts(d, project(d, c.project), c.measure, c.year, c.base_year);
    EXPECT_EQ(a.expenditure, c.expenditure) << c.project << " " << static_cast<int>(c.measure) << " " << c.year;
    EXPECT_EQ(a.income, c.income) << c.project << " " << static_cast<int>(c.measure);
    EXPECT_EQ(a.net(), c.net) << c.project << " " << static_cast<int>(c.measure);
  }
  EXPECT_EQ(actual_through(d, project(d, "b1"), 2023).expenditure, -2000 * E);  // tp2022 + tp2023
}

TEST(Investments, BindingLevelAndOverrun) {
  Dataset d = sample();
  EXPECT_EQ(binding_level(d, project(d, "a1")), BindingLevel::group);
  EXPECT_EQ(binding_level(d, project(d, "b1")), BindingLevel::project);
  EXPECT_EQ(binding_level(d, project(d, "b2")), BindingLevel::none);
  // Group A: budget after −1 400 (−1 300 − 100), actual −1 370: within, though a1 alone is over.
  EXPECT_EQ(group_overrun(d, d.investments.groups[0], 2024), false);
  EXPECT_EQ(project_overrun(d, project(d, "a1"), 2024), true);
  // b1: actual −2 050 against −2 000 + carried −100 = −2 100: within only thanks to the carry-over.
  EXPECT_EQ(project_overrun(d, project(d, "b1"), 2024), false);
  d.investments.carry_overs.clear();
  EXPECT_EQ(project_overrun(d, project(d, "b1"), 2024), true);
  EXPECT_EQ(project_overrun(d, project(d, "b1"), 2023), std::nullopt);  // no budget of 2023

  // a1 spends 150 more: group A's actual −1 520 is worse than −1 400.
  Dataset e = sample();
  for (auto& f : e.investments.figures)
    if (f.project == "a1" && f.scenario == "tp2024" && f.kind == InvestmentKind::expenditure) f.amount = -1400 * E;
  EXPECT_EQ(group_overrun(e, e.investments.groups[0], 2024), true);
}

// The row after the heading `label`: its expenditure, income and net rows follow it.
std::size_t after(const SimpleTable& t, const std::string& label) {
  for (std::size_t i = 0; i < t.rows.size(); ++i)
    if (t.rows[i].label == label) return i + 1;
  ADD_FAILURE() << "no row " << label;
  return 0;
}

using Cells = std::vector<std::optional<std::int64_t>>;
const std::optional<std::int64_t> _;

TEST(Investments, AnnualReportTable) {
  Dataset d = sample();
  SimpleTable t = investment_table(d, "kunta", 2024, TableKind::annual_report, Lang::fi);
  EXPECT_EQ(t.title, "Investointiosan toteutuminen 2024");
  ASSERT_EQ(t.headings.size(), 7u);
  EXPECT_EQ(t.headings[2], "Siirtomäärärahat edelliseltä vuodelta");
  // Columns: TA, muutokset, siirrot, TA muutosten ja siirtojen jälkeen, TP, poikkeama, toteutuma-% (×100).
  struct RowCase {
    std::string heading;
    int offset;  // 0 expenditure, 1 income, 2 net
    Cells cells;
  };
  std::vector<RowCase> cases = {
      {"Hanke a1", 0, {-1000 * E, -100 * E, _, -1100 * E, -1250 * E, -150 * E, 11360}},
      {"Hanke a1", 1, {200 * E, _, _, 200 * E, 250 * E, 50 * E, 12500}},
      {"Hanke a1", 2, {-800 * E, -100 * E, _, -900 * E, -1000 * E, -100 * E, 11110}},
      // Income without a budget: blank counts as zero in the deviation, no realisation %.
      {"Hanke a2", 1, {_, _, _, _, 30 * E, 30 * E, _}},
      {"Hanke a2", 2, {-500 * E, _, _, -500 * E, -370 * E, 130 * E, 7400}},
      {"Ryhmä A yhteensä", 0, {-1500 * E, -100 * E, _, -1600 * E, -1650 * E, -50 * E, 10310}},
      {"Ryhmä A yhteensä", 1, {200 * E, _, _, 200 * E, 280 * E, 80 * E, 14000}},
      {"Ryhmä A yhteensä", 2, {-1300 * E, -100 * E, _, -1400 * E, -1370 * E, 30 * E, 9790}},
      {"Hanke b1 *", 2, {-2000 * E, _, -100 * E, -2100 * E, -2050 * E, 50 * E, 9760}},
      {"Ryhmä B yhteensä", 2, {-2300 * E, _, -100 * E, -2400 * E, -2400 * E, 0, 10000}},
      {"Investointiosa yhteensä", 0, {-3800 * E, -100 * E, -100 * E, -4000 * E, -4050 * E, -50 * E, 10130}},
      {"Investointiosa yhteensä", 1, {200 * E, _, _, 200 * E, 280 * E, 80 * E, 14000}},
      {"Investointiosa yhteensä", 2, {-3600 * E, -100 * E, -100 * E, -3800 * E, -3770 * E, 30 * E, 9920}},
  };
  for (const auto& c : cases) {
    const SimpleRow& r = t.rows[after(t, c.heading) + static_cast<std::size_t>(c.offset)];
    EXPECT_EQ(r.label, c.offset == 0 ? "Menot" : c.offset == 1 ? "Tulot" : "Netto") << c.heading;
    EXPECT_EQ(r.cells, c.cells) << c.heading << " row " << c.offset;
  }
  // The binding group is marked, b1 (binding itself) too; no overrun, so no "!" and one legend.
  after(t, "Ryhmä A *");
  after(t, "Ryhmä B");
  EXPECT_EQ(t.rows.back().label, "* Valtuustoon nähden sitova taso (nettomääräraha)");
  EXPECT_TRUE(t.rows.back().note);
}

TEST(Investments, OverrunAtTheBindingLevelIsFlagged) {
  Dataset d = sample();
  d.investments.carry_overs.clear();  // b1 now overruns; group A (binding) still within
  SimpleTable t = investment_table(d, "kunta", 2024, TableKind::annual_report, Lang::sv);
  after(t, "Projekt b1 * !");
  after(t, "Grupp A *");
  after(t, "Projekt a1");  // over, but the group binds: not flagged
  EXPECT_EQ(t.rows.back().label, "! Det bindande anslaget överskreds");
}

TEST(Investments, BudgetTableWithLaterYears) {
  Dataset d = sample();
  SimpleTable t = investment_table(d, "kunta", 2025, TableKind::budget, Lang::fi);
  EXPECT_EQ(t.title, "Investointiosa 2025 ja taloussuunnitelma 2026–2027");
  ASSERT_EQ(t.headings.size(), 7u);
  EXPECT_EQ(t.headings[0], "Kustannusarvio");
  EXPECT_EQ(t.headings[6], "Myöhemmin");
  // Kustannusarvio, TP 2023, TA 2024 after amendments and carry-overs, TA 2025, TS 2026, TS 2027,
  // later: −10 000 − (−500 − 1 500 spent through 2023, −2 100, −3 000, −2 000) = −900.
  const SimpleRow& exp = t.rows[after(t, "Hanke b1 *")];
  EXPECT_EQ(exp.cells, (Cells{-10'000 * E, -1500 * E, -2100 * E, -3000 * E, -2000 * E, _, -900 * E}));
  const SimpleRow& net = t.rows[after(t, "Hanke b1 *") + 2];
  EXPECT_EQ(net.cells, (Cells{_, -1500 * E, -2100 * E, -3000 * E, -2000 * E, _, _}));
  // A project without an estimate has no later-years figure.
  EXPECT_EQ(t.rows[after(t, "Hanke b2")].cells.back(), std::nullopt);
}

TEST(Investments, CashFlowFiguresSumTheKinds) {
  Dataset d = sample();
  std::vector<Figure> expected = {
      {"kunta", "investment_expenditure", "ta2024", -3800 * E}, {"kunta", "investment_grants", "ta2024", 200 * E},
      {"kunta", "investment_expenditure", "ta2025", -3000 * E}, {"kunta", "investment_expenditure", "tam2024", -100 * E},
      {"kunta", "asset_sales", "tp2024", 30 * E},               {"kunta", "investment_expenditure", "tp2024", -4050 * E},
      {"kunta", "investment_grants", "tp2024", 250 * E},        {"kunta", "investment_expenditure", "tp2022", -500 * E},
      {"kunta", "investment_expenditure", "tp2023", -1500 * E}, {"kunta", "investment_expenditure", "ts2026", -2000 * E},
  };
  auto got = investment_cash_flow_figures(d);
  auto key = [](const Figure& a, const Figure& b) { return std::tie(a.scenario, a.line) < std::tie(b.scenario, b.line); };
  std::sort(expected.begin(), expected.end(), key);
  std::sort(got.begin(), got.end(), key);
  EXPECT_EQ(got, expected);
}

TEST(Investments, ChecksFindOverrunsAndMissingDecisions) {
  Dataset d = sample();
  d.investments.carry_overs[0].decision_ref = "";
  for (auto& s : d.scenarios)
    if (s.id == "tam2024") s.decision_ref = "", s.decision_date = Date{2024, 6, 1};
  auto rules = [](const std::vector<Finding>& fs, const std::string& rule) {
    std::vector<std::string> rows;
    for (const auto& f : fs)
      if (f.rule == rule) rows.push_back(f.where.row);
    return rows;
  };
  auto fs = check_dataset(d);
  EXPECT_EQ(rules(fs, "investments.carry_over_without_decision"), std::vector<std::string>{"b1"});
  EXPECT_EQ(rules(fs, "investments.amendment_without_decision"), std::vector<std::string>{"a1"});
  EXPECT_TRUE(rules(fs, "investments.overrun").empty());  // b1 within thanks to the carry-over
  // The row's own reference is enough; without the carry-over b1 overruns (a warning).
  for (auto& f : d.investments.figures)
    if (f.scenario == "tam2024") f.decision_ref = "Kv 1.6.2024 § 7";
  d.investments.carry_overs.clear();
  fs = check_dataset(d);
  EXPECT_TRUE(rules(fs, "investments.amendment_without_decision").empty());
  EXPECT_EQ(rules(fs, "investments.overrun"), std::vector<std::string>{"b1"});
}

// The demo's investment part: sums computed by hand from data/demo/investments/figures.csv.
TEST(Investments, DemoSumsAndRoundTrip) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  std::map<std::pair<std::string, std::string>, Cents> got;
  for (const auto& f : investment_cash_flow_figures(d)) {
    EXPECT_EQ(f.unit, "loviisa");
    got[{f.scenario, f.line}] = f.amount;
  }
  std::map<std::pair<std::string, std::string>, Cents> expected = {
      {{"tp2023", "investment_expenditure"}, -4'860'000 * E}, {{"tp2023", "investment_grants"}, 60'000 * E},
      {{"tp2023", "asset_sales"}, 1'450'000 * E},             {{"ta2024", "investment_expenditure"}, -9'400'000 * E},
      {{"ta2024", "investment_grants"}, 80'000 * E},          {{"ta2024", "asset_sales"}, 500'000 * E},
      {{"tam2024-1", "investment_expenditure"}, -450'000 * E}, {{"tp2024", "investment_expenditure"}, -10'005'000 * E},
      {{"tp2024", "investment_grants"}, 70'000 * E},          {{"tp2024", "asset_sales"}, 635'000 * E},
      {{"ta2025", "investment_expenditure"}, -10'600'000 * E}, {{"ta2025", "investment_grants"}, 80'000 * E},
      {{"ta2025", "asset_sales"}, 500'000 * E},               {{"ts2026", "investment_expenditure"}, -7'400'000 * E},
      {{"ts2026", "asset_sales"}, 500'000 * E},               {{"ts2027", "investment_expenditure"}, -8'000'000 * E},
      {{"ts2027", "investment_grants"}, 800'000 * E},         {{"ts2027", "asset_sales"}, 500'000 * E},
      {{"ta2023", "investment_expenditure"}, -250'000 * E},
  };
  EXPECT_EQ(got, expected);
  // The financing part rolls them up: investment cash flow TP 2024 = −10 005 000 + 70 000 + 635 000.
  Ledger ledger(d);
  OrgView org = d.org_on(Date{2024, 12, 31});
  EXPECT_EQ(ledger.value(org, "loviisa", "investment_cash_flow", "tp2024"), -9'300'000 * E);
  EXPECT_EQ(ledger.value(org, "loviisa", "asset_sales", "ta2025"), 500'000 * E);
  // Part total 2024: TA −8 820 000, muutokset −450 000, siirto −100 000 → −9 370 000; TP −9 300 000.
  SimpleTable t = investment_table(d, "loviisa", 2024, TableKind::annual_report, Lang::fi);
  const SimpleRow& net = t.rows[after(t, "Investointiosa yhteensä") + 2];
  EXPECT_EQ(net.cells, (Cells{-8'820'000 * E, -450'000 * E, -100'000 * E, -9'370'000 * E, -9'300'000 * E, 70'000 * E, 9930}));
  // The demo's overruns: the daycare centre (project level) and movable property (group level).
  after(t, "Keskustan päiväkoti * !");
  after(t, "Irtain omaisuus * !");
  after(t, "Kenraalinmäen koulun peruskorjaus *");
  for (const auto& r : t.rows) EXPECT_NE(r.label, "Liikuntahalli *") << "no figure of 2024: left out";

  testing::TempDir tmp;
  auto store = open_store(test_db(tmp, "t"));
  store->replace(d);
  Dataset back = store->read();
  EXPECT_FALSE(back.investments.empty());
  EXPECT_EQ(back.investments, d.investments);
  EXPECT_NO_THROW(validate_as_loaded(d));
}

// `table --kind investments` in every format and both layouts and languages (the CLI contract).
TEST(Investments, TableCommandFormats) {
  testing::TempDir tmp;
  CommandOptions o;
  o.db = testing::load_demo_db(tmp);
  o.unit = "loviisa";
  o.year = 2024;
  o.kind = "investments";
  o.layout = "annual-report";  // the default is budget, as for the other statutory parts
  auto run = [&] {
    std::ostringstream out;
    EXPECT_EQ(cmd_table_investments(o, out), 0);
    return out.str();
  };
  std::string text = run();
  EXPECT_NE(text.find("Investointiosan toteutuminen 2024"), std::string::npos);
  EXPECT_NE(text.find("-9\u00a0370\u00a0000"), std::string::npos);  // the part's net budget after amendments and carry-overs
  EXPECT_NE(text.find("99,3"), std::string::npos);
  o.format = "csv";
  o.lang = "sv";
  std::string csv = run();
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF# Investeringsdelens utfall 2024", 0), 0u) << csv.substr(0, 60);
  EXPECT_NE(csv.find("\nNetto;-8820000;-450000;-100000;-9370000;-9300000;70000;99,3\n"), std::string::npos) << csv;
  o.format = "html";
  o.layout = "budget";
  o.year = 2025;
  std::string html = run();
  EXPECT_NE(html.find("<caption>Investeringsdelen 2025 och ekonomiplan 2026–2027</caption>"), std::string::npos);
  EXPECT_NE(html.find("Kostnadsförslag"), std::string::npos);
  o.unit = "kanslia";  // owns no group: says so
  o.format = "text";
  o.lang = "fi";
  EXPECT_EQ(run(), "kanslia: ei investointiosaa\n");
}

}  // namespace
}  // namespace toteuma
