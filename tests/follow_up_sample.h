// The small municipality of the follow-up and spending-plan tests: m, its center c binding its
// operating margin, areas a1 and a2; a chart of sales, wages and services with their totals up to
// Toimintakate; the budget 2025 (ta2025) without figures; the ledger of January–March 2025:
// a1 wages −10 000 a month, a2 services −6 000, −4 000, −5 000, a1 sales 1 000 in February.
#pragma once
#include <vector>

#include "core/dataset.h"
#include "core/finance/follow_up.h"

namespace toteuma::testing {

inline Dataset center_with_two_areas() {
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
  return d;
}

inline std::vector<MonthlyActual> first_quarter_ledger() {
  return {{"a1", "wages", 2025, 1, -1000000},   {"a1", "wages", 2025, 2, -1000000},  {"a1", "wages", 2025, 3, -1000000},
          {"a2", "services", 2025, 1, -600000}, {"a2", "services", 2025, 2, -400000}, {"a2", "services", 2025, 3, -500000},
          {"a1", "sales", 2025, 2, 100000}};
}

}  // namespace toteuma::testing
