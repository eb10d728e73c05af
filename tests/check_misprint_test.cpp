// One misprint, one error; signs per row (check/misprint.h, check/sign_convention.h). The
// planted-fault tables with their exact findings are in tests/checks/cases/ (misprint_*,
// missing_minus, sign_outlier, costs_positive, favourable_positive, signs_per_row,
// blank_total_deviation); these tests cover the parts those files do not show.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "check/misprint.h"
#include "check/quantity_structure.h"
#include "check/sign_convention.h"
#include "check/report_format.h"
#include "check/table_checks.h"
#include "check/table_vocabulary.h"
#include "cli/commands.h"
#include "ingest/dataset_files.h"
#include "ingest/printed_table.h"
#include "test_util.h"

namespace toteuma {
namespace {

std::string case_table(const std::string& name) {
  return (testing::source_dir() / "tests" / "checks" / "cases" / name / "t.csv").string();
}

// Each case's conventions, worked out by hand from its figures.
struct ConventionCase {
  std::string name;
  bool costs_positive, deviation_reversed, cost_deviation_reversed;
  std::vector<std::string> rows_other_sign;
};

TEST(CheckSigns, ConventionsPerRowType) {
  const std::vector<ConventionCase> cases = {
      {"clean", false, false, false, {}},
      // costs positive, every deviation budget − actual as printed
      {"conventions", true, true, true, {}},
      // costs positive, deviation actual − budget as printed (a cost overrun positive)
      {"costs_positive", true, false, false, {}},
      // costs positive, income actual − budget, costs budget − actual
      {"favourable_positive", true, false, true, {}},
      // operating costs negative, interest costs positive in every column
      {"signs_per_row", false, false, false, {"Korkokulut"}},
  };
  for (const auto& c : cases) {
    auto r = check_tables({read_printed_table(case_table(c.name))}, default_chart());
    ASSERT_EQ(r.conventions.size(), 1u) << c.name;
    const auto& conv = r.conventions[0];
    EXPECT_EQ(conv.costs_positive, c.costs_positive) << c.name;
    EXPECT_EQ(conv.deviation_reversed, c.deviation_reversed) << c.name;
    EXPECT_EQ(conv.cost_deviation_reversed, c.cost_deviation_reversed) << c.name;
    EXPECT_EQ(conv.rows_other_sign, c.rows_other_sign) << c.name;
    EXPECT_FALSE(has_errors(r.findings)) << c.name;
  }
}

TEST(CheckSigns, TextOutputStatesTheConventionPerRowType) {
  auto r = check_tables({read_printed_table(case_table("favourable_positive"))}, default_chart());
  EXPECT_NE(findings_text(r.findings, r.conventions, Lang::fi)
                .find("poikkeama: tuotot toteuma − talousarvio, kulut talousarvio − toteuma"),
            std::string::npos);
  EXPECT_NE(findings_text(r.findings, r.conventions, Lang::sv)
                .find("avvikelse: intäkter utfall − budget, kostnader budget − utfall"),
            std::string::npos);
  auto s = check_tables({read_printed_table(case_table("signs_per_row"))}, default_chart());
  EXPECT_NE(findings_text(s.findings, s.conventions, Lang::fi).find("(toisella etumerkillä: Korkokulut)"),
            std::string::npos);
}

// Figures printed against their row's sign: a missing minus keeps the row's size (Sjundeå's
// depreciation 2020, Helsingfors' financing costs 2021), a reversal a thousand times smaller
// (Jyväskylä's impairments 2017: 155 419 against -114 135 833) is meant.
TEST(CheckSigns, OutlierOfTheRowsSize) {
  EXPECT_TRUE(of_the_rows_size(189600, {-155000, -198200, -202700, -226800, 189600, 164500}));
  EXPECT_TRUE(of_the_rows_size(150000, {-34500, -100000, -50100, 150000, 150000}));
  EXPECT_FALSE(of_the_rows_size(15541935, {-11413583264, 15541935, -11844442816}));
}

TEST(CheckMisprint, LikenessOfACorrection) {
  struct Case {
    Cents printed, corrected, unit;
    int likeness;
  };
  const std::vector<Case> cases = {
      {185917300, 189517300, 100, 2},       // 1 859 173 for 1 895 173: two digits swapped
      {-2164959100, -2161359100, 100, 0},   // 21 649 591 for 21 613 591: two digits apart
      {125000, 120000, 100, 2},             // 1 250 for 1 200: one digit
      {550000, -550000, 100, 3},            // the sign alone
      {155000000, -154900000, 100000, 3},   // 1 550 for -1 549 (thousands): the sign, within rounding
      {150, -150, 100, 0},                  // 1,50 € is no figure to have a sign error
      {12000, 120000, 100, 1},              // 120 for 1 200: a digit dropped
      {-2581100, -3175000, 100, 0},         // 25 811 for 31 750
      {360000000, 370000000, 10000000, 2},  // 3,6 for 3,7 M€ (printed to 0,1 M€)
      {50000, -40000, 100, 0},              // other sign and other digits
  };
  for (const auto& c : cases)
    EXPECT_EQ(misprint_likeness(c.printed, c.corrected, c.unit), c.likeness) << c.printed << " → " << c.corrected;
}

TEST(CheckMisprint, RelatedChecksInJsonAndText) {
  CommandOptions o;
  o.tables = {case_table("misprint_detail")};
  o.format = "json";
  std::ostringstream out;
  EXPECT_EQ(cmd_check(o, out), 1);
  auto j = nlohmann::json::parse(out.str());
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["rule"], "arith.misprint");
  EXPECT_EQ(j[0]["expected"]["euros"], 1200);
  EXPECT_EQ(j[0]["found"]["euros"], 1250);
  ASSERT_EQ(j[0]["related"].size(), 2u);
  EXPECT_EQ(j[0]["related"][0]["rule"], "arith.deviation");
  EXPECT_EQ(j[0]["related"][0]["location"]["column"], "Poikkeama");
  EXPECT_EQ(j[0]["related"][1]["rule"], "arith.total");
  EXPECT_EQ(j[0]["related"][1]["location"]["row"], "Toimintatuotot");
  for (const char* lang : {"fi", "sv", "en"}) EXPECT_FALSE(j[0]["message"][lang].get<std::string>().empty());
  EXPECT_NE(j[0]["message"]["sv"].get<std::string>().find("med 1 200"), std::string::npos);

