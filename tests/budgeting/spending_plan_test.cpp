// The spending plan (issue 16 item 6): the decision of a binding unit split to its areas and to
// months. Checked against the budget in force per binding unit and line (budget.spending_plan_sum),
// months adding up to the year (refused at input), and the follow-up's budget to date and
// projection by the plan's months — every figure worked out by hand below.
#include <gtest/gtest.h>

#include <functional>
#include <sstream>
#include <tuple>

#include "check/budget_checks.h"
#include "check/dataset_checks.h"
#include "cli/budget_commands.h"
#include "core/finance/follow_up.h"
#include "core/finance/spending_plan.h"
#include "core/finance/spending_plan_table.h"
#include "ingest/csv.h"
#include "ingest/spending_plan_file.h"
#include "store/store.h"
#include "demo_db.h"
#include "follow_up_sample.h"
#include "test_util.h"

namespace toteuma {
namespace {

// A center c binds its operating margin; areas a1, a2. The council's budget 2025 is at c:
// sales 12 000, wages −120 000, services −60 000 → Toimintakate −168 000.
Dataset sample() {
  Dataset d = testing::center_with_two_areas();
  d.figures = {{"c", "sales", "ta2025", 1200000}, {"c", "wages", "ta2025", -12000000}, {"c", "services", "ta2025", -6000000}};
  return d;
}

std::array<Cents, 12> euros(std::array<std::int64_t, 12> e) {
  for (auto& x : e) x *= 100;
  return e;
}

// The board's plan: a1 wages −120 000 (Jan–May −8 000, June −16 000 with the holiday pay, July
// −4 000, Aug–Dec −12 000: 40 000 + 16 000 + 4 000 + 60 000), a1 sales 12 000 not phased, a2
// services −60 000 (−5 000 a month).
std::vector<SpendingPlanRow> plan() {
  return {{2025, "a1", "wages", -12000000,
           euros({-8000, -8000, -8000, -8000, -8000, -16000, -4000, -12000, -12000, -12000, -12000, -12000})},
          {2025, "a1", "sales", 1200000, std::nullopt},
          {2025, "a2", "services", -6000000, euros({-5000, -5000, -5000, -5000, -5000, -5000, -5000, -5000, -5000, -5000, -5000, -5000})}};
}

std::vector<Finding> sum_findings(const Dataset& d) {
  std::vector<Finding> all, out;
  check_budgeting(d, all);
  for (auto& f : all)
    if (f.rule == "budget.spending_plan_sum") out.push_back(std::move(f));
  return out;
}

TEST(SpendingPlan, MonthsAndShares) {
  SpendingPlanRow r = plan()[0];
  EXPECT_EQ(months_difference(r), 0);
  EXPECT_EQ(planned_to_date(r, 3), -2400000);   // 3 × −8 000
  EXPECT_EQ(planned_to_date(r, 6), -5600000);   // 40 000 + 16 000
  EXPECT_EQ(planned_to_date(r, 12), -12000000);
  EXPECT_EQ(planned_to_date(plan()[1], 3), 300000);  // not phased: 12 000 × 3 / 12
  EXPECT_EQ(phased_share(-100, 1), -8);              // −8,33 → −8
  EXPECT_EQ(phased_share(-100, 6), -50);
  r.months->at(11) = -1100000;  // December −11 000: the months give −119 000
  EXPECT_EQ(months_difference(r), 100000);
  EXPECT_TRUE(months_follow_sign(r));
  r.months->at(0) = 800000;
  EXPECT_FALSE(months_follow_sign(r));
}

// Each case changes the plan and names the one finding expected: binding unit, line, difference.
struct SumCase {
  const char* what;
  std::function<void(std::vector<SpendingPlanRow>&)> change;
  std::vector<std::tuple<std::string, std::string, Cents>> expected;  // unit, line, planned − decided
};

TEST(SpendingPlan, TheSplitAddsUpToTheDecisionPerBindingUnitAndLine) {
  std::vector<SumCase> cases = {
      {"the plan as decided", [](auto&) {}, {}},
      {"a2's services off by 1 000,00", [](auto& p) { p[2].amount = -6100000, p[2].months.reset(); },
       {{"c", "services", -100000}}},
      {"wages split to both areas", [](auto& p) {
         p[0].amount = -7000000, p[0].months.reset();
         p.push_back({2025, "a2", "wages", -5000000, std::nullopt});
       }, {}},
      {"sales forgotten: only the margin differs, by the sales", [](auto& p) { p.erase(p.begin() + 1); },
       {{"c", "operating_margin", -1200000}}},
      {"the areas' margins only (a total split)", [](auto& p) {
         p = {{2025, "a1", "operating_margin", -10800000, std::nullopt}, {2025, "a2", "operating_margin", -6000000, std::nullopt}};
       }, {}},
      {"the areas' margins 1 000,00 short", [](auto& p) {
         p = {{2025, "a1", "operating_margin", -10700000, std::nullopt}, {2025, "a2", "operating_margin", -6000000, std::nullopt}};
       }, {{"c", "operating_margin", 100000}}},
  };
  for (const auto& c : cases) {
    Dataset d = sample();
    d.spending_plan = plan();
    c.change(d.spending_plan);
    auto found = sum_findings(d);
    ASSERT_EQ(found.size(), c.expected.size()) << c.what;
    for (std::size_t i = 0; i < found.size(); ++i) {
      const auto& [unit, line, diff] = c.expected[i];
      EXPECT_EQ(found[i].severity, Severity::error) << c.what;
      EXPECT_EQ(found[i].where.unit, unit) << c.what;
      EXPECT_EQ(found[i].where.row, line) << c.what;
      EXPECT_EQ(found[i].where.year, 2025) << c.what;
      ASSERT_TRUE(found[i].found && found[i].expected) << c.what;
      EXPECT_EQ(*found[i].found - *found[i].expected, diff) << c.what;
    }
  }
}

TEST(SpendingPlan, TheErrorStatesTheDifferenceInEuros) {
  Dataset d = sample();
  d.spending_plan = plan();
  d.spending_plan[2].amount = -6100000, d.spending_plan[2].months.reset();
  auto found = sum_findings(d);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].fi, "Keskus: käyttösuunnitelman 2025 Palvelujen ostot on -61 000,00 €, talousarvio muutosten jälkeen "
                         "-60 000,00 € (ero -1 000,00 €)");
  EXPECT_EQ(found[0].sv, "Central: dispositionsplanens 2025 Köp av tjänster är -61 000,00 €, budgeten inkl. ändringar "
                         "-60 000,00 € (skillnad -1 000,00 €)");
  // An amendment of −1 000 to c's services: the budget in force is then the plan's −61 000.
  d.scenarios.push_back({"ta2025-1", ScenarioKind::amendment, 2025, std::nullopt, {"Muutos", "Ändring"}, "KV 1/2025", Date{2025, 3, 1}});
  d.figures.push_back({"c", "services", "ta2025-1", -100000});
  EXPECT_TRUE(sum_findings(d).empty()) << "−60 000 − 1 000 after the amendment = the plan's −61 000";
}

