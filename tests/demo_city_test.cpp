// The demo as a whole municipality (issue 14, item 8): Loviisa's income statement and financing
// part computed from data/demo against sums worked out by hand from data/demo/figures.csv
// (data/demo/README.md, section "The whole city"), and the demo ledger of 2025 booking the
// city-level accounts 5000–8999 on the root. Amounts in the tables are euros; the code compares
// cents.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/finance/follow_up.h"
#include "core/finance/ledger.h"
#include "ingest/dataset_files.h"
#include "store/store.h"
#include "demo_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

constexpr Cents eur(std::int64_t euros) { return euros * 100; }

const char* const kSectors[] = {"kanslia", "demokratia", "sivistys", "elinkeino"};

// One scenario of the city, every figure by hand from the entered ones (euros).
struct CityCase {
  const char* scenario;
  int year;
  std::map<std::string, std::int64_t> sector_margin;  // Toimintakate of each sector
  std::int64_t operating_margin;                       // their sum
  std::int64_t financial_items;                        // korkotuotot + muut rahoitustuotot + korkokulut + muut rahoituskulut
  std::int64_t annual_margin;                          // Vuosikate
  std::int64_t depreciation;                           // the sectors' poistot (and arvonalentumiset)
  std::int64_t result;                                 // Tilikauden tulos
  std::int64_t surplus;                                // Tilikauden ylijäämä
  std::int64_t operations_cash_flow;                   // Toiminnan rahavirta
  std::int64_t financing_cash_flow;                    // Rahoituksen rahavirta
};

// Sector margins: kanslia from its seed figures (e.g. TP 2024: 281 829 − 3 894 592 = −3 612 763);
// the other three from their detail lines, e.g. TA 2025:
//   demokratia  60 000 + 15 000 − 542 000 − 400 000 − 26 000 − 125 000                  = −1 018 000
//   sivistys    4 314 500 − (23 455 300 + 7 329 800 + 2 198 900 + 1 099 500 + 2 565 361)  = −32 334 361
//   elinkeino   7 860 000 − (3 757 000 + 4 300 000 + 2 300 000 + 185 000 + 2 000 000)    = −4 682 000
// City, e.g. TP 2023: operating margin −3 890 506 − 3 585 000 − 31 913 082 − 1 712 400 = −41 100 988;
//   financial items 120 000 + 1 650 000 − 1 480 000 − 35 000 = 255 000;
//   vuosikate −41 100 988 + 39 059 700 (verotulot) + 10 262 800 (valtionosuudet) + 255 000 = 8 476 512;
//   poistot −44 594 − 392 400 − 5 863 006 = −6 300 000; tulos 8 476 512 − 6 300 000 + 0 = 2 176 512;
//   ylijäämä 2 176 512 + 210 000 (poistoeron muutos) = 2 386 512 (the published "about 2.4 M€");
//   toiminnan rahavirta 8 476 512 + 0 − 2 850 000 = 5 626 512;
//   rahoituksen rahavirta (−100 000 + 150 000) + (8 000 000 − 5 300 000 + 0) + 0 + 420 000 = 3 170 000.
// TP 2024: vuosikate −41 050 000 + 38 200 000 + 9 310 000 + (140 000 + 2 310 000 − 1 760 000 − 42 000) = 7 108 000;
//   poistot −44 594 − 405 600 − 6 299 806 = −6 750 000;
//   tulos 7 108 000 − 6 750 000 − 250 000 (satunnaiset erät) = 108 000; ylijäämä 108 000 + 210 000 + 100 000 = 418 000.
const std::vector<CityCase> kCity = {
    {"ta2023", 2023, {{"kanslia", -4136458}, {"demokratia", -950000}, {"sivistys", -30904530}, {"elinkeino", -4910000}},
     -40900988, 705000, 6076512, -5986512, 90000, 300000, 5676512, 3750000},
    {"tp2023", 2023, {{"kanslia", -3890506}, {"demokratia", -3585000}, {"sivistys", -31913082}, {"elinkeino", -1712400}},
     -41100988, 255000, 8476512, -6300000, 2176512, 2386512, 5626512, 3170000},
    {"ta2024", 2024, {{"kanslia", -3942834}, {"demokratia", -931000}, {"sivistys", -31901166}, {"elinkeino", -4825000}},
     -41600000, -590000, 2940000, -6600000, -3660000, -3450000, 2340000, 6550000},
    {"tp2024", 2024, {{"kanslia", -3612763}, {"demokratia", -928000}, {"sivistys", -31842037}, {"elinkeino", -4667200}},
     -41050000, 648000, 7108000, -6750000, 108000, 418000, 5658000, 5250000},
    {"ta2025", 2025, {{"kanslia", -4165639}, {"demokratia", -1018000}, {"sivistys", -32334361}, {"elinkeino", -4682000}},
     -42200000, -70000, 5280000, -7050000, -1770000, -1470000, 4780000, 7250000},
    {"ts2026", 2026, {{"kanslia", -4222400}, {"demokratia", -1042000}, {"sivistys", -32393600}, {"elinkeino", -4742000}},
     -42400000, -170000, 5960000, -7300000, -1340000, -1040000, 5460000, 4050000},
    {"ts2027", 2027, {{"kanslia", -4286000}, {"demokratia", -999000}, {"sivistys", -32757000}, {"elinkeino", -4858000}},
     -42900000, -170000, 7280000, -7400000, -120000, 180000, 6780000, 1850000},
};