  o.format = "text";
  std::ostringstream text;
  cmd_check(o, text);
  EXPECT_NE(text.str().find("  ↳ liittyy arith.total t.csv:6 [Toimintatuotot | TP 2024]"), std::string::npos) << text.str();
  // One error, not three.
  EXPECT_NE(text.str().find("Virheitä 1,"), std::string::npos);
}

// Two cells wrong in one relation's reach: no single cell explains it, so it is reported as
// before (total_error: the total agrees with its deviation and its parent, its parts do not).
TEST(CheckMisprint, NoSingleCellLeavesTheFindingsAsTheyAre) {
  auto r = check_tables({read_printed_table(case_table("total_error"))}, default_chart());
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].rule, "arith.total");
  EXPECT_EQ(r.findings[0].where.row, "Toimintatuotot");
  EXPECT_TRUE(r.findings[0].related.empty());
}

// Labels and cells of tables of quantities as printed (seed 003, the Helsinki personnel report).
TEST(QuantityStructure, LabelsAndCells) {
  for (const char* l : {"Yhteensä", "Yhteensä 2020", "Koko kaupunki yht.", "Elinvoima yhteensä", "Totalt", "Yht."})
    EXPECT_TRUE(is_total_label(l)) << l;
  for (const char* l : {"Kaupunkiympäristön toimiala (ilman HKL ja Pel)", "Työllistetyt", "Yhteiset palvelut"})
    EXPECT_FALSE(is_total_label(l)) << l;
  for (const char* l : {"josta työllistetyt", "Joista vakinaiset", "Yht. ilman työllistettyjä", "varav fast anställda"})
    EXPECT_TRUE(is_of_which_label(l)) << l;
  for (const char* l : {"Kaupunkiympäristön toimiala (ilman HKL ja Pel)", "Yhteensä 2021 (ilman HKL)", "Työllistetyt"})
    EXPECT_FALSE(is_of_which_label(l)) << l;
  EXPECT_TRUE(is_percent_row({"12,5  %", "18,4 %", ""}));
  EXPECT_FALSE(is_percent_row({"12,5 %", "1 255"}));
  EXPECT_FALSE(is_percent_row({"", " "}));
  // "None" in a count column is the vocabulary's no-value cell (padded as PDF extracts print it).
  for (const char* c : {"-", " – ", "—"}) EXPECT_TRUE(no_value_cell(c)) << c;
  for (const char* c : {"-5", "0"}) EXPECT_FALSE(no_value_cell(c)) << c;
}