// Ledger Jan–Mar 2025: a1 wages −10 000 a month, a2 services −6 000, −4 000, −5 000, a1 sales
// 1 000 in February; months 1–3 closed.
std::vector<MonthlyActual> months() { return testing::first_quarter_ledger(); }

std::optional<Cents> to_date(const FollowUp& f, const std::string& line) {
  for (std::size_t i = 0; i < f.summary.rows.size(); ++i)
    if (f.summary.rows[i].line == line) return f.budget_to_date.at(i);
  ADD_FAILURE() << "no row " << line;
  return std::nullopt;
}

std::vector<std::optional<Cents>> row(const FigureTable& t, const std::string& line) {
  for (const auto& r : t.rows)
    if (r.line == line) return r.values;
  return {};
}

TEST(SpendingPlan, TheFollowUpComparesTheActualWithThePlansMonths) {
  Dataset d = sample();
  // A phasing.csv row for c that the plan replaces: were it used, wages would project evenly.
  d.phasing.push_back({"c", "", 2025, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}});
  d.spending_plan = plan();
  std::vector<MonthlyActual> m = months();
  FollowUp f = build_follow_up({d, m, 3}, "c", 2025, 3, Lang::fi);
  ASSERT_EQ(f.budget_to_date.size(), f.summary.rows.size());
  EXPECT_EQ(to_date(f, "wages"), -2400000);            // −8 000 × 3
  EXPECT_EQ(to_date(f, "services"), -1500000);         // −5 000 × 3
  EXPECT_EQ(to_date(f, "sales"), 300000);              // 12 000 × 3 / 12, not phased
  EXPECT_EQ(to_date(f, "operating_costs"), -3900000);  // −24 000 − 15 000
  EXPECT_EQ(to_date(f, "operating_margin"), -3600000); // 3 000 − 39 000
  // The projection by the plan's months: wages −30 000 × 120 000 / 24 000, services −15 000 × 60 000 / 15 000.
  EXPECT_EQ(row(f.summary, "wages")[3], -15000000);
  EXPECT_EQ(row(f.summary, "services")[3], -6000000);
  EXPECT_EQ(row(f.summary, "sales")[3], 400000);  // 1 000 × 12 / 3: no month split, no phasing of a1 → even
  // Actual to date against the budget to date: wages 30 000 / 24 000 = 125,0 %.
  ASSERT_EQ(f.realisation.headings.size(), 3u);
  EXPECT_EQ(f.realisation.headings[2], "Toteuma-% jaksotetusta TA:sta 1–3");
  for (std::size_t i = 0; i < f.summary.rows.size(); ++i)
    if (f.summary.rows[i].line == "wages") {
      EXPECT_EQ(f.realisation.rows[i].cells[2], 1250);
    }

  // Without a plan: as before, phasing.csv (here even) — wages projected × 12 / 3, the budget to date even.
  d.spending_plan.clear();
  FollowUp g = build_follow_up({d, m, 3}, "c", 2025, 3, Lang::sv);
  EXPECT_EQ(row(g.summary, "wages")[3], -12000000);
  EXPECT_EQ(to_date(g, "wages"), -3000000);  // −120 000 × 3 / 12
  EXPECT_EQ(g.realisation.headings[2], "Utfall-% av periodiserad budget 1–3");
}