TEST(DemoCity, IncomeStatementAndFinancingByHand) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  Ledger ledger(d);
  for (const auto& c : kCity) {
    SCOPED_TRACE(c.scenario);
    OrgView org(d.units, Date::last_of_year(c.year));
    auto v = [&](const char* unit, const char* line) { return ledger.value(org, unit, line, c.scenario); };
    std::int64_t sectors = 0;
    for (const char* s : kSectors) {
      EXPECT_EQ(v(s, "operating_margin"), eur(c.sector_margin.at(s))) << s;
      sectors += c.sector_margin.at(s);
    }
    // The sectors' operating margins add up to the city's, which has none of its own.
    EXPECT_EQ(sectors, c.operating_margin);
    EXPECT_EQ(v("loviisa", "operating_margin"), eur(c.operating_margin));
    EXPECT_EQ(v("loviisa", "financial_items"), eur(c.financial_items));
    EXPECT_EQ(v("loviisa", "annual_margin"), eur(c.annual_margin));
    EXPECT_EQ(v("loviisa", "depreciation"), eur(c.depreciation));
    EXPECT_EQ(v("loviisa", "result"), eur(c.result));
    EXPECT_EQ(v("loviisa", "surplus"), eur(c.surplus));
    EXPECT_EQ(v("loviisa", "operations_cash_flow"), eur(c.operations_cash_flow));
    EXPECT_EQ(v("loviisa", "financing_cash_flow"), eur(c.financing_cash_flow));
  }
}

