// The documents' charts against the demo's hand figures: Loviisa's tables in tests/tables/
// (transcribed from seeds 000 and 004), Heinola's person-years of seed 003 (as in
// personnel_test.cpp) and the staff-survey metrics of data/demo/goals/.
#include <gtest/gtest.h>

#include "core/documents/document_charts.h"
#include "demo_db.h"
#include "store/store.h"

namespace toteuma {
namespace {

using Values = std::vector<std::optional<std::int64_t>>;
const std::string nb = "\u00a0";

// Published figures are whole euros: the chart's cents rounded as the tables round them.
std::vector<std::optional<std::int64_t>> euros(const Values& cents) {
  Values out;
  for (const auto& c : cents) out.push_back(c ? std::optional<std::int64_t>(round_to_euros(*c)) : std::nullopt);
  return out;
}

class DocumentCharts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    testing::TempDir tmp;
    data_ = new Dataset(open_store(testing::load_demo_db(tmp))->read());
  }
  static void TearDownTestSuite() { delete data_; }
  static Dataset* data_;
  const Dataset& d = *data_;
  Ledger ledger{d};
};
Dataset* DocumentCharts::data_ = nullptr;

TEST_F(DocumentCharts, BudgetVsActualOfTheCenterAndItsAreas) {
  doc::Chart c = budget_vs_actual(ledger, "kanslia", 2024, Lang::fi);
  EXPECT_EQ(c.kind, doc::Chart::Kind::bars);
  EXPECT_EQ(c.unit, "€");
  EXPECT_EQ(c.scale, 2);
  // The three areas of 31.12.2024, then the center (seed 000: Toimintakate ulkoinen).
  EXPECT_EQ(c.categories, (std::vector<std::string>{"Tieto- ja viestintäteknologiapalvelut", "Kaupunginkansliapalvelut",
                                                    "Talous- ja henkilöstöpalvelut", "Kaupunginkansliakeskus"}));
  ASSERT_EQ(c.series.size(), 2u);
  EXPECT_EQ(c.series[0].name, "TA 2024 muutosten jälkeen");
  EXPECT_EQ(c.series[1].name, "TP 2024");
  EXPECT_EQ(euros(c.series[0].values), (Values{-1131466, -1070361, -1741007, -3942834}));
  EXPECT_EQ(euros(c.series[1].values), (Values{-879624, -893389, -1839750, -3612763}));
  EXPECT_EQ(c.title, "Toimintakate ulkoinen: talousarvio ja toteutuma 2024");
  EXPECT_EQ(c.alt,
            "Toimintakate ulkoinen vuonna 2024 yksiköittäin: talousarvio muutosten jälkeen ja toteutuma. "
            "Tieto- ja viestintäteknologiapalvelut: talousarvio muutosten jälkeen -1" + nb + "131" + nb + "466" + nb +
                "€, toteutuma -879" + nb + "624" + nb + "€; "
                "Kaupunginkansliapalvelut: talousarvio muutosten jälkeen -1" + nb + "070" + nb + "361" + nb +
                "€, toteutuma -893" + nb + "389" + nb + "€; "
                "Talous- ja henkilöstöpalvelut: talousarvio muutosten jälkeen -1" + nb + "741" + nb + "007" + nb +
                "€, toteutuma -1" + nb + "839" + nb + "750" + nb + "€; "
                "Kaupunginkansliakeskus: talousarvio muutosten jälkeen -3" + nb + "942" + nb + "834" + nb +
                "€, toteutuma -3" + nb + "612" + nb + "763" + nb + "€.");
}

TEST_F(DocumentCharts, BudgetVsActualInSwedish) {
  doc::Chart c = budget_vs_actual(ledger, "kanslia", 2024, Lang::sv);
  EXPECT_EQ(c.categories.back(), "Stadskanslicentralen");
  EXPECT_EQ(c.series[0].name, "Budget 2024 inkl. ändringar");
  EXPECT_EQ(c.series[1].name, "Bokslut 2024");
  EXPECT_NE(c.alt.find("Stadskanslicentralen: budget inkl. ändringar -3" + nb + "942" + nb + "834" + nb +
                       "€, utfall -3" + nb + "612" + nb + "763" + nb + "€."),
            std::string::npos)
      << c.alt;
}

