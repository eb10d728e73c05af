// A general ledger holding accounts 3000–8999 books into every part of the chart (issue 14): the
// operating lines on the sectors' cost centers, taxes, state transfers, financial and extraordinary
// items and the appropriation changes on the municipality's root — and the root's follow-up adds
// them up to Vuosikate, Tilikauden tulos and Tilikauden ylijäämä by the decree's formulas.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "cli/ledger_commands.h"
#include "core/finance/follow_up.h"
#include "core/finance/investment_table.h"
#include "ingest/csv.h"
#include "store/store.h"
#include "demo_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

// Imports tests/ledger/whole.csv with its mapping into the demo database `db`.
void import_whole(const std::string& db) {
  LedgerOptions o;
  o.db = db;
  auto dir = testing::source_dir() / "tests" / "ledger";
  o.files = {(dir / "whole.csv").string()};
  o.mapping = (dir / "whole-mapping.toml").string();
  std::ostringstream out;
  ASSERT_EQ(cmd_import_ledger(o, out), 0) << out.str();
}

TEST(LedgerParts, AccountsThreeToEightThousandBookIntoEveryPart) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  ASSERT_NO_FATAL_FAILURE(import_whole(db));

  // By hand from tests/ledger/whole.csv (every row in January 2025; 2016 and 2023 are balance-sheet
  // rows: 2023 has no project; 2017 has a project on an operating account, so it stays operating).
  std::map<std::pair<std::string, std::string>, Cents> expected = {
      {{"kansliapalvelut", "sales"}, 50000},              {{"kansliapalvelut", "wages"}, -200000},
      {{"kansliapalvelut", "services"}, -100000},
      // The investment part's rows on the projects' owning unit (every demo group is the city's):
      {{"loviisa", "investment_expenditure"}, -4450050},  // −30 000 − 2 000 − 12 500,50 (2018, 2019, 2020)
      {{"loviisa", "investment_grants"}, 800000},         // 8 000 (2021, account 1196)
      {{"loviisa", "asset_sales"}, 4500000},              // 45 000 (2022, account 1101)
      {{"kansliapalvelut", "planned_depreciation"}, -80000},
      {{"loviisa", "tax_revenue"}, 12000000},             // 100 000 + 20 000 (5000, 5200)
      {{"loviisa", "state_transfers"}, 5000000},          {{"loviisa", "interest_income"}, 30000},
      {{"loviisa", "other_financial_income"}, 20000},     {{"loviisa", "interest_costs"}, -150000},
      {{"loviisa", "other_financial_costs"}, -10000},     {{"loviisa", "impairments"}, -5000},
      {{"loviisa", "extraordinary_items"}, 40000},        {{"loviisa", "depreciation_difference_change"}, 6000},
      {{"loviisa", "reserves_change"}, -3000},            {{"loviisa", "funds_change"}, -2000}};
  std::map<std::pair<std::string, std::string>, Cents> got;
  auto actuals = open_ledger_store(db)->actuals();
  for (const auto& a : actuals) {
    EXPECT_EQ(a.month, "2025-01");
    got[{a.unit, a.line}] += a.amount;
  }
  EXPECT_EQ(got, expected);

  Dataset d = open_store(db)->read();
  auto ledger = open_ledger_store(db);
  std::vector<MonthlyActual> months = monthly_actuals(*ledger, 2025);
  FollowUp f = build_follow_up({d, months, 0}, "loviisa", 2025, 1, Lang::fi);
  std::map<std::string, std::optional<Cents>> to_date;
  for (const auto& r : f.summary.rows) to_date[r.line] = r.values[2];
  struct Case {
    const char* line;
    Cents cents;
  } cases[] = {
      {"operating_margin", -250000},  // 500 − 2 000 − 1 000
      {"financial_items", -110000},   // 300 + 200 − 1 500 − 100
      {"annual_margin", 16640000},    // −2 500 + 120 000 + 50 000 − 1 100
      {"depreciation", -85000},       // −800 (kansliapalvelut) − 50 (the root's impairment)
      {"result", 16595000},           // 166 400 − 850 + 400
      {"surplus", 16596000},          // 165 950 + 60 − 30 − 20
  };
  for (const auto& c : cases) EXPECT_EQ(to_date[c.line], c.cents) << c.line;
}

