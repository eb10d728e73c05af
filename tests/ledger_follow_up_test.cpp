// The in-year follow-up against values worked out by hand: actual of the month and to date,
// realisation %, the projected and the entered forecast, and the binding-level overrun judged
// on the forecast; the table in both languages.
#include <gtest/gtest.h>

#include "core/finance/follow_up.h"
#include "core/i18n.h"
#include "render/explain_render.h"
#include "render/table_render.h"
#include "follow_up_sample.h"

#include <functional>
#include <map>

namespace toteuma {
namespace {

TEST(FollowUp, ProjectionRoundsHalfAwayFromZero) {
  EXPECT_EQ(project_year(500, 2), 3000);
  EXPECT_EQ(project_year(-100, 7), -171);  // -171,43
  EXPECT_EQ(project_year(1, 8), 2);        // 1,5
  EXPECT_EQ(project_year(-1, 8), -2);
  EXPECT_EQ(project_year(-3167667'00, 9), -4223556'00);
  EXPECT_EQ(project_year(4611686018427387903, 12), 4611686018427387903);  // no overflow inside
}

TEST(FollowUp, LedgerScenarioIds) {
  EXPECT_EQ(ledger_scenario_id(2025, 3), "ledger-2025-03");
  EXPECT_EQ(parse_ledger_scenario_id("ledger-2025-03"), (std::pair{2025, 3}));
  EXPECT_EQ(parse_ledger_scenario_id("ledger-2025-13"), std::nullopt);
  EXPECT_EQ(parse_ledger_scenario_id("tp2025"), std::nullopt);
  Scenario s = ledger_month_scenario(2025, 3);
  EXPECT_EQ(s.kind, ScenarioKind::actual);
  EXPECT_EQ(s.name.fi, "Toteuma 3/2025 (pääkirja)");
  EXPECT_EQ(s.name.sv, "Utfall 3/2025 (huvudbok)");
}

// A center binding its operating margin, two areas; budget 2025 at the areas:
//   a1: sales 12 000, wages -120 000;  a2: services -60 000  → margin -168 000.
// Ledger: wages -10 000 in each of Jan–Mar (a1), services -6 000, -4 000, -5 000 (a2), sales
// 1 000 in February (a1).
std::vector<MonthlyActual> months() { return testing::first_quarter_ledger(); }

Dataset sample() {
  Dataset d = testing::center_with_two_areas();
  d.figures = {{"a1", "sales", "ta2025", 1200000}, {"a1", "wages", "ta2025", -12000000}, {"a2", "services", "ta2025", -6000000}};
  return d;
}

std::vector<std::optional<Cents>> row(const FigureTable& t, const std::string& line) {
  for (const auto& r : t.rows)
    if (r.line == line) return r.values;
  return {};
}

TEST(FollowUp, ActualsToDateRealisationAndProjectedOverrun) {
  FollowUp f = build_follow_up({sample(), months(), 3}, "c", 2025, 3, Lang::fi);
  EXPECT_FALSE(f.forecast_entered);
  // TA after | March | Jan–Mar | projection (× 12/3) | projection − TA, in cents.
  using V = std::vector<std::optional<Cents>>;
  EXPECT_EQ(row(f.summary, "wages"), (V{-12000000, -1000000, -3000000, -12000000, 0}));
  EXPECT_EQ(row(f.summary, "services"), (V{-6000000, -500000, -1500000, -6000000, 0}));
  EXPECT_EQ(row(f.summary, "sales"), (V{1200000, std::nullopt, 100000, 400000, -800000}));
  EXPECT_EQ(row(f.summary, "operating_costs"), (V{-18000000, -1500000, -4500000, -18000000, 0}));
  // Margin: -168 000 budgeted; to date 1 000 − 45 000 = -44 000; projected -176 000: worse → overrun.
  EXPECT_EQ(row(f.summary, "operating_margin"), (V{-16800000, -1500000, -4400000, -17600000, -800000}));
  EXPECT_EQ(f.overrun, true);
  EXPECT_EQ(f.summary.binding_line, "Toimintakate – ennusteen mukaan sitova määräraha ylittyy");
  // Realisation % to date: costs 45 000 / 180 000 = 25,0 %; margin 44 000 / 168 000 = 26,19… %.
  ASSERT_EQ(f.realisation.rows.size(), f.summary.rows.size());
  for (std::size_t i = 0; i < f.summary.rows.size(); ++i) {
    const std::string& line = f.summary.rows[i].line;
    if (line == "operating_costs") {
      EXPECT_EQ(f.realisation.rows[i].cells[0], 250);
    } else if (line == "operating_margin") {
      EXPECT_EQ(f.realisation.rows[i].cells[0], 262);
    } else if (line == "sales") {
      EXPECT_EQ(f.realisation.rows[i].cells[1], 333);  // 4 000 / 12 000
    }
  }
  // The months: February's margin 1 000 − 10 000 − 4 000 = -13 000.
  EXPECT_EQ(row(f.monthly, "operating_margin"), (V{-1600000, -1300000, -1500000, -4400000}));
  EXPECT_EQ(f.monthly.headings, (std::vector<std::string>{"1/2025", "2/2025", "3/2025", "Toteuma 1–3/2025"}));
  EXPECT_EQ(f.summary.headings[3], "Ennuste 2025 (laskettu)");
  EXPECT_EQ(f.realisation.title, "Toteutumisaste 1–3/2025 (tasainen kertymä 25,0\u00a0%)");

  // February only: to date ignores March.
  FollowUp feb = build_follow_up({sample(), months(), 3}, "a2", 2025, 2, Lang::sv);
  EXPECT_EQ(row(feb.summary, "services"), (V{-6000000, -400000, -1000000, -6000000, 0}));
  EXPECT_EQ(feb.summary.title, "Budgetuppföljning 1–2/2025");
  EXPECT_EQ(feb.overrun, std::nullopt);  // an area binds nothing
}

TEST(FollowUp, AnEnteredForecastReplacesTheProjection) {
  Dataset d = sample();
  d.scenarios.push_back({"en2025", ScenarioKind::forecast, 2025, std::nullopt, {"Ennuste", "Prognos"}, "", std::nullopt});
  d.figures.push_back({"a1", "wages", "en2025", -11800000});
  d.figures.push_back({"a2", "services", "en2025", -5800000});
  d.figures.push_back({"a1", "sales", "en2025", 1200000});
  FollowUp f = build_follow_up({d, months(), 3}, "c", 2025, 3, Lang::fi);
  EXPECT_TRUE(f.forecast_entered);
  EXPECT_EQ(f.summary.headings[3], "Ennuste 2025");
  // -164 000 against -168 000: within.
  EXPECT_EQ(row(f.summary, "operating_margin")[3], -16400000);
  EXPECT_EQ(row(f.summary, "operating_margin")[4], 400000);
  EXPECT_EQ(f.overrun, false);
  EXPECT_NE(render_text(f.summary).find("Sitova taso: Toimintakate – ennusteen mukaan sitova määräraha ei ylity"),
            std::string::npos);
}

// Issue 13, item 1: one entered forecast line (services of a2) replaced the whole forecast column
// of the unit and its parents. Now it replaces that line's projection only.
TEST(FollowUp, OneEnteredLineReplacesOnlyItsOwnProjection) {
  Dataset d = sample();
  d.scenarios.push_back({"en2025", ScenarioKind::forecast, 2025, std::nullopt, {"Ennuste", "Prognos"}, "", std::nullopt});
  d.figures.push_back({"a2", "services", "en2025", -5800000});
  FollowUp f = build_follow_up({d, months(), 3}, "c", 2025, 3, Lang::fi);
  // wages projected -12 000 000 (a1), services entered -5 800 000 (a2), sales projected 4 000.
  EXPECT_EQ(row(f.summary, "wages")[3], -12000000);
  EXPECT_EQ(row(f.summary, "services")[3], -5800000);
  EXPECT_EQ(row(f.summary, "sales")[3], 400000);
  // Margin = 4 000 − 120 000 − 58 000 = -174 000, not the entered line alone (-58 000).
  EXPECT_EQ(row(f.summary, "operating_margin")[3], -17400000);
  EXPECT_EQ(row(f.summary, "operating_margin")[4], -600000);
  EXPECT_EQ(f.overrun, true);
  EXPECT_TRUE(f.forecast_entered);
  // Which part is entered, which projected, per row.
  auto parts = [&](const std::string& line) {
    for (std::size_t i = 0; i < f.summary.rows.size(); ++i)
      if (f.summary.rows[i].line == line) return std::pair{f.basis[i], f.forecast_parts.rows[i].cells};
    return std::pair{ForecastBasis::none, std::vector<std::optional<std::int64_t>>{}};
  };
  EXPECT_EQ(parts("services").first, ForecastBasis::entered);
  EXPECT_EQ(parts("wages").first, ForecastBasis::projected);
  EXPECT_EQ(parts("operating_costs").first, ForecastBasis::mixed);
  EXPECT_EQ(parts("operating_costs").second, (std::vector<std::optional<std::int64_t>>{-5800000, -12000000}));
  EXPECT_EQ(parts("operating_margin").second, (std::vector<std::optional<std::int64_t>>{-5800000, -11600000}));
  // The explanation names each part: services entered at a2, wages and sales projected at a1.
  auto e = explain_follow_up_forecast({d, months(), 3}, "c", "operating_margin", 2025, 3, Lang::fi);
  EXPECT_EQ(e.value, -17400000);
  std::map<std::string, Step> leaves;
  std::function<void(const Explanation&)> walk = [&](const Explanation& x) {
    if (x.parts.empty()) leaves[x.unit + "/" + x.line] = x.step;
    for (const auto& p : x.parts) walk(p);
  };
  walk(e);
  EXPECT_EQ(leaves, (std::map<std::string, Step>{{"a1/sales", Step::projected}, {"a1/wages", Step::projected},
                                                 {"a2/services", Step::entered}}));
  std::string text = render_explanation_text(e, Lang::fi);
  EXPECT_NE(text.find("toteuma -30\u00a0000 × 12 / 3 (suljetut kuukaudet 1–3/2025"), std::string::npos) << text;
  EXPECT_NE(text.find("Toimintakate, Keskus, Ennuste 2025 = "), std::string::npos) << text;
  EXPECT_EQ(text.find("#"), std::string::npos) << text;  // no internal scenario ids
}

// An entered total replaces the projections of its parts at its unit.
TEST(FollowUp, AnEnteredTotalCoversItsPartsAtItsUnit) {
  Dataset d = sample();
  d.scenarios.push_back({"en2025", ScenarioKind::forecast, 2025, std::nullopt, {}, "", std::nullopt});
  d.figures.push_back({"a1", "operating_costs", "en2025", -12500000});
  FollowUp f = build_follow_up({d, months(), 3}, "a1", 2025, 3, Lang::fi);
  EXPECT_EQ(row(f.summary, "operating_costs")[3], -12500000);
  EXPECT_EQ(row(f.summary, "wages")[3], std::nullopt);  // its projection is inside the entered total
  EXPECT_EQ(row(f.summary, "wages")[4], std::nullopt);
  EXPECT_EQ(row(f.summary, "operating_margin")[3], 400000 - 12500000);
}

// Five rows of an open October moved the forecast by 400 000 €: an open month's rows count in
// the actual to date, never in the projection.
TEST(FollowUp, AnOpenMonthChangesTheActualToDateButNotTheProjection) {
  auto m = months();
  m.push_back({"a2", "services", 2025, 4, -400000});  // a partial April, not closed
  FollowUp closed3 = build_follow_up({sample(), months(), 3}, "c", 2025, 3, Lang::fi);
  FollowUp april = build_follow_up({sample(), m, 3}, "c", 2025, 4, Lang::fi);
  EXPECT_EQ(row(april.summary, "services")[2], -1900000);                          // to date moved
  EXPECT_EQ(row(april.summary, "services")[3], row(closed3.summary, "services")[3]);  // projection did not
  EXPECT_EQ(row(april.summary, "operating_margin")[3], -17600000);
  EXPECT_EQ(april.projected_months, 3);
  // Closing April: services 19 000 × 12 / 4 = 57 000.
  FollowUp closed4 = build_follow_up({sample(), m, 4}, "c", 2025, 4, Lang::fi);
  EXPECT_EQ(row(closed4.summary, "services")[3], -5700000);
  // Nothing closed: no projection, and no deviation without a forecast.
  FollowUp none = build_follow_up({sample(), m, 0}, "c", 2025, 4, Lang::fi);
  EXPECT_EQ(row(none.summary, "services")[3], std::nullopt);
  EXPECT_EQ(row(none.summary, "services")[4], std::nullopt);
  EXPECT_EQ(row(none.summary, "services")[2], -1900000);
  EXPECT_EQ(none.overrun, std::nullopt);
}

// Where the budget has a monthly phasing, the year is projected by it: wages of a1 weighted
// 8 a month, June 16 (holiday pay), July 4 — 100 in all, 24 by March: 30 000 × 100 / 24 = 125 000.
TEST(FollowUp, APhasingProjectsByItsWeights) {
  Dataset d = sample();
  d.phasing.push_back({"a1", "wages", 2025, {8, 8, 8, 8, 8, 16, 4, 8, 8, 8, 8, 8}});
  FollowUp f = build_follow_up({d, months(), 3}, "c", 2025, 3, Lang::fi);
  EXPECT_EQ(row(f.summary, "wages")[3], -12500000);
  EXPECT_EQ(row(f.summary, "services")[3], -6000000);  // no phasing: even
  // A phasing of a unit for every line applies to its sub-units' lines too (nearest wins).
  Dataset d2 = sample();
  d2.phasing.push_back({"c", "", 2025, {1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0}});  // 12 in all, 4 by March
  FollowUp g = build_follow_up({d2, months(), 3}, "c", 2025, 3, Lang::fi);
  EXPECT_EQ(row(g.summary, "services")[3], -4500000);  // 15 000 × 12 / 4
  EXPECT_EQ(project_year(-1500000, 3, &d2.phasing[0]), -4500000);
  // Nothing expected by then (weights 0 in 1..closed): even.
  Phasing late{"c", "", 2025, {0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1}};
  EXPECT_EQ(project_year(-1500000, 3, &late), -6000000);
}

// No forecast deviation (nor %) from a missing base: sales of a2 have an actual and no budget.
TEST(FollowUp, NoDeviationWithoutBothBases) {
  auto m = months();
  m.push_back({"a2", "sales", 2025, 1, 50000});
  FollowUp f = build_follow_up({sample(), m, 3}, "a2", 2025, 3, Lang::fi);
  EXPECT_EQ(row(f.summary, "sales")[3], 200000);
  EXPECT_EQ(row(f.summary, "sales")[0], std::nullopt);
  EXPECT_EQ(row(f.summary, "sales")[4], std::nullopt);
}

TEST(FollowUp, UnknownUnitOrMissingMonthIsAnError) {
  EXPECT_THROW(build_follow_up({sample(), months(), 3}, "nobody", 2025, 3, Lang::fi), TableError);
  EXPECT_THROW(build_follow_up({sample(), months(), 3}, "c", 2025, 4, Lang::fi), TableError);  // March is the last month imported
  EXPECT_THROW(build_follow_up({sample(), months(), 3}, "c", 2024, 3, Lang::fi), TableError);  // no ledger for 2024
}

TEST(FollowUp, MonthsTravelThroughADatasetAndBack) {
  Dataset d = sample();
  attach_ledger_months(d, months());
  EXPECT_EQ(d.scenarios.size(), 4u);  // ta2025 and the three months
  EXPECT_EQ(ledger_months(months(), 2025), (std::vector<int>{1, 2, 3}));
  auto back = detach_ledger_months(d);
  EXPECT_EQ(d, sample());
  std::sort(back.begin(), back.end(), [](const auto& a, const auto& b) { return std::tie(a.unit, a.line, a.month) < std::tie(b.unit, b.line, b.month); });
  auto want = months();
  std::sort(want.begin(), want.end(), [](const auto& a, const auto& b) { return std::tie(a.unit, a.line, a.month) < std::tie(b.unit, b.line, b.month); });
  EXPECT_EQ(back, want);
}

TEST(FollowUp, EveryTextExistsInBothLanguages) {
  for (auto k : tr_keys())
    if (k.starts_with("followup.") || k.starts_with("ledger.") || k == "web.kind.follow_up" || k == "web.month") {
      EXPECT_TRUE(tr_complete(k)) << k;
    }
}

}  // namespace
}  // namespace toteuma