TEST_F(DocumentCharts, UnknownOrEndedUnitIsAnError) {
  EXPECT_THROW(budget_vs_actual(ledger, "no-such-unit", 2024, Lang::fi), ChartError);
  EXPECT_THROW(htv_trend(d, "hei-tekninen", 2025, Lang::fi), ChartError);  // ended 31.12.2024
  EXPECT_THROW(plan_trend(ledger, "no-such-unit", 2025, Lang::fi), ChartError);
  EXPECT_THROW(metric_trend(d, "no-such-metric", Lang::sv), ChartError);
}

TEST_F(DocumentCharts, PlanTrendOfTheBudgetLayout) {
  // tests/tables/kanslia-budget-2025-fi.csv (seed 004), rows Toimintatuotot, Toimintakulut and
  // Toimintakate ulkoinen.
  doc::Chart c = plan_trend(ledger, "kanslia", 2025, Lang::fi);
  EXPECT_EQ(c.kind, doc::Chart::Kind::lines);
  EXPECT_EQ(c.categories,
            (std::vector<std::string>{"TP 2023", "TA 2024 muutosten jälkeen", "TA 2025", "TS 2026", "TS 2027"}));
  ASSERT_EQ(c.series.size(), 3u);
  EXPECT_EQ(c.series[0].name, "Toimintatuotot");
  EXPECT_EQ(c.series[1].name, "Toimintakulut");
  EXPECT_EQ(c.series[2].name, "Toimintakate ulkoinen");
  EXPECT_EQ(euros(c.series[0].values), (Values{185186, 300500, 150500, 150500, 150500}));
  EXPECT_EQ(euros(c.series[1].values), (Values{-4075692, -4243334, -4316139, -4372900, -4436500}));
  EXPECT_EQ(euros(c.series[2].values), (Values{-3890506, -3942834, -4165639, -4222400, -4286000}));
  EXPECT_EQ(c.title, "Toimintatuotot, toimintakulut ja toimintakate 2023–2027");
  EXPECT_EQ(c.alt.substr(0, c.alt.find(';')),
            "Kaupunginkansliakeskus: Toimintatuotot, toimintakulut ja toimintakate 2023–2027. Toimintatuotot: "
            "tilinpäätös 2023 185" + nb + "186" + nb + "€, talousarvio 2024 muutosten jälkeen 300" + nb + "500" + nb +
                "€, talousarvio 2025 150" + nb + "500" + nb + "€, taloussuunnitelma 2026 150" + nb + "500" + nb +
                "€, taloussuunnitelma 2027 150" + nb + "500" + nb + "€");
}

TEST_F(DocumentCharts, PlanTrendLeavesOutPlanYearsWithoutData) {
  // The areas' plans for 2026–2027 exist only at the center in the demo (seed 004 prints them
  // for the center): an area's chart stops at its budget year, as its table does.
  doc::Chart c = plan_trend(ledger, "ict", 2025, Lang::sv);
  EXPECT_EQ(c.categories, (std::vector<std::string>{"Bokslut 2023", "Budget 2024 inkl. ändringar", "Budget 2025"}));
  for (const auto& s : c.series) EXPECT_EQ(s.values.size(), 3u);
  EXPECT_EQ(c.title, "Verksamhetens intäkter, kostnader och verksamhetsbidrag 2023–2025");
}

