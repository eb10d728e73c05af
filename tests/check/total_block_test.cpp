// What a printed total adds up, read from its block (issue 15, item 3): hand-made blocks of rows.
#include <gtest/gtest.h>

#include "check/check_totals.h"
#include "check/total_block.h"
#include "ingest/csv.h"
#include "ingest/dataset_files.h"

namespace toteuma {
namespace {

struct R {
  const char* line;  // chart line id, "" = unknown to the chart, "~" = an "of which" row
  std::optional<Cents> value;
};

struct BlockCase {
  const char* name;
  std::vector<R> rows;  // the last row is the total
  BlockSum::Kind kind;
  Cents sum;
  int terms;
};

void expect_blocks(const Chart& chart, const std::vector<BlockCase>& cases, const std::string& chart_name) {
  for (const auto& c : cases) {
    std::vector<BlockRow> rows;
    int n = 0;
    for (const auto& r : c.rows) {
      std::string id = r.line;
      rows.push_back({id.empty() || id == "~" ? nullptr : chart.find(id), r.value, id == "~", ++n});
    }
    BlockSum b = block_sum(chart, rows, rows.size() - 1, 100);
    EXPECT_EQ(static_cast<int>(b.kind), static_cast<int>(c.kind)) << c.name << " / " << chart_name;
    EXPECT_EQ(b.sum, c.sum) << c.name << " / " << chart_name;
    EXPECT_EQ(b.terms, c.terms) << c.name << " / " << chart_name;
    EXPECT_EQ(b.term_rows.size(), static_cast<std::size_t>(c.terms)) << c.name << " / " << chart_name;
  }
}

// Blocks read the same against the chart and against the check chart (Käyttökate grouped in).
std::vector<BlockCase> chart_cases() {
  return {
      {"parts only", {{"sales", 100}, {"fees", 50}, {"operating_income", 150}}, BlockSum::Kind::parts, 150, 2},
      // Henkilöstökulut not printed: Palkat and Henkilösivukulut are parts of Toimintakulut all the same.
      {"unprinted subtotal", {{"wages", -80}, {"side_costs", -20}, {"services", -30}, {"operating_costs", -130}},
       BlockSum::Kind::parts, -130, 3},
      // A printed subtotal stands for its parts.
      {"printed subtotal",
       {{"sales", 100}, {"operating_income", 100}, {"wages", -80}, {"operating_costs", -80}, {"operating_margin", 20}},
       BlockSum::Kind::parts, 20, 2},
      // An unknown row is a term of the block as printed.
      {"unknown row", {{"sales", 100}, {"", 40}, {"fees", 10}, {"operating_income", 150}}, BlockSum::Kind::all_rows, 150, 3},
      // An unknown row printing the sum of the rows above it is their subtotal.
      {"unknown subtotal",
       {{"operating_margin", -500}, {"tax_revenue", 400}, {"state_transfers", 200}, {"", 100}, {"interest_income", 5},
        {"annual_margin", 105}},
       BlockSum::Kind::all_rows, 105, 2},
      // A total heading its block (its parts below add up to it) stands for them.
      {"total above its parts",
       {{"operating_margin", -600}, {"financial_items", 10}, {"interest_income", 12}, {"interest_costs", -2},
        {"annual_margin", -590}},
       BlockSum::Kind::parts, -590, 2},
      // A subtotal printed above its parts, one of them broken down into rows the chart does not know.
      {"breakdown below a row",
       {{"personnel_costs", -100}, {"wages", -70}, {"side_costs", -30}, {"", -25}, {"", -5}, {"services", -50},
        {"operating_costs", -150}},
       BlockSum::Kind::parts, -150, 2},
      // "Of which" rows are in no sum, and do not end a block.
      {"of which", {{"sales", 100}, {"~", 60}, {"fees", 10}, {"operating_income", 110}}, BlockSum::Kind::parts, 110, 2},
      // The block ends at a row that is none of the total's parts.
      {"ends at another line", {{"tax_revenue", 999}, {"sales", 100}, {"operating_income", 100}},
       BlockSum::Kind::parts, 100, 1},
      // A key-figure table: Toimintakulut, Verotulot, Valtionosuudet, Vuosikate — no Toimintatuotot, no
      // financial items, so the block is not the whole Vuosikate (compared as all rows, never as parts).
      {"statement lines missing", {{"operating_costs", -6734}, {"tax_revenue", 3346}, {"state_transfers", 2260},
                                   {"annual_margin", 9}},
       BlockSum::Kind::all_rows, -1128, 3},
      // Nothing of it printed above: not this table's total.
      {"no parts", {{"tax_revenue", 999}, {"", 5}, {"operating_income", 100}}, BlockSum::Kind::none, 0, 0},
      // Toimintakulut, Verotulot, Valtionosuudet, financial items, Vuosikate: Toimintakate's lines are
      // missing, so not the whole Vuosikate — also through Käyttökate in the check chart.
      {"key figures with financial items",
       {{"operating_costs", -6734}, {"tax_revenue", 3346}, {"state_transfers", 2260}, {"financial_items", 20},
        {"annual_margin", 9}},
       BlockSum::Kind::all_rows, -1108, 4},
  };
}

TEST(TotalBlock, ReadsWhatATotalAddsUp) {
  expect_blocks(default_chart(), chart_cases(), "chart");
  expect_blocks(with_check_totals(default_chart()).chart, chart_cases(), "check chart");
}

// data/checks/totals.csv: Käyttökate groups Toimintakate, Verotulot and Valtionosuudet within Vuosikate.
TEST(CheckTotals, GroupTermsOfAChartTotal) {
  CheckChart c = with_check_totals(default_chart());
  EXPECT_EQ(c.check_only, (std::set<std::string>{"taxes_and_transfers", "operating_margin_after_taxes", "financial_income",
                                                 "financial_costs"}));
  EXPECT_EQ(to_string(c.chart.find("financial_items")->formula), "+financial_income +financial_costs");
  EXPECT_EQ(to_string(c.chart.find("annual_margin")->formula), "+operating_margin_after_taxes +financial_items");
  EXPECT_EQ(to_string(c.chart.find("operating_margin_after_taxes")->formula), "+operating_margin +taxes_and_transfers");
  EXPECT_EQ(c.chart.find("operating_margin_after_taxes")->name.fi, "Käyttökate");
  const std::vector<BlockCase> cases = {
      // Käyttökate printed: Vuosikate is Käyttökate + the financial items (500 − 100 = 400).
      {"printed Käyttökate",
       {{"operating_margin", -10000}, {"tax_revenue", 6000}, {"state_transfers", 4500},
        {"operating_margin_after_taxes", 500}, {"financial_items", -100}, {"annual_margin", 400}},
       BlockSum::Kind::parts, 400, 2},
      {"Käyttökate's own block",
       {{"operating_margin", -10000}, {"tax_revenue", 6000}, {"state_transfers", 4500},
        {"operating_margin_after_taxes", 600}},
       BlockSum::Kind::parts, 500, 3},
  };
  expect_blocks(c.chart, cases, "check chart");
  // A chart without the lines a row groups leaves it out; a malformed file is an input error.
  Line x, t;
  x.id = "x";
  t.id = "t", t.kind = LineKind::total, t.formula = {{1, "x"}};
  Chart own({x, t});
  EXPECT_TRUE(with_check_totals(own).check_only.empty());
  EXPECT_THROW(with_check_totals(default_chart(), "id;name_fi;name_sv;synonyms_fi;synonyms_sv;formula;within\nk;K;K;;;+;annual_margin\n", "t.csv"),
               InputError);
}

}  // namespace
}  // namespace toteuma