// Group rows above their sub-rows, a subtotal of the last rows of a block and the grand total
// (figures made up for the layout, hundredths).
TEST(QuantityStructure, ImpliedSums) {
  auto row = [](const char* label, std::vector<std::optional<std::int64_t>> v) { return QuantityRowInfo{label, v}; };
  std::vector<QuantityRowInfo> rows = {
      row("Hallinto", {1000, 200}),         row("Hyvinvointi", {12000, 3000}), row("Kotihoito", {7000, 2000}),
      row("Varhaiskasvatus", {5000, 1000}), row("Työllistetyt", {500, 500}),   row("Yhteensä", {12500, 3500}),
      row("Tekniikka", {4000, 500}),        row("Koko kaupunki", {17500, 4200}),
  };
  auto sums = implied_sums(rows, {100, 100});
  ASSERT_EQ(sums.size(), 3u);
  EXPECT_EQ(sums[0].total, 1u);  // Hyvinvointi 120 = Kotihoito 70 + Varhaiskasvatus 50
  EXPECT_EQ(sums[0].parts, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(sums[1].total, 5u);  // Yhteensä 125 = Hyvinvointi 120 + Työllistetyt 5 (not Hallinto)
  EXPECT_EQ(sums[1].parts, (std::vector<std::size_t>{1, 4}));
  EXPECT_EQ(sums[2].total, 7u);  // Koko kaupunki 175 = Hallinto 10 + Yhteensä 125 + Tekniikka 40
  EXPECT_EQ(sums[2].parts, (std::vector<std::size_t>{0, 5, 6}));
}

// Groups two levels deep: Sivistystoimi 100 = Opetus 60 + Varhaiskasvatus 40, Opetus 60 = Perusopetus 40
// + Lukio 20. Read top-down with the fewest rows, Sivistystoimi would be Opetus + Perusopetus (60 + 40) in
// 2023 and off by one in 2024, and the total would count Lukio and Varhaiskasvatus twice.
TEST(QuantityStructure, NestedGroups) {
  auto row = [](const char* label, std::vector<std::optional<std::int64_t>> v) { return QuantityRowInfo{label, v}; };
  std::vector<QuantityRowInfo> rows = {
      row("Keskushallinto", {3000, 3200}), row("Hallinto", {1000, 1100}),     row("Talous", {2000, 2100}),
      row("Sivistystoimi", {10000, 10400}), row("Opetus", {6000, 6200}),      row("Perusopetus", {4000, 4100}),
      row("Lukio", {2000, 2100}),           row("Varhaiskasvatus", {4000, 4200}), row("Yhteensä", {13000, 13600}),
  };
  auto sums = implied_sums(rows, {100, 100});
  ASSERT_EQ(sums.size(), 4u);
  EXPECT_EQ(sums[0].total, 0u);
  EXPECT_EQ(sums[0].parts, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(sums[1].total, 3u);
  EXPECT_EQ(sums[1].parts, (std::vector<std::size_t>{4, 7}));
  EXPECT_EQ(sums[2].total, 4u);
  EXPECT_EQ(sums[2].parts, (std::vector<std::size_t>{5, 6}));
  EXPECT_EQ(sums[3].total, 8u);  // Yhteensä 136 = Keskushallinto 32 + Sivistystoimi 104
  EXPECT_EQ(sums[3].parts, (std::vector<std::size_t>{0, 3}));
}

}  // namespace
}  // namespace toteuma