// The investment part's rows of the same ledger, per project (the "project dimension" of the
// mapping), and the investment part's in-year follow-up computed from them.
TEST(LedgerParts, ProjectRowsBookIntoTheInvestmentPart) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  ASSERT_NO_FATAL_FAILURE(import_whole(db));
  auto store = open_ledger_store(db);
  std::vector<LedgerInvestmentActual> want = {
      {"2025-01", "p102-keskustan-paivakoti", "expenditure", -3200000, 2},  // 2018, 2019
      {"2025-01", "p201-katujen-peruskorjaus", "expenditure", -1250050, 1},
      {"2025-01", "p203-liikenneturvallisuus", "grants", 800000, 1},
      {"2025-01", "p402-maan-myynti", "asset_sales", 4500000, 1}};
  EXPECT_EQ(store->investment_actuals(2025), want);
  EXPECT_TRUE(store->investment_actuals(2024).empty());

  // The follow-up of January: the day-care centre (binding; TA 2025 −2 000 000 in the demo).
  Dataset d = open_store(db)->read();
  SimpleTable t = investment_follow_up_table(d, monthly_investment_actuals(*store, 2025), "loviisa", 2025, 1, Lang::fi);
  ASSERT_EQ(t.headings.size(), 4u);
  EXPECT_EQ(t.headings[1], "Toteuma 1–1/2025");
  auto row_after = [&](const std::string& heading, const std::string& label) -> const SimpleRow* {
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      if (t.rows[i].label.rfind(heading, 0) == 0)
        for (std::size_t k = i + 1; k < t.rows.size(); ++k)
          if (t.rows[k].label == label) return &t.rows[k];
    return nullptr;
  };
  const SimpleRow* r = row_after("Keskustan päiväkoti", "Menot");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->cells[0], -200000000);  // TA 2025 after amendments
  EXPECT_EQ(r->cells[1], -3200000);    // −32 000 to date
  EXPECT_EQ(r->cells[2], 196800000);   // 1 968 000 left
  EXPECT_EQ(r->cells[3], 160);         // 1,6 % (hundredths of a per cent)
  r = row_after("Investointiosa yhteensä", "Netto");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->cells[1], 849950);  // −44 500,50 + 8 000 + 45 000
}

TEST(LedgerParts, ARowOfAnUnknownProjectIsRefusedWithItsPlace) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  std::string file = (tmp.path() / "projects.csv").string();
  testing::spit(file, "Tositepvm;Tili;Kustannuspaikka;Summa;Projekti\n"
                      "2.2.2025;1116;1000;-10,00;p102-keskustan-paivakoti\n"
                      "3.2.2025;1130;1000;-20,00;p999-tuntematon\n");
  LedgerOptions o;
  o.db = db;
  o.files = {file};
  o.mapping = (testing::source_dir() / "tests" / "ledger" / "whole-mapping.toml").string();
  std::ostringstream out;
  try {
    cmd_import_ledger(o, out);
    ADD_FAILURE() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file, file);
    EXPECT_EQ(e.line, 3) << e.what();
    EXPECT_EQ(e.column, "Projekti") << e.what();
  }
  EXPECT_TRUE(open_ledger_store(db)->investment_actuals().empty());
  // With --suspense it waits on the suspense line, the known project's row imported.
  o.suspense = true;
  ASSERT_EQ(cmd_import_ledger(o, out), 0);
  std::vector<LedgerInvestmentActual> want = {{"2025-02", "p102-keskustan-paivakoti", "expenditure", -1000, 1}};
  EXPECT_EQ(open_ledger_store(db)->investment_actuals(), want);
  auto suspense = open_ledger_store(db)->suspense("2025-02");
  ASSERT_EQ(suspense.size(), 1u);
  EXPECT_EQ(suspense[0].reason, "project");
  EXPECT_EQ(suspense[0].amount, -2000);
}

}  // namespace
}  // namespace toteuma
