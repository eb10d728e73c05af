// The indexes behind rollups: OrgView's children and find (built once per view) and the Ledger's
// memo of values (per view date, shared by threads). Expectations are computed by hand.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "core/finance/ledger.h"
#include "core/unit_version.h"
#include "ingest/dataset_files.h"

namespace toteuma {
namespace {

using testing::unit;

std::vector<std::string> ids(const std::vector<const UnitVersion*>& v) {
  std::vector<std::string> out;
  for (auto* u : v) out.push_back(u->id);
  return out;
}

Cents eur(std::int64_t e) { return e * 100; }

// city ─ s1 ─ c1, c2;  city ─ s2 ─ c3;  c2 moves from s1 to s2 in 2025 (a second version).
Dataset sample() {
  Dataset d;
  d.municipalities = {{"x", "000", {"X", "X"}, {Lang::fi}, Lang::fi}};
  d.chart = default_chart();
  d.units = {unit("c3", "s2", "2024-01-01"),
             unit("city", "", "2024-01-01"),
             unit("c2", "s2", "2025-01-01", "", "C2 in s2"),
             unit("s2", "city", "2024-01-01"),
             unit("c1", "s1", "2024-01-01"),
             unit("s1", "city", "2024-01-01"),
             unit("c2", "s1", "2024-01-01", "2024-12-31", "C2 in s1")};
  d.scenarios = {{"ta24", ScenarioKind::budget, 2024, {}, {}, "", {}},
                 {"ta25", ScenarioKind::budget, 2025, {}, {}, "", {}}};
  for (const char* sc : {"ta24", "ta25"}) {
    d.figures.push_back({"c1", "sales", sc, eur(100)});
    d.figures.push_back({"c1", "services", sc, eur(-40)});
    d.figures.push_back({"c2", "sales", sc, eur(20)});
    d.figures.push_back({"c2", "services", sc, eur(-5)});
    d.figures.push_back({"c3", "sales", sc, eur(7)});
  }
  return d;
}

}  // namespace

TEST(OrgViewIndex, ChildrenKeepTheOrderOfTheVersionsOnEachDate) {
  Dataset d = sample();
  OrgView y24(d.units, Date::last_of_year(2024));
  EXPECT_EQ(ids(y24.children("city")), (std::vector<std::string>{"s2", "s1"}));
  EXPECT_EQ(ids(y24.children("s1")), (std::vector<std::string>{"c1", "c2"}));
  EXPECT_EQ(ids(y24.children("s2")), (std::vector<std::string>{"c3"}));
  EXPECT_TRUE(y24.children("c1").empty());
  EXPECT_TRUE(y24.children("nobody").empty());
  EXPECT_EQ(y24.find("c2")->name.fi, "C2 in s1");

  OrgView y25(d.units, Date::first_of_year(2025));
  EXPECT_EQ(ids(y25.children("s1")), (std::vector<std::string>{"c1"}));
  EXPECT_EQ(ids(y25.children("s2")), (std::vector<std::string>{"c3", "c2"}));
  EXPECT_EQ(y25.find("c2")->name.fi, "C2 in s2");
  EXPECT_EQ(ids(y25.roots()), (std::vector<std::string>{"city"}));

  OrgView before(d.units, Date::last_of_year(2023));
  EXPECT_EQ(before.find("city"), nullptr);
  EXPECT_TRUE(before.roots().empty());
}

TEST(OrgViewIndex, FindTakesTheFirstValidVersionListed) {
  std::vector<UnitVersion> units = {unit("a", "", "2024-01-01", "", "first"), unit("a", "", "2024-01-01", "", "second")};
  OrgView org(units, Date::last_of_year(2024));
  EXPECT_EQ(org.find("a")->name.fi, "first");
}

TEST(LedgerMemo, RootValueIsTheHandComputedRollupOnEachDate) {
  Dataset d = sample();
  Ledger l(d);
  OrgView y24(d.units, Date::last_of_year(2024)), y25(d.units, Date::last_of_year(2025));
  // Operating margin: c1 100 − 40 = 60, c2 20 − 5 = 15, c3 7: the city 82 on either date.
  for (int pass = 0; pass < 2; ++pass) {  // the second pass reads the memo
    EXPECT_EQ(l.value(y24, "city", "operating_margin", "ta24"), eur(82));
    EXPECT_EQ(l.value(y24, "s1", "operating_margin", "ta24"), eur(75));
    EXPECT_EQ(l.value(y24, "s2", "operating_margin", "ta24"), eur(7));
    // 2025: c2 sits under s2, so the same ledger must not give 2024's sector sums.
    EXPECT_EQ(l.value(y25, "s1", "operating_margin", "ta25"), eur(60));
    EXPECT_EQ(l.value(y25, "s2", "operating_margin", "ta25"), eur(22));
    EXPECT_EQ(l.value(y25, "city", "sales", "ta25"), eur(127));
  }
  EXPECT_FALSE(l.value(y24, "city", "fees", "ta24").has_value());
  EXPECT_FALSE(l.value(y24, "city", "sales", "no-such-scenario").has_value());
}

TEST(LedgerMemo, AViewOfOtherVersionsOnTheSameDateIsNotServedFromTheMemo) {
  Dataset d = sample();
  Ledger l(d);
  OrgView org(d.units, Date::last_of_year(2024));
  EXPECT_EQ(l.value(org, "s1", "sales", "ta24"), eur(120));
  std::vector<UnitVersion> moved = d.units;
  moved[4].parent = "s2";  // c1 under s2
  OrgView other(moved, Date::last_of_year(2024));
  EXPECT_EQ(l.value(other, "s1", "sales", "ta24"), eur(20));
  EXPECT_EQ(l.value(other, "s2", "sales", "ta24"), eur(107));
  EXPECT_EQ(l.value(org, "s1", "sales", "ta24"), eur(120));
}

// A unit's own figure for a total wins over its sub-units; a total with an own part sums its
// formula, taking a part it lacks from the sub-units; a figure given twice keeps the later one.
TEST(LedgerMemo, OwnTotalsAndPartsFollowTheFormulaByHand) {
  Dataset d = sample();
  d.figures.push_back({"s1", "personnel_costs", "ta24", eur(-50)});
  d.figures.push_back({"c1", "wages", "ta24", eur(-30)});
  d.figures.push_back({"c3", "sales", "ta24", eur(9)});  // after the 7 of sample()
  Ledger l(d);
  OrgView y24(d.units, Date::last_of_year(2024));
  for (int pass = 0; pass < 2; ++pass) {
    EXPECT_EQ(l.value(y24, "c3", "sales", "ta24"), eur(9));
    EXPECT_EQ(l.value(y24, "s1", "personnel_costs", "ta24"), eur(-50));  // own, not c1's -30
    EXPECT_EQ(l.value(y24, "s1", "wages", "ta24"), eur(-30));            // no own: c1's
    // operating_costs at s1: own personnel costs -50 + services from below (-40 − 5).
    EXPECT_EQ(l.value(y24, "s1", "operating_costs", "ta24"), eur(-95));
    // The city: s1's sales 120 − 95, s2's 9 (c3 sales only).
    EXPECT_EQ(l.value(y24, "city", "operating_margin", "ta24"), eur(34));
  }
  EXPECT_TRUE(l.has_own("s1", "operating_margin", "ta24"));  // two totals above personnel_costs
  EXPECT_FALSE(l.has_own("s1", "sales", "ta24"));
  EXPECT_FALSE(l.has_own("s1", "personnel_costs", "ta25"));
  EXPECT_EQ(l.entered("s1", "personnel_costs", "ta24"), eur(-50));
  EXPECT_FALSE(l.entered("s1", "operating_costs", "ta24").has_value());
  EXPECT_FALSE(l.entered("nobody", "sales", "ta24").has_value());
  EXPECT_FALSE(l.value(y24, "nobody", "sales", "ta24").has_value());
}

TEST(LedgerMemo, ThreadsSharingOneLedgerAllGetTheRollup) {
  Dataset d = sample();
  Ledger l(d);
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        OrgView org(d.units, Date::last_of_year(2024 + (i + t) % 2));
        const char* sc = (i + t) % 2 ? "ta25" : "ta24";
        if (l.value(org, "city", "operating_margin", sc) != eur(82)) ++wrong[t];
        if (l.value(org, "s2", "operating_costs", sc) != ((i + t) % 2 ? eur(-5) : std::optional<Cents>{})) ++wrong[t];
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(wrong[t], 0) << "thread " << t;
}

}  // namespace toteuma