// The published facts the constructed figures were made to meet (data/demo/README.md).
TEST(DemoCity, MeetsThePublishedFigures) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  Ledger ledger(d);
  OrgView org23(d.units, Date::last_of_year(2023)), org24(d.units, Date::last_of_year(2024));
  auto v = [&](const OrgView& org, const char* line, const char* sc) { return ledger.value(org, "loviisa", line, sc).value_or(0); };
  // 2023: income 3.5 M€ and costs 3.7 M€ over the budget, taxes 3.9 M€ over, the result 2.1 M€
  // better than the budgeted surplus of 0.3 M€; 2024 budgeted a deficit of 3.45 M€.
  EXPECT_EQ(v(org23, "operating_income", "tp2023") - v(org23, "operating_income", "ta2023"), eur(3500000));
  EXPECT_EQ(v(org23, "operating_costs", "tp2023") - v(org23, "operating_costs", "ta2023"), eur(-3700000));
  EXPECT_EQ(v(org23, "tax_revenue", "tp2023") - v(org23, "tax_revenue", "ta2023"), eur(3900000));
  EXPECT_EQ(v(org23, "surplus", "ta2023"), eur(300000));
  EXPECT_EQ(v(org23, "surplus", "tp2023") - v(org23, "surplus", "ta2023"), eur(2086512));
  EXPECT_EQ(v(org24, "surplus", "ta2024"), eur(-3450000));
  // The accumulated surplus of the actuals rolls forward by the year's surplus.
  EXPECT_EQ(v(org24, "accumulated_surplus", "tp2024") - v(org23, "accumulated_surplus", "tp2023"), eur(418000));
  EXPECT_EQ(v(org24, "loan_stock", "tp2024") - v(org23, "loan_stock", "tp2023"), eur(10000000 - 5500000 + 1000000));
  // Cash rolls forward by the financing part's cash change, investments included: 2024 by hand
  // 7 108 000 − 250 000 − 1 200 000 (operations) − 9 300 000 (investment part, TP 2024 net)
  // + 50 000 + 10 000 000 − 5 500 000 + 1 000 000 − 300 000 (financing) = 1 608 000.
  EXPECT_EQ(v(org24, "cash_change", "tp2024"), eur(1608000));
  EXPECT_EQ(v(org24, "cash_assets", "tp2024") - v(org23, "cash_assets", "tp2023"), eur(1608000));
}

// The demo ledger of 2025 books the city's own income-statement accounts on the root's cost
// center 1900 (generate.mjs: the annual amount × the months' shares, January–September).
TEST(DemoCity, TheLedgerBooksTheCityLevelAccounts) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  ASSERT_EQ(testing::import_demo_ledger(db), 0);
  Dataset d = read_db(db);
  auto lstore = open_ledger_store(db);
  attach_ledger_months(d, monthly_actuals(*lstore, 2025));
  Ledger ledger(d);
  OrgView org(d.units, Date::last_of_year(2025));
  auto to_september = [&](const char* unit, const char* line) {
    std::optional<Cents> sum;
    for (int m = 1; m <= 9; ++m) sum = add_opt(sum, ledger.value(org, unit, line, ledger_scenario_id(2025, m)));
    return sum;
  };
  // Taxes: 26 300 000 × 0.74 + 5 600 000 × 0.74 + 6 700 000 × 0.37 = 19 462 000 + 4 144 000 + 2 479 000.
  EXPECT_EQ(to_september("loviisa", "tax_revenue"), eur(26085000));
  // State transfers: a twelfth a month, each rounded to the cent: (616 666,67 + 129 166,67) × 9.
  EXPECT_EQ(to_september("loviisa", "state_transfers"), 671250006);
  // 120 000 × 0.75 + 1 800 000 × 0.95 − 1 950 000 × 0.75 − 40 000 × 0.6 = 90 000 + 1 710 000 − 1 462 500 − 24 000.
  EXPECT_EQ(to_september("loviisa", "financial_items"), eur(313500));
  EXPECT_EQ(to_september("loviisa", "extraordinary_items"), eur(64000));
  EXPECT_EQ(to_september("loviisa", "impairments"), eur(-180000));  // August, at elinkeino
  EXPECT_EQ(to_september("elinkeino", "impairments"), eur(-180000));
  // Sivistys' depreciation: 420 000 × 0.75, on its two cost centers (85 % and 15 %).
  EXPECT_EQ(to_september("sivistys", "planned_depreciation"), eur(-315000));
  // Every part of the income statement has a figure by September: vuosikate, tulos.
  EXPECT_TRUE(to_september("loviisa", "annual_margin").has_value());
  EXPECT_TRUE(to_september("loviisa", "result").has_value());
}

}  // namespace
}  // namespace toteuma
