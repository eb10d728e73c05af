// The budget round (issue 16): versions started from the plan with an adjustment, a frame and the
// distance from it, the versions table, the over-frame warning and the council's decision adopted
// as the budget of the year. Every figure worked out by hand from the demo's economic plan 2026
// (data/demo/figures.csv, scenario ts2026: the chancellery centre's lines) and the demo's round
// 2026 (data/demo/budgeting/: the frame raami-2026, the proposal ehdotus-2026 = plan, personnel +2,5 %).
#include <gtest/gtest.h>

#include <sstream>

#include "check/dataset_checks.h"
#include "cli/budget_commands.h"
#include "cli/commands.h"
#include "core/budgeting/version_table.h"
#include "core/finance/ledger.h"
#include "store/store.h"
#include "demo_db.h"
#include "test_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

struct Round {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  std::ostringstream out;
  BudgetOptions opts() const {
    BudgetOptions o;
    o.db = db;
    return o;
  }
  void start(const std::string& id, const std::string& stage, const std::string& from, std::vector<std::string> adjust = {}) {
    BudgetOptions o = opts();
    o.id = id, o.year = 2026, o.stage = stage, o.from = from, o.adjust = std::move(adjust), o.date = "2025-05-20";
    ASSERT_EQ(cmd_budget_start(o, out), 0);
  }
  void set(const std::string& version, const std::string& unit, const std::string& line, const std::string& euros) {
    BudgetOptions o = opts();
    o.version = version, o.unit = unit, o.line = line, o.amount = euros;
    ASSERT_EQ(cmd_budget_set(o, out), 0);
  }
  Dataset read() const { return open_store(db)->read(); }
  std::optional<Cents> figure(const Dataset& d, const std::string& version, const std::string& unit, const std::string& line, int year) const {
    for (const auto& f : d.budgeting.figures)
      if (f.version == version && f.unit == unit && f.line == line && f.year == year) return f.amount;
    return std::nullopt;
  }
};

TEST(BudgetRound, AVersionStartsFromThePlanWithAnAdjustment) {
  Round r;
  r.start("t-2026", "proposal", "plan", {"personnel_costs=2,5", "services=-1"});
  Dataset d = r.read();
  EXPECT_EQ(r.figure(d, "t-2026", "kanslia", "personnel_costs", 2026), -218325000);  // −2 130 000 × 1,025
  EXPECT_EQ(r.figure(d, "t-2026", "kanslia", "services", 2026), -200979900);         // −2 030 100 × 0,99
  EXPECT_EQ(r.figure(d, "t-2026", "kanslia", "sales", 2026), 50000);
  // Y+1 from the plan's 2027, Y+2 its last year again.
  EXPECT_EQ(r.figure(d, "t-2026", "kanslia", "sales", 2027), r.figure(d, "t-2026", "kanslia", "sales", 2028));
  const BudgetVersion* v = find_version(d, "t-2026");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->based_on, "plan");
  EXPECT_EQ(v->municipality, "loviisa");
  EXPECT_EQ(v->created, (Date{2025, 5, 20}));

  BudgetOptions bad = r.opts();
  bad.id = "x", bad.year = 2026, bad.stage = "proposal", bad.adjust = {"personnel_costs=abc"};
  EXPECT_THROW(cmd_budget_start(bad, r.out), std::invalid_argument);
  bad.adjust = {}, bad.stage = "nosuchstage";
  EXPECT_THROW(cmd_budget_start(bad, r.out), std::invalid_argument);
  EXPECT_EQ(r.read().budgeting, d.budgeting) << "a refused start changes nothing";
}

