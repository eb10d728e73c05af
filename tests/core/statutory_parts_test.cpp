// The income statement part and the financing part of a whole municipality, computed by hand on a
// small made-up city: two sectors hold the operating lines, the root unit holds taxes, state
// transfers, financial and extraordinary items and the financing lines (decree 525/2020 layout).
#include <gtest/gtest.h>

#include <map>

#include "core/finance/ledger.h"
#include "core/finance/report_table.h"
#include "ingest/dataset_files.h"

namespace toteuma {
namespace {

UnitVersion unit(const std::string& id, const std::string& parent, UnitKind kind) {
  UnitVersion u;
  u.id = id;
  u.parent = parent;
  u.valid_from = *parse_iso_date("2023-01-01");
  u.kind = kind;
  u.name = {id, id};
  return u;
}

Cents eur(std::int64_t e) { return e * 100; }

// Budget 2025 (euros). The actual 2025 is the same except s1 services -1 900 and city taxes 9 100.
const std::vector<std::tuple<std::string, std::string, std::int64_t>> kBudget = {
    {"s1", "sales", 1000},          {"s1", "wages", -3000},         {"s1", "side_costs", -900},
    {"s1", "services", -2000},      {"s1", "depreciation", -150},   {"s1", "internal_net", -100},
    {"s2", "fees", 500},            {"s2", "grants", 200},          {"s2", "services", -1500},
    {"s2", "other_costs", -300},    {"s2", "planned_depreciation", -50}, {"s2", "impairments", -5},
    {"city", "tax_revenue", 9000},  {"city", "state_transfers", 2500}, {"city", "interest_income", 20},
    {"city", "other_financial_income", 30}, {"city", "interest_costs", -60}, {"city", "other_financial_costs", -10},
    {"city", "extraordinary_items", 40}, {"city", "depreciation_difference_change", 5},
    {"city", "reserves_change", -3}, {"city", "funds_change", 2},
    {"city", "income_financing_corrections", -40}, {"city", "lending_increase", -100},
    {"city", "lending_decrease", 60}, {"city", "long_term_loans_new", 1000},
    {"city", "long_term_loans_repaid", -800}, {"city", "short_term_loans_change", 50},
    {"city", "other_liquidity_changes", 25}};

Dataset city() {
  Dataset d;
  d.municipalities = {{"x", "000", {"X", "X"}, {Lang::fi, Lang::sv}, Lang::fi}};
  d.chart = default_chart();
  d.units = {unit("city", "", UnitKind::municipality), unit("s1", "city", UnitKind::sector),
             unit("s2", "city", UnitKind::sector)};
  d.scenarios = {{"ta2025", ScenarioKind::budget, 2025, {}, {}, "", {}},
                 {"tp2025", ScenarioKind::actual, 2025, {}, {}, "", {}}};
  for (const auto& [u, line, e] : kBudget) {
    d.figures.push_back({u, line, "ta2025", eur(e)});
    std::int64_t actual = e;
    if (u == "s1" && line == "services") actual = -1900;
    if (u == "city" && line == "tax_revenue") actual = 9100;
    d.figures.push_back({u, line, "tp2025", eur(actual)});
  }
  return d;
}

std::optional<Cents> budget(const Ledger& l, const std::string& unit, const std::string& line) {
  OrgView org(l.dataset().units, Date::first_of_year(2025));
  return l.measure(org, unit, line, {Measure::budget, 2025, 0});
}

TEST(StatutoryParts, IncomeStatementOfTheCityFollowsTheDecreeFormulas) {
  Dataset d = city();
  Ledger l(d);
  struct Case {
    const char* line;
    std::int64_t expected;  // euros, by hand
  } cases[] = {
      // operating lines roll up from the sectors: 1 000 + 500 + 200; −3 900 − 2 000 − 1 500 − 300
      {"operating_income", 1700},
      {"operating_costs", -7700},
      {"operating_margin", -6000},
      {"financial_items", -20},      // 20 + 30 − 60 − 10
      {"annual_margin", 5480},       // −6 000 + 9 000 + 2 500 − 20
      {"depreciation", -205},        // s1 −150 (held as the total) + s2 −50 − 5
      {"result", 5315},              // 5 480 − 205 + 40
      {"surplus", 5319},             // 5 315 + 5 − 3 + 2
      // financing part
      {"operations_cash_flow", 5480},  // 5 480 + 40 − 40
      {"lending_changes", -40},        // −100 + 60
      {"loan_changes", 250},           // 1 000 − 800 + 50
      {"financing_cash_flow", 235},    // −40 + 250 + 25
      {"operating_investing_cash_flow", 5480},  // no investment part in this dataset
      {"cash_change", 5715},           // 5 480 + 235
  };
  for (const auto& c : cases) EXPECT_EQ(budget(l, "city", c.line), eur(c.expected)) << c.line;
  // Internal items are not part of the income statement: the city's margin excludes s1's −100.
  EXPECT_EQ(budget(l, "s1", "operating_margin"), eur(-4900));
}

std::map<std::string, std::vector<std::optional<Cents>>> rows_of(const FigureTable& t) {
  std::map<std::string, std::vector<std::optional<Cents>>> out;
  for (const auto& r : t.rows) out[r.line] = r.values;
  return out;
}

TEST(StatutoryParts, EachPartPrintsItsOwnLines) {
  Dataset d = city();
  Ledger l(d);
  FigureTable is = build_table(l, "city", 2025, TableKind::budget, Lang::fi, Part::income);
  auto rows = rows_of(is);
  EXPECT_TRUE(rows.count("tax_revenue") && rows.count("annual_margin") && rows.count("surplus"));
  EXPECT_FALSE(rows.count("internal_net")) << "internal items are eliminated";
  EXPECT_FALSE(rows.count("cash_change"));
  EXPECT_EQ(is.title, "Tuloslaskelma: talousarvio 2025 ja taloussuunnitelma 2026–2027");
  // The budget column (TP 2023, TA 2024, TA 2025): Vuosikate in TA 2025.
  EXPECT_EQ(rows["annual_margin"][2], eur(5480));

  FigureTable op = build_table(l, "s1", 2025, TableKind::budget, Lang::sv, Part::operating);
  auto op_rows = rows_of(op);
  EXPECT_FALSE(op_rows.count("annual_margin")) << "Vuosikate is not a line of the operating part";
  EXPECT_FALSE(op_rows.count("tax_revenue"));
  ASSERT_TRUE(op_rows.count("depreciation"));
  for (const auto& r : op.rows)
    if (r.line == "depreciation") {
      EXPECT_EQ(r.kind, LineKind::memo) << "a note row after Toimintakate";
    }

  FigureTable cf = build_table(l, "city", 2025, TableKind::annual_report, Lang::sv, Part::cash_flow);
  auto cf_rows = rows_of(cf);
  EXPECT_EQ(cf.title, "Finansieringsanalys: budgetens utfall 2025");
  // TA 2025, muutokset, TA muutosten jälkeen, TP 2025, poikkeama: the actual Vuosikate is
  // 5 480 + 100 (services) + 100 (taxes) = 5 680, its deviation +200.
  EXPECT_EQ(cf_rows["cf_annual_margin"][3], eur(5680));
  EXPECT_EQ(cf_rows["cf_annual_margin"][4], eur(200));
  EXPECT_EQ(cf_rows["cash_change"][3], eur(5915));  // 5 680 + 235
  EXPECT_FALSE(cf_rows.count("tax_revenue"));
}

TEST(StatutoryParts, ChartPartsRoundTripAndRejectUnknownWords) {
  Chart c = default_chart();
  ASSERT_NE(c.find("annual_margin"), nullptr);
  EXPECT_TRUE(c.find("operating_margin")->in(Part::operating) && c.find("operating_margin")->in(Part::income));
  EXPECT_TRUE(c.find("depreciation")->in(Part::operating_note) && !c.find("depreciation")->in(Part::operating));
  bool ok = true;
  EXPECT_EQ(parse_parts(parts_to_string(c.find("depreciation")->parts), ok), c.find("depreciation")->parts);
  EXPECT_TRUE(ok);
  parse_parts("operating incomestatement", ok);
  EXPECT_FALSE(ok);
}

}  // namespace
}  // namespace toteuma