TEST_F(DocumentCharts, MetricAgainstItsTarget) {
  // data/demo/goals: "Kokee, että aikaa työtehtäviin on riittävästi" 60 % (2023), 59 % (2024),
  // target 80 %.
  doc::Chart c = metric_trend(d, "lov-2024-m-aika", Lang::fi);
  EXPECT_EQ(c.kind, doc::Chart::Kind::lines);
  EXPECT_EQ(c.unit, "%");
  EXPECT_EQ(c.scale, 1);
  EXPECT_EQ(c.categories, (std::vector<std::string>{"2023", "2024"}));
  ASSERT_EQ(c.series.size(), 2u);
  EXPECT_EQ(c.series[0].values, (Values{600, 590}));
  EXPECT_FALSE(c.series[0].dashed);
  EXPECT_EQ(c.series[1].values, (Values{800, 800}));
  EXPECT_TRUE(c.series[1].dashed);
  EXPECT_EQ(c.series[1].name, "Tavoitetaso ≥ 80" + nb + "%");
  EXPECT_EQ(c.alt, "Mittari: Kokee, että aikaa työtehtäviin on riittävästi. Arvo: 2023 60" + nb + "%, 2024 59" + nb +
                       "%. Tavoitetaso ≥ 80" + nb + "%.");
  doc::Chart sv = metric_trend(d, "lov-2024-m-aika", Lang::sv);
  EXPECT_EQ(sv.title, "Upplever att tiden räcker till arbetsuppgifterna");
  EXPECT_EQ(sv.series[1].name, "Målnivå ≥ 80" + nb + "%");
}

TEST_F(DocumentCharts, MetricWithoutTargetHasOneSeries) {
  // Laitila's communication metric: 3,2 (2022) and 3,4 (2023) on a scale of 1–5, no target.
  doc::Chart c = metric_trend(d, "lai-viestinta-m07", Lang::fi);
  EXPECT_EQ(c.unit, "");
  ASSERT_EQ(c.series.size(), 1u);
  EXPECT_EQ(c.series[0].values, (Values{32, 34}));
  EXPECT_NE(c.alt.find("Arvo: 2022 3,2, 2023 3,4."), std::string::npos) << c.alt;
  EXPECT_EQ(c.alt.find("Tavoitetaso"), std::string::npos);
}

TEST_F(DocumentCharts, PersonYearsOverThePlanYears) {
  // Seed 003: 659,7 (2023), 666,2 (2024 forecast), 618,2 (2025); plans 2026 and 2027 from
  // data/demo/personnel/htv.csv: 57,7 + 381 + 40 + 137,5 = 616,2 and 57,7 + 379 + 40 + 137,5 = 614,2.
  doc::Chart c = htv_trend(d, "heinola", 2025, Lang::fi);
  EXPECT_EQ(c.kind, doc::Chart::Kind::lines);
  EXPECT_EQ(c.scale, 1);
  EXPECT_EQ(c.unit, "htv");
  EXPECT_EQ(c.categories, (std::vector<std::string>{"2023", "2024 (ennuste)", "2025 (suunnitelma)", "2026 (suunnitelma)",
                                                    "2027 (suunnitelma)"}));
  ASSERT_EQ(c.series.size(), 1u);
  EXPECT_EQ(c.series[0].values, (Values{6597, 6662, 6182, 6162, 6142}));
  EXPECT_EQ(c.title, "Henkilötyövuodet (htv) 2023–2027");
  EXPECT_EQ(c.alt, "Heinolan kaupunki: Henkilötyövuodet (htv) 2023–2027. Henkilötyövuodet (htv): 2023 659,7" + nb +
                       "htv, 2024 (ennuste) 666,2" + nb + "htv, 2025 (suunnitelma) 618,2" + nb +
                       "htv, 2026 (suunnitelma) 616,2" + nb + "htv, 2027 (suunnitelma) 614,2" + nb + "htv.");
  // Swedish labels; Heinola's names exist in Finnish only and are shown as such.
  doc::Chart sv = htv_trend(d, "heinola", 2025, Lang::sv);
  EXPECT_EQ(sv.categories[1], "2024 (prognos)");
  EXPECT_EQ(sv.unit, "årsverken");
  EXPECT_EQ(sv.series[0].values, c.series[0].values);
}

TEST_F(DocumentCharts, UnitWithoutStaffFiguresHasNoPoints) {
  doc::Chart c = htv_trend(d, "kanslia", 2025, Lang::fi);
  EXPECT_TRUE(c.categories.empty());
  EXPECT_NE(c.alt.find("Ei tietoja."), std::string::npos) << c.alt;
}

}  // namespace
}  // namespace toteuma