TEST(BudgetRound, TheVersionsTableShowsChangesAndTheDistanceFromTheFrame) {
  Round r;  // the demo's round
  Dataset d = r.read();
  SimpleTable t = budget_versions_table(d, "kanslia", 2026, Lang::fi);
  // TP 2024, TA 2025 mj, frame, proposal, the council group's published alternative to it, change, %, distance
  ASSERT_EQ(t.headings.size(), 8u);
  EXPECT_EQ(t.headings[2], "Talousarvioraami 2026 (KH 10.3.2025)");
  const SimpleRow* margin = nullptr;
  for (const auto& row : t.rows)
    if (row.label == "Toimintakate ulkoinen") margin = &row;
  ASSERT_NE(margin, nullptr);
  EXPECT_EQ(margin->cells[1], -416563900);  // TA 2025 after amendments (the demo)
  EXPECT_EQ(margin->cells[2], -430000000);  // the frame
  // 500 + 150 000 − 2 183 250 − 2 030 100 − 70 500 − 35 000 − 107 300
  EXPECT_EQ(margin->cells[3], -427565000);
  EXPECT_EQ(margin->cells[4], -419565000);  // the alternative: kanslia's services 80 000 lower (alternative_changes.csv)
  EXPECT_EQ(margin->cells[5], -11001100);  // −4 275 650 − (−4 165 639): the proposal, not the alternative
  EXPECT_EQ(margin->cells[6], 260);        // 110 011 / 4 165 639 = 2,6 %
  EXPECT_EQ(margin->cells[7], 2435000);    // 24 350 under the frame

  auto warnings = [&] {
    int n = 0;
    for (const auto& f : check_dataset(r.read()))
      if (f.rule == "budget.over_frame") ++n;
    return n;
  };
  EXPECT_EQ(warnings(), 2);  // demokratia and elinkeino (data/demo/README.md)
  r.set("ehdotus-2026", "kanslia", "personnel_costs", "-2400000");  // margin −4 492 400: over by 192 400
  EXPECT_EQ(warnings(), 3);
  for (const auto& f : check_dataset(r.read()))
    if (f.rule == "budget.over_frame" && f.where.unit == "kanslia") {
      EXPECT_EQ(f.expected, -430000000);
      EXPECT_EQ(f.found, -449240000);
      EXPECT_EQ(f.where.column, "ehdotus-2026");
    }
}

TEST(BudgetRound, AVersionWhoseUnitFigureDiffersFromItsSubUnitsIsAnError) {
  Round r;
  r.start("t-2026", "proposal", "");
  r.set("t-2026", "kansliapalvelut", "services", "-100000");
  r.set("t-2026", "ict", "services", "-50000");
  r.set("t-2026", "kanslia", "services", "-140000");  // the sub-units sum to −150 000
  int n = 0;
  for (const auto& f : check_dataset(r.read()))
    if (f.rule == "budget.version_parts") {
      ++n;
      EXPECT_EQ(f.where.unit, "kanslia");
      EXPECT_EQ(f.expected, -15000000);
      EXPECT_EQ(f.found, -14000000);
    }
  EXPECT_EQ(n, 1);
}

TEST(BudgetRound, TheCouncilsDecisionBecomesTheBudgetOfTheYear) {
  Round r;
  r.start("paatos-2026", "council", "version:ehdotus-2026");
  BudgetOptions o = r.opts();
  o.version = "ehdotus-2026";
  EXPECT_THROW(cmd_budget_adopt(o, r.out), std::invalid_argument) << "only the council's decision";
  o.version = "paatos-2026";
  ASSERT_EQ(cmd_budget_adopt(o, r.out), 0);
  Dataset d = r.read();
  const Scenario* ta = d.scenario("ta2026");
  ASSERT_NE(ta, nullptr);
  EXPECT_EQ(ta->kind, ScenarioKind::budget);
  const Scenario* plan = d.scenario("ts2027-2026");
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(plan->base_year, 2026);
  Ledger ledger(d);
  OrgView org = d.org_on(Date::first_of_year(2026));
  EXPECT_EQ(ledger.measure(org, "kanslia", "operating_margin", {Measure::budget, 2026, 0}), -427565000);
  // The adopted version no longer changes, nor is it adopted twice; every version stays readable.
  EXPECT_THROW(cmd_budget_adopt(o, r.out), std::invalid_argument);
  BudgetOptions s = r.opts();
  s.version = "paatos-2026", s.unit = "kanslia", s.line = "sales", s.amount = "1";
  EXPECT_THROW(cmd_budget_set(s, r.out), std::invalid_argument);
  EXPECT_EQ(d.budgeting.versions.size(), 3u);
  for (const auto& v : d.budgeting.versions)
    if (v.id == "paatos-2026") {
      EXPECT_EQ(v.adopted, "ta2026");
    }
}

TEST(BudgetRound, DumpAndLoadKeepTheRound) {
  Round r;
  r.start("t-2026", "proposal", "last-budget");
  Dataset d = r.read();
  ASSERT_EQ(d.budgeting.versions.size(), 3u);
  CommandOptions o;
  o.db = r.db;
  o.dir = (r.tmp.path() / "dump").string();
  std::ostringstream sink;
  ASSERT_EQ(cmd_dump(o, sink), 0);
  EXPECT_TRUE(std::filesystem::exists(r.tmp.path() / "dump" / "budgeting" / "versions.csv"));
  testing::TempDir other;
  CommandOptions l;
  l.db = test_db(other, "again");
  l.dir = o.dir;
  ASSERT_EQ(cmd_load(l, sink), 0);
  EXPECT_EQ(open_store(l.db)->read().budgeting, d.budgeting);
}

}  // namespace
}  // namespace toteuma