TEST(SpendingPlan, ThePhasingInForceReplacesPhasingOnlyUnderPlannedBindingUnits) {
  Dataset d = sample();
  d.units.push_back({"c2", {2024, 1, 1}, std::nullopt, "m", UnitKind::sector, {"Toinen", "Annan"}, {}, "operating_margin"});
  d.phasing = {{"a1", "", 2025, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}}, {"c2", "", 2025, {2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
               {"a1", "", 2024, {3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}}};
  auto in_force = phasing_in_force(d.phasing, plan(), d.units, 2025);
  // a1 2025 goes (c has a plan), c2 and 2024 stay; the plan's two phased rows come in, in cents.
  ASSERT_EQ(in_force.size(), 4u);
  EXPECT_EQ(in_force[0].unit, "c2");
  EXPECT_EQ(in_force[1].year, 2024);
  EXPECT_EQ(in_force[2].unit, "a1");
  EXPECT_EQ(in_force[2].line, "wages");
  EXPECT_EQ(in_force[2].weights[5], 1600000);
  EXPECT_EQ(in_force[3].line, "services");
  EXPECT_EQ(phasing_in_force(d.phasing, plan(), d.units, 2024), d.phasing) << "no plan of 2024: phasing.csv as is";
}

TEST(SpendingPlan, TheTableShowsEachRowItsMonthsAndWhatItAddsUpTo) {
  Dataset d = sample();
  d.spending_plan = plan();
  SimpleTable t = spending_plan_table(d, "c", 2025, Lang::fi);
  EXPECT_EQ(t.title, "Käyttösuunnitelma 2025: Keskus");
  ASSERT_EQ(t.headings.size(), 13u);
  EXPECT_EQ(t.headings[0], "Määräraha 2025");
  EXPECT_EQ(t.headings[6], "6/2025");
  std::vector<std::string> labels;
  for (const auto& r : t.rows) labels.push_back(r.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"Alue 1: Myyntituotot", "Alue 1: Palkat ja palkkiot", "Alue 2: Palvelujen ostot",
                                              "Yhteensä: Myyntituotot", "TA 2025 muutosten jälkeen: Myyntituotot",
                                              "Yhteensä: Palkat ja palkkiot", "TA 2025 muutosten jälkeen: Palkat ja palkkiot",
                                              "Yhteensä: Palvelujen ostot", "TA 2025 muutosten jälkeen: Palvelujen ostot"}));
  EXPECT_EQ(t.rows[1].cells[0], -12000000);
  EXPECT_EQ(t.rows[1].cells[6], -1600000);  // June
  EXPECT_EQ(t.rows[0].cells[1], std::nullopt) << "sales not phased";
  EXPECT_EQ(t.rows[6].cells[0], -12000000);  // the budget of wages at c
  EXPECT_EQ(t.rows[8].cells[0], -6000000);
  SimpleTable sv = spending_plan_table(d, "a1", 2025, Lang::sv);
  EXPECT_EQ(sv.title, "Dispositionsplan 2025: Område 1");
  EXPECT_EQ(sv.rows.size(), 4u) << "a1's two rows and their sums; the budget only at the binding unit";
  EXPECT_EQ(sv.rows[2].label, "Totalt: Försäljningsintäkter");
}

