// The in-year follow-up against values worked out by hand: actual of the month and to date,
// realisation %, the projected and the entered forecast, and the binding-level overrun judged
// on the forecast; the table in both languages.
#include <gtest/gtest.h>

#include "core/follow_up.h"
#include "core/i18n.h"
#include "render/table_render.h"

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
std::vector<MonthlyActual> months() {
  return {{"a1", "wages", 2025, 1, -1000000},   {"a1", "wages", 2025, 2, -1000000},  {"a1", "wages", 2025, 3, -1000000},
          {"a2", "services", 2025, 1, -600000}, {"a2", "services", 2025, 2, -400000}, {"a2", "services", 2025, 3, -500000},
          {"a1", "sales", 2025, 2, 100000}};
}

Dataset sample() {
  Dataset d;
  d.municipalities = {{"m", "1", {"Kunta", "Kommun"}, {Lang::fi, Lang::sv}, Lang::fi}};
  d.chart = Chart({{"sales", LineKind::detail, LineShow::data, {"Myyntituotot", "Försäljningsintäkter"}, {}, {}, {}},
                   {"operating_income", LineKind::total, LineShow::always, {"Toimintatuotot", "Verksamhetens intäkter"}, {}, {}, {{1, "sales"}}},
                   {"wages", LineKind::detail, LineShow::data, {"Palkat ja palkkiot", "Löner och arvoden"}, {}, {}, {}},
                   {"services", LineKind::detail, LineShow::data, {"Palvelujen ostot", "Köp av tjänster"}, {}, {}, {}},
                   {"operating_costs", LineKind::total, LineShow::always, {"Toimintakulut", "Verksamhetens kostnader"}, {}, {},
                    {{1, "wages"}, {1, "services"}}},
                   {"operating_margin", LineKind::total, LineShow::always, {"Toimintakate", "Verksamhetsbidrag"}, {}, {},
                    {{1, "operating_income"}, {1, "operating_costs"}}}});
  Date from{2024, 1, 1};
  d.units = {{"m", from, std::nullopt, "", UnitKind::municipality, {"Kunta", "Kommun"}, {}, ""},
             {"c", from, std::nullopt, "m", UnitKind::sector, {"Keskus", "Central"}, {"johtaja", "chef"}, "operating_margin"},
             {"a1", from, std::nullopt, "c", UnitKind::area, {"Alue 1", "Område 1"}, {}, ""},
             {"a2", from, std::nullopt, "c", UnitKind::area, {"Alue 2", "Område 2"}, {}, ""}};
  d.scenarios = {{"ta2025", ScenarioKind::budget, 2025, std::nullopt, {"TA", "Budget"}, "", std::nullopt}};
  d.figures = {{"a1", "sales", "ta2025", 1200000}, {"a1", "wages", "ta2025", -12000000}, {"a2", "services", "ta2025", -6000000}};
  return d;
}

std::vector<std::optional<Cents>> row(const FigureTable& t, const std::string& line) {
  for (const auto& r : t.rows)
    if (r.line == line) return r.values;
  return {};
}

TEST(FollowUp, ActualsToDateRealisationAndProjectedOverrun) {
  FollowUp f = build_follow_up(sample(), months(), "c", 2025, 3, Lang::fi);
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
  FollowUp feb = build_follow_up(sample(), months(), "a2", 2025, 2, Lang::sv);
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
  FollowUp f = build_follow_up(d, months(), "c", 2025, 3, Lang::fi);
  EXPECT_TRUE(f.forecast_entered);
  EXPECT_EQ(f.summary.headings[3], "Ennuste 2025");
  // -164 000 against -168 000: within.
  EXPECT_EQ(row(f.summary, "operating_margin")[3], -16400000);
  EXPECT_EQ(row(f.summary, "operating_margin")[4], 400000);
  EXPECT_EQ(f.overrun, false);
  EXPECT_NE(render_text(f.summary).find("Sitova taso: Toimintakate – ennusteen mukaan sitova määräraha ei ylity"),
            std::string::npos);
}

TEST(FollowUp, UnknownUnitOrMissingMonthIsAnError) {
  EXPECT_THROW(build_follow_up(sample(), months(), "nobody", 2025, 3, Lang::fi), TableError);
  EXPECT_THROW(build_follow_up(sample(), months(), "c", 2025, 4, Lang::fi), TableError);  // March is the last month imported
  EXPECT_THROW(build_follow_up(sample(), months(), "c", 2024, 3, Lang::fi), TableError);  // no ledger for 2024
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
