// A general ledger holding accounts 3000–8999 books into every part of the chart (issue 14): the
// operating lines on the sectors' cost centers, taxes, state transfers, financial and extraordinary
// items and the appropriation changes on the municipality's root — and the root's follow-up adds
// them up to Vuosikate, Tilikauden tulos and Tilikauden ylijäämä by the decree's formulas.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "cli/ledger_commands.h"
#include "core/finance/follow_up.h"
#include "store/store.h"
#include "demo_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

TEST(LedgerParts, AccountsThreeToEightThousandBookIntoEveryPart) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  LedgerOptions o;
  o.db = db;
  auto dir = testing::source_dir() / "tests" / "ledger";
  o.files = {(dir / "whole.csv").string()};
  o.mapping = (dir / "whole-mapping.toml").string();
  std::ostringstream out;
  ASSERT_EQ(cmd_import_ledger(o, out), 0) << out.str();

  // By hand from tests/ledger/whole.csv (every row in January 2025; 2016 is a balance-sheet row).
  std::map<std::pair<std::string, std::string>, Cents> expected = {
      {{"kansliapalvelut", "sales"}, 50000},              {{"kansliapalvelut", "wages"}, -200000},
      {{"kansliapalvelut", "planned_depreciation"}, -80000},
      {{"loviisa", "tax_revenue"}, 12000000},             // 100 000 + 20 000 (5000, 5200)
      {{"loviisa", "state_transfers"}, 5000000},          {{"loviisa", "interest_income"}, 30000},
      {{"loviisa", "other_financial_income"}, 20000},     {{"loviisa", "interest_costs"}, -150000},
      {{"loviisa", "other_financial_costs"}, -10000},     {{"loviisa", "impairments"}, -5000},
      {{"loviisa", "extraordinary_items"}, 40000},        {{"loviisa", "depreciation_difference_change"}, 6000},
      {{"loviisa", "reserves_change"}, -3000},            {{"loviisa", "funds_change"}, -2000}};
  std::map<std::pair<std::string, std::string>, Cents> got;
  auto actuals = open_sqlite_ledger_store(db)->actuals();
  for (const auto& a : actuals) {
    EXPECT_EQ(a.month, "2025-01");
    got[{a.unit, a.line}] += a.amount;
  }
  EXPECT_EQ(got, expected);

  Dataset d = open_sqlite_store(db)->read();
  auto ledger = open_sqlite_ledger_store(db);
  std::vector<MonthlyActual> months = monthly_actuals(*ledger, 2025);
  FollowUp f = build_follow_up({d, months, 0}, "loviisa", 2025, 1, Lang::fi);
  std::map<std::string, std::optional<Cents>> to_date;
  for (const auto& r : f.summary.rows) to_date[r.line] = r.values[2];
  struct Case {
    const char* line;
    Cents cents;
  } cases[] = {
      {"operating_margin", -150000},  // 500 − 2 000
      {"financial_items", -110000},   // 300 + 200 − 1 500 − 100
      {"annual_margin", 16740000},    // −1 500 + 120 000 + 50 000 − 1 100
      {"depreciation", -85000},       // −800 (kansliapalvelut) − 50 (the root's impairment)
      {"result", 16695000},           // 167 400 − 850 + 400
      {"surplus", 16696000},          // 166 950 + 60 − 30 − 20
  };
  for (const auto& c : cases) EXPECT_EQ(to_date[c.line], c.cents) << c.line;
}

}  // namespace
}  // namespace toteuma