std::string file_of(const std::vector<std::string>& rows) {
  std::string s = "year;unit;line;amount;m01;m02;m03;m04;m05;m06;m07;m08;m09;m10;m11;m12\n";
  for (const auto& r : rows) s += r + "\n";
  return s;
}

TEST(SpendingPlan, TheFileIsCheckedRowByRowWithItsLineAndColumn) {
  Dataset d = sample();
  const std::string ok = "2025;a2;services;-60000;-5000;-5000;-5000;-5000;-5000;-5000;-5000;-5000;-5000;-5000;-5000;-5000";
  auto rows = parse_spending_plan(file_of({ok, "2025;a1;sales;12000;;;;;;;;;;;;"}), "ksu.csv", d);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], plan()[2]);
  EXPECT_EQ(rows[1], plan()[1]);
  EXPECT_EQ(parse_spending_plan(spending_plan_csv(rows), "again.csv", d), rows) << "what show prints, import reads";

  struct Bad {
    std::string row, column, words;
  };
  std::vector<Bad> bad = {
      {"2025;a2;services;-60000;-5000;-5000;-5000;-5000;-5000;-5000;-5000;-5000;-5000;-5000;-5000;-4000", "m12",
       "(ero 1 000,00 €)"},
      {"2025;zz;services;-60000;;;;;;;;;;;;", "unit", "tuntematon yksikkö"},
      {"2025;m;services;-60000;;;;;;;;;;;;", "unit", "sitovan tason"},
      {"2026;a2;services;-60000;;;;;;;;;;;;", "year", "talousarviota ei ole vielä hyväksytty"},
      {"2025;a2;nosuch;-60000;;;;;;;;;;;;", "line", "käyttötalousosan"},
      {"2025;a2;services;-60000;-5000;-5000;5000;-5000;-5000;-5000;-5000;-5000;-5000;-5000;-5000;-15000", "m03", "etumerkki"},
      {"2025;a2;services;-60000;-5000;-5000;-5000;-5000;;-5000;-5000;-5000;-5000;-5000;-5000;-10000", "m05", "kahtatoista"},
      {"2025;a2;services;-60 000;;;;;;;;;;;;", "amount", "euromäärää"},
  };
  for (const auto& b : bad) {
    try {
      parse_spending_plan(file_of({ok, b.row}), "ksu.csv", d);
      ADD_FAILURE() << "accepted " << b.row;
    } catch (const InputError& e) {
      EXPECT_EQ(e.file, "ksu.csv") << b.row;
      EXPECT_EQ(e.line, 3) << b.row;
      EXPECT_EQ(e.column, b.column) << b.row;
      EXPECT_NE(e.message.find(b.words), std::string::npos) << e.message;
    }
  }
  try {
    parse_spending_plan(file_of({ok, ok}), "ksu.csv", d);
    ADD_FAILURE() << "a row twice";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line, 3);
    EXPECT_EQ(e.column, "line");
  }
}

