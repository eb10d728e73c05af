// Ledger computations against hand-computed expectations on a small made-up organisation.
#include <gtest/gtest.h>

#include "core/finance/ledger.h"
#include "core/unit_version.h"
#include "ingest/dataset_files.h"

namespace toteuma {
namespace {

using testing::unit;

Cents eur(std::int64_t e) { return e * 100; }

Dataset sample() {
  Dataset d;
  d.municipalities = {{"x", "000", {"X", "X"}, {Lang::fi}, Lang::fi}};
  d.chart = default_chart();
  d.units = {unit("city", "", "2023-01-01"), unit("a", "city", "2024-01-01", "", "New A"),
             unit("a", "city", "2023-01-01", "2023-12-31", "Old A"), unit("b", "city", "2023-01-01"),
             unit("b1", "b", "2023-01-01"), unit("gone", "city", "2023-01-01", "2023-12-31")};
  d.units[1].binding_line = "operating_margin";
  d.scenarios = {{"ta", ScenarioKind::budget, 2024, {}, {}, "", {}},
                 {"m1", ScenarioKind::amendment, 2024, {}, {}, "KV 12.6.2024 § 40", parse_iso_date("2024-06-12")},
                 {"m2", ScenarioKind::amendment, 2024, {}, {}, "KV 4.12.2024 § 88", parse_iso_date("2024-12-04")},
                 {"tp", ScenarioKind::actual, 2024, {}, {}, "", {}}};
  d.figures = {
      {"a", "sales", "ta", eur(1000)},     {"a", "services", "ta", eur(-500)}, {"a", "services", "m1", eur(-100)},
      {"a", "sales", "m2", eur(50)},       {"a", "sales", "tp", eur(1200)},    {"a", "services", "tp", eur(-650)},
      {"b", "operating_income", "ta", eur(300)},  // b holds its income at total level
      {"b1", "sales", "ta", eur(999)},     {"gone", "sales", "ta", eur(7)},
  };
  return d;
}

ColumnSpec col(Measure m) { return {m, 2024, 0}; }

}  // namespace

TEST(Ledger, DerivedColumnsFollowTheDefinitions) {
  Dataset d = sample();
  Ledger l(d);
  OrgView org(d.units, Date::last_of_year(2024));
  // Toimintatuotot of a: 1000 budget, +50 amendment, 1050 after, 1200 actual, +150 deviation.
  EXPECT_EQ(l.measure(org, "a", "operating_income", col(Measure::budget)), eur(1000));
  EXPECT_EQ(l.measure(org, "a", "operating_income", col(Measure::amendments)), eur(50));
  EXPECT_EQ(l.measure(org, "a", "operating_income", col(Measure::budget_after)), eur(1050));
  EXPECT_EQ(l.measure(org, "a", "operating_income", col(Measure::actual)), eur(1200));
  EXPECT_EQ(l.measure(org, "a", "operating_income", col(Measure::deviation)), eur(150));
  // Costs: a saving is a positive deviation only when actual is above (less negative) budget.
  EXPECT_EQ(l.measure(org, "a", "operating_costs", col(Measure::budget_after)), eur(-600));
  EXPECT_EQ(l.measure(org, "a", "operating_costs", col(Measure::deviation)), eur(-50));
  EXPECT_EQ(l.measure(org, "a", "operating_margin", col(Measure::budget_after)), eur(450));
  EXPECT_EQ(l.measure(org, "a", "operating_margin", col(Measure::actual)), eur(550));
  // 1200 / 1050 = 114,29 %
  EXPECT_EQ(l.realisation_permille(org, "a", "operating_income", 2024), 1143);
}

TEST(Ledger, AbsentIsNotZero) {
  Dataset d = sample();
  Ledger l(d);
  OrgView org(d.units, Date::last_of_year(2024));
  EXPECT_FALSE(l.measure(org, "a", "fees", col(Measure::budget)).has_value());
  EXPECT_FALSE(l.measure(org, "a", "fees", col(Measure::deviation)).has_value());
  // b has no amendments at all: the amendments column is absent, budget after = budget.
  EXPECT_FALSE(l.measure(org, "b", "operating_income", col(Measure::amendments)).has_value());
  EXPECT_EQ(l.measure(org, "b", "operating_income", col(Measure::budget_after)), eur(300));
}

TEST(Ledger, RollsUpOverTheTreeValidOnTheDate) {
  Dataset d = sample();
  Ledger l(d);
  OrgView y2024(d.units, Date::last_of_year(2024));
  // city = a (1000) + b (its own total-level figure 300; b1's 999 is inside b's figure).
  EXPECT_EQ(l.measure(y2024, "city", "operating_income", col(Measure::budget)), eur(1300));
  // Detail line at b comes from b1, since b holds no sales of its own.
  EXPECT_EQ(l.measure(y2024, "b", "sales", col(Measure::budget)), eur(999));
  // Parts sum to the total at the parent as well.
  auto parts = *l.measure(y2024, "city", "operating_income", col(Measure::actual)) +
               *l.measure(y2024, "city", "operating_costs", col(Measure::actual));
  EXPECT_EQ(l.measure(y2024, "city", "operating_margin", col(Measure::actual)), parts);
  // "gone" ended 31.12.2023: its figure is not part of the 2024 structure...
  OrgView y2023(d.units, Date::last_of_year(2023));
  EXPECT_EQ(y2024.find("gone"), nullptr);
  ASSERT_NE(y2023.find("gone"), nullptr);
  // ...and a unit's name is the one valid on the date.
  EXPECT_EQ(y2023.find("a")->name.fi, "Old A");
  EXPECT_EQ(y2024.find("a")->name.fi, "New A");
}

TEST(Ledger, OverrunAtBindingLevel) {
  Dataset d = sample();
  {
    Ledger l(d);
    OrgView org(d.units, Date::last_of_year(2024));
    EXPECT_EQ(l.overrun(org, "a", 2024), false);  // 550 actual vs 450 budget after
    EXPECT_FALSE(l.overrun(org, "b", 2024).has_value());  // no binding line: indicative
  }
  for (auto& f : d.figures)
    if (f.unit == "a" && f.line == "services" && f.scenario == "tp") f.amount = eur(-800);
  Ledger l(d);
  OrgView org(d.units, Date::last_of_year(2024));
  EXPECT_EQ(l.measure(org, "a", "operating_margin", col(Measure::actual)), eur(400));
  EXPECT_EQ(l.overrun(org, "a", 2024), true);  // 400 < 450
}

}  // namespace toteuma