// On the demo: kanslia binds its operating margin, −4 165 639 in its budget 2025 (150 500 income,
// −4 316 139 costs at the centre itself). The example plan splits it to its three areas by their own
// budgets: kansliapalvelut −1 189 949 and ict −1 118 985 by month, talous −1 856 705 (sum −4 165 639).
TEST(SpendingPlan, CommandsImportAllOrNothingSetAndShow) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  std::ostringstream out;
  BudgetOptions o;
  o.db = db;
  o.file = (tmp.path() / "ksu.csv").string();
  const std::string example = testing::slurp(testing::demo_dir() / "examples" / "spending-plan-2025.csv");
  Dataset before = open_store(db)->read();
  // ict's December 100,00 off: nothing is stored, not even the good rows before it.
  std::string bad = example;
  bad.replace(bad.find("-93257"), 6, "-93357");
  testing::spit(o.file, bad);
  try {
    cmd_spending_plan_import(o, out);
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line, 3);
    EXPECT_EQ(e.column, "m12");
    EXPECT_NE(e.message.find("(ero -100,00 €)"), std::string::npos) << e.message;
  }
  EXPECT_EQ(open_store(db)->read(), before);

  testing::spit(o.file, example);
  ASSERT_EQ(cmd_spending_plan_import(o, out), 0);
  Dataset d = open_store(db)->read();
  ASSERT_EQ(d.spending_plan.size(), 3u);
  EXPECT_TRUE(sum_findings(d).empty()) << "−1 189 949 − 1 118 985 − 1 856 705 = kanslia's −4 165 639";

  // One row changed by set: talous 1 000,00 more costs → one error at kanslia's Toimintakate, −1 000,00.
  o.year = 2025, o.unit = "talous", o.line = "operating_margin", o.amount = "-1857705";
  ASSERT_EQ(cmd_spending_plan_set(o, out), 0);
  d = open_store(db)->read();
  auto found = sum_findings(d);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where.unit, "kanslia");
  EXPECT_EQ(found[0].where.row, "operating_margin");
  EXPECT_EQ(*found[0].expected, -416563900);
  EXPECT_EQ(*found[0].found - *found[0].expected, -100000);
  EXPECT_NE(found[0].fi.find("(ero -1 000,00 €)"), std::string::npos) << found[0].fi;

  std::ostringstream shown;
  o.unit = "kanslia";
  ASSERT_EQ(cmd_spending_plan_show(o, shown), 0);
  std::string expected = example;  // ids in order: ict, kansliapalvelut, talous
  auto lines = [](const std::string& t) {
    std::vector<std::string> v;
    for (std::size_t a = 0, b = 0; a < t.size(); a = b + 1) v.push_back(t.substr(a, (b = t.find('\n', a)) - a));
    return v;
  };
  auto ex = lines(example);
  EXPECT_EQ(shown.str(), ex[0] + "\n" + ex[2] + "\n" + ex[1] + "\n" + "2025;talous;operating_margin;-1857705;;;;;;;;;;;;\n");
  // A unit without a binding unit above it is refused, as in a file.
  o.unit = "loviisa", o.amount = "-1";
  EXPECT_THROW(cmd_spending_plan_set(o, out), InputError);
  // Clearing the row; importing kanslia's plan again replaces it whole.
  o.unit = "talous", o.clear = true, o.amount.clear();
  ASSERT_EQ(cmd_spending_plan_set(o, out), 0);
  EXPECT_EQ(open_store(db)->read().spending_plan.size(), 2u);
  ASSERT_EQ(cmd_spending_plan_import(o, out), 0);
  EXPECT_EQ(open_store(db)->read().spending_plan.size(), 3u);
  EXPECT_TRUE(sum_findings(open_store(db)->read()).empty());
}

// The README's example: kanslia's Toimintakate 2025 (−4 165 639) split to its three areas as their
// budgets give it (−1 189 949, −1 118 985, −1 856 705), the first two by month. With the demo
// ledger (1–9/2025) the follow-up's budget to date of kanslia at September: kansliapalvelut
// 9 × −99 162 = −892 458, ict 9 × −93 248 = −839 232, talous not phased −1 856 705 × 9 / 12
// = −1 392 528,75: −3 124 218,75 in all.
TEST(SpendingPlan, TheDemoExampleAddsUpAndPhasesKansliasFollowUp) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  ASSERT_EQ(testing::import_demo_ledger(db), 0);
  std::ostringstream out;
  BudgetOptions o;
  o.db = db;
  o.file = (testing::demo_dir() / "examples" / "spending-plan-2025.csv").string();
  ASSERT_EQ(cmd_spending_plan_import(o, out), 0);
  Dataset d = open_store(db)->read();
  EXPECT_TRUE(sum_findings(d).empty());
  auto lstore = open_ledger_store(db);
  std::vector<MonthlyActual> ledger = monthly_actuals(*lstore, 2025);
  FollowUp f = build_follow_up({d, ledger, 9}, "kanslia", 2025, 9, Lang::fi);
  EXPECT_EQ(to_date(f, "operating_margin"), -312421875);
  FollowUp g = build_follow_up({d, ledger, 9}, "ict", 2025, 9, Lang::fi);
  EXPECT_EQ(to_date(g, "operating_margin"), -83923200);
}

}  // namespace
}  // namespace toteuma