namespace toteuma {

// Issue 13, item 2: a derived figure exists only where its bases do. Heinola's 2024 report
// printed a deviation of +33 316 000 with no actual; a wage line amended where the budget sits on
// personnel costs showed 2 597,4 %.
TEST(Ledger, DerivedFiguresNeedBothBases) {
  Dataset d = sample();
  d.figures.push_back({"b", "services", "ta", eur(-33316000)});  // a budget, no actual
  d.figures.push_back({"a", "fees", "tp", eur(80)});              // an actual, no budget
  Ledger l(d);
  OrgView org(d.units, Date::last_of_year(2024));
  EXPECT_EQ(l.measure(org, "b", "services", col(Measure::budget_after)), eur(-33316000));
  EXPECT_FALSE(l.measure(org, "b", "services", col(Measure::actual)).has_value());
  EXPECT_FALSE(l.measure(org, "b", "services", col(Measure::deviation)).has_value());
  EXPECT_FALSE(l.realisation_permille(org, "b", "services", 2024).has_value());
  // A line left blank inside an existing budget is a zero budget (as the seeds print it), but
  // a ratio to zero is no realisation %.
  EXPECT_EQ(l.measure(org, "a", "fees", col(Measure::deviation)), eur(80));
  EXPECT_FALSE(l.realisation_permille(org, "a", "fees", 2024).has_value());
  // The city's actual column holds only a's figures; b has none at all: no deviation at b.
  EXPECT_FALSE(l.measure(org, "b", "sales", col(Measure::deviation)).has_value());
}

TEST(Ledger, AnAmendedLineWhoseBudgetSitsOnATotalHasNoBudgetOfItsOwn) {
  Dataset d = sample();
  // Budget 2024 for personnel costs as a whole; an amendment of wages; actual wages.
  d.figures.push_back({"a", "personnel_costs", "ta", eur(-2094694)});
  d.figures.push_back({"a", "wages", "m1", eur(-50000)});
  d.figures.push_back({"a", "wages", "tp", eur(-1298710)});
  d.figures.push_back({"a", "side_costs", "tp", eur(-324678)});
  Ledger l(d);
  OrgView org(d.units, Date::last_of_year(2024));
  EXPECT_EQ(l.measure(org, "a", "wages", col(Measure::amendments)), eur(-50000));
  EXPECT_FALSE(l.measure(org, "a", "wages", col(Measure::budget_after)).has_value());
  EXPECT_FALSE(l.realisation_permille(org, "a", "wages", 2024).has_value());  // not 2 597,4 %
  EXPECT_FALSE(l.measure(org, "a", "wages", col(Measure::deviation)).has_value());
  // The total carries the budget and the amendment: -2 094 694 − 50 000.
  EXPECT_EQ(l.measure(org, "a", "personnel_costs", col(Measure::budget_after)), eur(-2144694));
  EXPECT_EQ(l.measure(org, "a", "personnel_costs", col(Measure::deviation)), eur(-1623388 + 2144694));
  // A line added by an amendment where the total is built from parts keeps its budget after.
  d.figures.push_back({"b", "services", "ta", eur(-100)});
  d.figures.push_back({"b", "materials", "m1", eur(-40)});
  Ledger l2(d);
  EXPECT_EQ(l2.measure(org, "b", "materials", col(Measure::budget_after)), eur(-40));
}

TEST(Money, SumsNeverWrap) {
  EXPECT_EQ(checked_add(kMaxEnteredCents, kMaxEnteredCents), 2 * kMaxEnteredCents);
  EXPECT_THROW(checked_add(INT64_MAX, 1), MoneyOverflow);
  EXPECT_THROW(checked_sub(INT64_MIN, 1), MoneyOverflow);
  // Entries are bounded: ±999 999 999 999,99 € is the largest amount anyone may enter.
  EXPECT_EQ(parse_euros("999999999999.99"), kMaxEnteredCents);
  EXPECT_EQ(parse_euros("-999999999999.99"), -kMaxEnteredCents);
  EXPECT_FALSE(parse_euros("1000000000000").has_value());
  EXPECT_FALSE(parse_euros("90000000000000000").has_value());
  // The API reproduction: two figures of 9·10¹⁸ cents would wrap to −4 467 440 736 945 516 €;
  // a rollup of amounts that leave the range throws instead of wrapping.
  Dataset d = sample();
  d.figures = {{"a", "sales", "ta", 9'000'000'000'000'000'000}, {"b", "sales", "ta", 9'000'000'000'000'000'000}};
  Ledger l(d);
  OrgView org(d.units, Date::last_of_year(2024));
  EXPECT_THROW(l.measure(org, "city", "sales", col(Measure::budget)), MoneyOverflow);
}

}  // namespace toteuma
